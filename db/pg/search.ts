import "server-only";
import type { Pool, PoolClient } from "pg";

/*
 * Full-text search over live articles on PostgreSQL, which db/queries/search.ts calls when
 * DATABASE_URL names PostgreSQL. `publication_search` (the custom migration
 * in db/pg/migrations) holds only what triggers copy from `publications`, so nothing unpublished
 * can match.
 *
 * Input: the terms lib/search/query.ts already cut out of what a reader typed (db/ may not import
 * lib/): its MATCH expression, turned back into terms by `termsFromMatch`, or the terms directly.
 * A term is a phrase of words (letters, digits and combining marks only), or one word of a script
 * written without spaces, matched as a prefix; terms are ANDed.
 *
 * How the tsquery is built, never from text pasted into SQL: the SQL names one placeholder per
 * term and nothing else varies. A phrase goes to `phraseto_tsquery`, which reads plain text (no
 * operator in it means anything), so it yields the words in order (`<->`), normalized as the index
 * was. A prefix term goes to `to_tsquery` as `'word':*`, which has operator syntax: there the word
 * is checked here first to hold only letters, digits and marks (no quote, `&|!:*()<>` or space),
 * so it stays one quoted lexeme. websearch_to_tsquery was not used: it would give readers `or`,
 * `-` and quotes as syntax, which the SQLite search deliberately does not. A term that normalizes
 * to nothing adds nothing; no term at all matches nothing (an empty tsquery matches no row).
 */

/** As lib/search/query.ts's MAX_TERMS (a test keeps the two equal): at most this many terms. */
export const MAX_PG_TERMS = 12;

/** The search configuration the index was built with (unaccent + English stemming, no stop words). */
const CONFIG = "'masthead_search'";
/**
 * ts_rank_cd weights for D (body), C (topics), B (standfirst), A (title): the proportions of the
 * bm25 column weights of db/queries/search.ts (title 10, standfirst 5, topics 3, body 1).
 */
const WEIGHTS = "'{0.1, 0.3, 0.5, 1.0}'";

const WORD = /^[\p{L}\p{N}\p{M}]+$/u;

export interface SearchTerm {
  /** Words of a phrase, in order (one word for a single-word term). */
  words: string[];
  /** Match the one word as the beginning of a token (scripts written without spaces). */
  prefix: boolean;
}

export interface PgSearchRow {
  articleId: number;
  /** Title and snippet with matches between the given marks, as db/queries/search.ts returns them. */
  title: string;
  snippet: string;
}

type Queryable = Pool | PoolClient;

/**
 * The terms of a MATCH expression made by lib/search/query.ts's toMatchExpression: quoted phrases,
 * a `*` after one for a prefix. Anything else in it is dropped, so a hand-made string cannot
 * smuggle syntax in either.
 */
export function termsFromMatch(match: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const [, phrase, star] of match.matchAll(/"([^"]*)"(\*?)/g)) {
    const words = (phrase ?? "").split(" ").filter((w) => WORD.test(w));
    if (words.length) terms.push({ words, prefix: star === "*" && words.length === 1 });
  }
  return terms;
}

/** The tsquery SQL for `terms` and its parameters (numbered from `first`); null when nothing is left. */
function tsquery(terms: SearchTerm[], first: number): { sql: string; params: string[] } | null {
  const params: string[] = [];
  const parts: string[] = [];
  for (const term of terms.slice(0, MAX_PG_TERMS)) {
    // A term with anything but words in it is dropped whole (never shortened into another term).
    const words = term.words;
    if (!words.length || !words.every((w) => WORD.test(w))) continue;
    const n = first + params.length;
    if (term.prefix && words.length === 1) {
      params.push(`'${words[0]}':*`);
      parts.push(`to_tsquery(${CONFIG}, $${n}::text)`);
    } else {
      params.push(words.join(" "));
      parts.push(`phraseto_tsquery(${CONFIG}, $${n}::text)`);
    }
  }
  return parts.length ? { sql: `(${parts.join(" && ")})`, params } : null;
}

