import { env } from "@/lib/env";
import { listTopics } from "@/lib/public/read";
import { SearchBox } from "./search-box";

/** Masthead, tagline and the section navigation of the public site. */
export async function SiteHeader() {
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
        <ul className="mx-auto flex max-w-6xl gap-x-6 gap-y-1 overflow-x-auto px-4 py-3 text-sm font-medium whitespace-nowrap">
          <li>
            <a href="/news" className="text-brand-800 hover:text-accent-700 hover:underline">
              Latest news
            </a>
          </li>
          {topics.map((topic) => (
            <li key={topic.slug}>
              <a href={`/topics/${topic.slug}`} className="text-brand-800 hover:text-accent-700 hover:underline">
                {topic.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
