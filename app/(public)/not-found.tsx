import { PublicPage } from "@/components/public/public-page";
import { SearchBox } from "@/components/public/search-box";
import { newsOffice } from "@/lib/public/site-info";
import { listTopics } from "@/lib/public/read";

/** The public site's 404: the site's header and footer, a search and the ways back. */
export default async function PublicNotFound() {
  const topics = await listTopics();
  return (
    <PublicPage>
      <div className="mx-auto max-w-2xl py-10">
        <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase">Error 404</p>
        <h1 className="mt-3 font-serif text-4xl font-bold text-brand-900">Page not found</h1>
        <p className="mt-4 text-lg text-slate-700">
          We could not find that page. It may have moved, the address may be mistyped, or the story may no longer be
          published.
        </p>
        <SearchBox id="not-found-q" label="Search the news for what you were looking for" visibleLabel className="mt-8" />
        <h2 className="mt-10 font-serif text-2xl font-bold text-brand-900">Or start from</h2>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href="/" className="font-medium text-brand-700 underline underline-offset-4">
              Front page
            </a>
          </li>
          <li>
            <a href="/news" className="font-medium text-brand-700 underline underline-offset-4">
              Latest news
            </a>
          </li>
          {topics.map((t) => (
            <li key={t.slug}>
              <a href={`/topics/${t.slug}`} className="font-medium text-brand-700 underline underline-offset-4">
                {t.name}
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-10 text-slate-700">
          If a link on this site brought you here, please tell us at{" "}
          <a href={`mailto:${newsOffice.email}`} className="text-brand-700 underline underline-offset-4">
            {newsOffice.email}
          </a>
          .
        </p>
      </div>
    </PublicPage>
  );
}