/** ts_headline's option string for the marks; refuses marks its option syntax cannot carry. */
function headlineOptions(marks: { open: string; close: string }, options: string): string {
  for (const mark of [marks.open, marks.close]) {
    if (!mark || mark.length > 16 || /["\\\s,=]/.test(mark)) throw new Error(`search marks must be short and hold no quote, backslash, space, comma or "=": ${JSON.stringify(mark)}`);
  }
  return `StartSel="${marks.open}", StopSel="${marks.close}", ${options}`;
}

/**
 * SQL for [is text left out before the snippet, after it]: anything but spaces and punctuation
 * outside the passage `plain` (the headline without its marks) within `text`.
 */
function cutAt(text: string, plain: string): string {
  const at = `strpos(${text}, ${plain})`;
  return `ARRAY[substr(${text}, 1, ${at} - 1) ~ '[^[:space:][:punct:]]', substr(${text}, ${at} + length(${plain})) ~ '[^[:space:][:punct:]]']`;
}

function bounded(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/** How many live articles match. */
export async function countSearchPg(db: Queryable, terms: SearchTerm[]): Promise<number> {
  const q = tsquery(terms, 1);
  if (!q) return 0;
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM publication_search WHERE document @@ ${q.sql}`, q.params);
  return rows[0]?.n ?? 0;
}

/**
 * One page of live articles matching `terms`, best first (newest first among equals): ranked by
 * ts_rank_cd over the weighted vector, the title with every match marked, and a snippet of about
 * 32 words of the body around the matches (or of the standfirst when only the title or topics
 * matched), with "…" where it cuts the text, as FTS5's snippet().
 */
export async function searchPublishedPg(
  db: Queryable,
  terms: SearchTerm[],
  marks: { open: string; close: string },
  limit: number,
  offset: number,
): Promise<PgSearchRow[]> {
  const q = tsquery(terms, 6);
  if (!q) return [];
  const all = headlineOptions(marks, "HighlightAll=true");
  const snippet = headlineOptions(marks, "MaxWords=32, MinWords=16, ShortWord=0, MaxFragments=1");
  const { rows } = await db.query<{ articleId: number; title: string; body: string; bodyCut: [boolean, boolean]; standfirst: string; standfirstCut: [boolean, boolean] }>(
    // The page is ranked first; the headlines (the costly part) are made for its rows only.
    `WITH q AS (SELECT ${q.sql} AS query),
     page AS (
       SELECT s.article_id, ts_rank_cd(${WEIGHTS}, s.document, q.query) AS rank, p.published_at
         FROM q
         JOIN publication_search s ON s.document @@ q.query
         JOIN publications p ON p.article_id = s.article_id
        ORDER BY rank DESC, p.published_at DESC, s.article_id DESC
        LIMIT $5 OFFSET $${6 + q.params.length}
     )
     SELECT s.article_id AS "articleId",
            ts_headline(${CONFIG}, s.title, q.query, $1) AS title,
            b.h AS body, ${cutAt("s.body", "b.plain")} AS "bodyCut",
            f.h AS standfirst, ${cutAt("s.standfirst", "f.plain")} AS "standfirstCut"
       FROM page
       JOIN publication_search s ON s.article_id = page.article_id
      CROSS JOIN q
      CROSS JOIN LATERAL (SELECT h, replace(replace(h, $3, ''), $4, '') AS plain FROM ts_headline(${CONFIG}, s.body, q.query, $2) h) b
      CROSS JOIN LATERAL (SELECT h, replace(replace(h, $3, ''), $4, '') AS plain FROM ts_headline(${CONFIG}, s.standfirst, q.query, $2) h) f
      ORDER BY page.rank DESC, page.published_at DESC, page.article_id DESC`,
    [all, snippet, marks.open, marks.close, bounded(limit, "limit"), ...q.params, bounded(offset, "offset")],
  );
  const cut = (text: string, [before, after]: [boolean, boolean]) => `${before ? "…" : ""}${text.trim()}${after ? "…" : ""}`;
  return rows.map((row) => {
    // As db/queries/search.ts: the body passage that matched; when only the title or topics matched, the standfirst.
    const useBody = row.body.includes(marks.open) || !row.standfirst;
    return { articleId: row.articleId, title: row.title, snippet: useBody ? cut(row.body, row.bodyCut) : cut(row.standfirst, row.standfirstCut) };
  });
}
