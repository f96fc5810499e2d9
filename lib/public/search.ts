import "server-only";
import { unstable_cache } from "next/cache";
import { countSearch, searchPublished } from "@/db/queries/search";
import { cacheTags } from "@/lib/cache-tags";
import { paginate, type Page } from "@/lib/pagination";
import { MARK_CLOSE, MARK_OPEN, toMatchExpression, toSegments, type TextSegment } from "@/lib/search/query";
import type { PublicCard } from "./read";

export const SEARCH_PER_PAGE = 10;

export interface SearchResult {
  card: PublicCard;
  title: TextSegment[];
  snippet: TextSegment[];
}

export type SearchPage =
  | { kind: "empty" }
  | { kind: "results"; page: Page; total: number; results: SearchResult[] }
  | { kind: "past-end" };

// Cached per MATCH expression and page under `articles`, so publishing refreshes every search.
const cachedSearch = unstable_cache(
  async (match: string, pageNumber: number): Promise<SearchPage> => {
    let total: number;
    try {
      total = await countSearch(match);
    } catch (error) {
      // The expression builder quotes every word, so this should not happen; a reader still
      // gets an empty result rather than an error page.
      console.error("search failed", error);
      return { kind: "results", page: paginate(0, 1, SEARCH_PER_PAGE)!, total: 0, results: [] };
    }
    const page = paginate(total, pageNumber, SEARCH_PER_PAGE);
    if (!page) return { kind: "past-end" };
    const hits = await searchPublished(match, { open: MARK_OPEN, close: MARK_CLOSE }, page.perPage, page.offset);
    return {
      kind: "results",
      page,
      total,
      results: hits.map((h) => ({ card: h.card, title: toSegments(h.title), snippet: toSegments(h.snippet) })),
    };
  },
  ["search-v1"],
  { tags: [cacheTags.articles] },
);

/** One page of search results for what a reader typed (already normalized). */
export async function searchArticles(query: string, pageNumber: number): Promise<SearchPage> {
  const match = toMatchExpression(query);
  if (!match) return { kind: "empty" };
  return cachedSearch(match, pageNumber);
}
