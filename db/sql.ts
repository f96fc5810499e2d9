import { type AnyColumn, type SQL, sql, type SQLWrapper } from "drizzle-orm";
import { databaseEngine } from "./config";

/*
 * The few SQL expressions that are spelt differently on SQLite and on PostgreSQL, so that the
 * queries in db/queries are written once. Everything else they use (comparisons, joins,
 * coalesce, case, lower, exists, sub-selects) is the same SQL on both.
 */

const onPostgres = () => databaseEngine() === "postgres";

/** `%word%` for `likeText` with the wildcards in the search text taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` contains `pattern` (a LIKE pattern with `\` as its escape), ignoring the case of
 * ASCII letters: SQLite's LIKE already does; PostgreSQL's ILIKE is its spelling of the same.
 */
export function likeText(column: SQLWrapper, pattern: string): SQL {
  return onPostgres() ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/** The values of `expr` over the group, as text joined by `separator` (null for none), in `orderBy` order. */
export function joinedText(expr: SQLWrapper, separator: string, orderBy: SQLWrapper): SQL<string | null> {
  // SQLite's group_concat follows the order of its input rows, so the order comes from a sub-select.
  return onPostgres()
    ? sql<string | null>`string_agg(${expr}::text, ${separator} order by ${orderBy})`
    : sql<string | null>`group_concat(${expr}, ${separator})`;
}

/** The number stored under `key` of a JSON column (null when absent). */
export function jsonNumber(column: AnyColumn, key: string): SQL<number | null> {
  if (!/^\w+$/.test(key)) throw new Error(`jsonNumber: "${key}" is not a plain key`);
  return (onPostgres() ? sql`(${column} ->> ${sql.raw(`'${key}'`)})::float8` : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)})`).mapWith(
    (v: unknown) => (v === null || v === undefined ? null : Number(v)),
  ) as SQL<number | null>;
}
