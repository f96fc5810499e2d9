import "server-only";
import { pgPool, withSqlite } from "../client";
import { databaseEngine } from "../config";
import { countSearchPg, searchPublishedPg, termsFromMatch } from "../pg/search";
import { listCardsByIds, type PublicCard } from "./public";

/*
 * Full-text search over live articles. `publication_search` (migration 0005) holds only what
 * triggers copy from `publications`, so nothing unpublished can match. `match` must come from
 * lib/search/query.ts, which quotes every word. On PostgreSQL the same terms go to its own
 * full-text search (db/pg/search.ts: weighted tsvector, GIN index, ts_headline).
 */

export interface SearchHit {
  card: PublicCard;
  /** Title and snippet with matches between MARK_OPEN and MARK_CLOSE (see lib/search/query.ts). */
  title: string;
  snippet: string;
}

// Column weights for bm25: a match in the title counts most, then standfirst, topics, body.
const RANK = "bm25(publication_search, 10.0, 5.0, 1.0, 3.0)";

interface Row {
  articleId: number;
  title: string;
  body: string;
  standfirst: string;
}

/** How many live articles match. */
export async function countSearch(match: string): Promise<number> {
  if (databaseEngine() === "postgres") return await countSearchPg(pgPool(), termsFromMatch(match));
  const row = await withSqlite((sqlite) => sqlite.prepare("SELECT count(*) AS n FROM publication_search WHERE publication_search MATCH ?").get(match)) as
    | { n: number }
    | undefined;
  return row?.n ?? 0;
}

/** One page of live articles matching `match`, best first (newest first among equals). */
export async function searchPublished(match: string, marks: { open: string; close: string }, limit: number, offset: number): Promise<SearchHit[]> {
  const found = databaseEngine() === "postgres" ? await searchPublishedPg(pgPool(), termsFromMatch(match), marks, limit, offset) : await searchPublishedSqlite(match, marks, limit, offset);
  const cards = new Map((await listCardsByIds(found.map((r) => r.articleId))).map((c) => [c.articleId, c]));
  return found.flatMap((row) => {
    const card = cards.get(row.articleId);
    return card ? [{ card, title: row.title, snippet: row.snippet }] : [];
  });
}

/** FTS5's page of matches: the title marked, and the passage that matched. */
async function searchPublishedSqlite(match: string, marks: { open: string; close: string }, limit: number, offset: number): Promise<{ articleId: number; title: string; snippet: string }[]> {
  const rows = await withSqlite((sqlite) => sqlite
    .prepare(
      `SELECT s.rowid AS articleId,
              highlight(publication_search, 0, @open, @close) AS title,
              snippet(publication_search, 2, @open, @close, '…', 32) AS body,
              snippet(publication_search, 1, @open, @close, '…', 32) AS standfirst
         FROM publication_search s
         JOIN publications p ON p.article_id = s.rowid
        WHERE publication_search MATCH @match
        ORDER BY ${RANK}, p.published_at DESC
        LIMIT @limit OFFSET @offset`,
    )
    .all({ match, open: marks.open, close: marks.close, limit, offset })) as Row[];
  // Show the body passage that matched; when only the title or topic matched, the standfirst.
  return rows.map((row) => ({ articleId: row.articleId, title: row.title, snippet: row.body.includes(marks.open) || !row.standfirst ? row.body : row.standfirst }));
}
