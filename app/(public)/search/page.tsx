import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaginationNav } from "@/components/public/pagination-nav";
import { SearchBox } from "@/components/public/search-box";
import { SearchResults } from "@/components/public/search-results";
import { formatCount } from "@/lib/format";
import { parsePageParam } from "@/lib/pagination";
import { listTopics } from "@/lib/public/read";
import { searchArticles } from "@/lib/public/search";
import { pageMetadata } from "@/lib/public/seo";
import { normalizeQuery } from "@/lib/search/query";
import { PublicPage } from "@/components/public/public-page";

interface Props {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}

async function load({ searchParams }: Props) {
  const params = await searchParams;
  const query = normalizeQuery(params.q);
  const pageNumber = parsePageParam(params.page);
  return { query, pageNumber, data: pageNumber ? await searchArticles(query, pageNumber) : null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { query, pageNumber } = await load(props);
  const qs = new URLSearchParams(query ? { q: query } : {});
  if (pageNumber && pageNumber > 1) qs.set("page", String(pageNumber));
  return pageMetadata({
    title: query ? `Search results for “${query}”` : "Search",
    description: "Search everything the university's news office has published.",
    path: qs.size > 0 ? `/search?${qs}` : "/search",
    // Result pages are endless variations of other pages: crawlers follow them but do not index them.
    noindex: true,
  });
}

export default async function SearchPage(props: Props) {
  const { query, data } = await load(props);
  if (!data || data.kind === "past-end") notFound();
  return (
    <PublicPage>
      <h1 className="font-serif text-4xl font-bold text-brand-900">Search</h1>
      <SearchBox id="search-page-q" label="Search for" defaultValue={query} visibleLabel className="mt-6 max-w-xl" />
      {data.kind === "empty" ? (
        <SearchHelp hadInput={query.length > 0} />
      ) : data.total === 0 ? (
        <>
          <p className="mt-8 text-lg text-slate-800" role="status">
            No articles match “{query}”.
          </p>
          <SearchHelp hadInput />
        </>
      ) : (
        <>
          <p className="mt-8 text-slate-700" role="status">
            {formatCount(data.total)} {data.total === 1 ? "article matches" : "articles match"} “{query}”
            {data.page.pageCount > 1 && `, page ${data.page.page} of ${data.page.pageCount}`}.
          </p>
          <SearchResults results={data.results} />
          <PaginationNav page={data.page} basePath="/search" params={{ q: query }} labels={{ previous: "Previous", next: "Next" }} />
        </>
      )}
    </PublicPage>
  );
}

async function SearchHelp({ hadInput }: { hadInput: boolean }) {
  const topics = await listTopics();
  return (
    <div className="mt-8 max-w-2xl text-slate-800">
      {hadInput ? (
        <p>Try fewer or different words, or check the spelling.</p>
      ) : (
        <p>Type a word or two and press Search.</p>
      )}
      <ul className="mt-3 list-disc space-y-1 pl-6">
        <li>Search looks in headlines, summaries, article text, photo captions and topics.</li>
        <li>Every word must appear; put words in quotes, like “marine station”, to find them together.</li>
        <li>Accents and capitals do not matter, and related word forms match (“research” finds “researchers”).</li>
      </ul>
      <h2 className="mt-8 font-serif text-2xl font-bold text-brand-900">Browse instead</h2>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a href="/news" className="text-brand-700 underline underline-offset-4">
            Latest news
          </a>
        </li>
        {topics.map((t) => (
          <li key={t.slug}>
            <a href={`/topics/${t.slug}`} className="text-brand-700 underline underline-offset-4">
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
