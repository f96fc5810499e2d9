import { env } from "@/lib/env";
import { listTopics } from "@/lib/public/read";
import { SearchBox } from "./search-box";

/** Masthead, tagline and the section navigation; `current` is the path of the page shown. */
export async function SiteHeader({ current }: { current?: string }) {
  const topics = await listTopics();
  const { MASTHEAD_SITE_NAME: name, MASTHEAD_SITE_DESCRIPTION: tagline } = env();
  return (
    <header role="banner" className="border-b border-slate-300 bg-white">
      <a
        href="#main"
        className="sr-only z-50 bg-accent-700 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <div className="bg-brand-900 text-brand-100">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-1.5 text-xs tracking-wide">
          <span className="font-semibold uppercase">Halden University</span>
          <span className="hidden sm:inline">Office of Communications · News</span>
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 pt-8 pb-5 md:flex-row md:items-end md:justify-between">
        <div>
          <a href="/" className="inline-block">
            <span className="font-serif text-4xl font-bold tracking-tight text-brand-900 md:text-5xl">{name}</span>
          </a>
          <p className="mt-3 max-w-3xl text-[0.95rem] leading-relaxed text-slate-700">{tagline}</p>
        </div>
        <SearchBox id="site-search" label="Search the news" className="no-print md:w-72 md:shrink-0" />
      </div>
      <nav aria-label="Sections" className="border-t border-slate-200">
        <ul className="mx-auto flex max-w-6xl gap-x-6 gap-y-1 overflow-x-auto px-4 text-sm font-medium whitespace-nowrap">
          <MenuLink href="/news" current={current}>
            Latest news
          </MenuLink>
          {topics.map((topic) => (
            <MenuLink key={topic.slug} href={`/topics/${topic.slug}`} current={current}>
              {topic.name}
            </MenuLink>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** A menu entry; the current page's is marked for screen readers and by a bar under it. */
function MenuLink({ href, current, children }: { href: string; current?: string; children: string }) {
  const isCurrent = href === current;
  return (
    <li>
      <a
        href={href}
        aria-current={isCurrent ? "page" : undefined}
        className={`inline-block border-b-[3px] py-2.5 hover:text-accent-700 hover:underline ${
          isCurrent ? "border-accent-700 font-semibold text-brand-900" : "border-transparent text-brand-800"
        }`}
      >
        {children}
      </a>
    </li>
  );
}
