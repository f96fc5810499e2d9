/*
 * Plain SQL for tests that set up or check rows directly, on whichever engine the suite runs
 * (MASTHEAD_TEST_ENGINE, see ./temp-db.ts). Written in SQLite's shape, answered in it:
 * - `?` placeholders (numbered for PostgreSQL here);
 * - parameters as the app holds them: a Date for a time, a boolean (SQLite gets milliseconds and
 *   0/1, as its columns store them);
 * - rows as SQLite gives them: times in milliseconds, booleans 0/1, JSON as text, counts as
 *   numbers. So an assertion reads the same on both engines.
 */
import type Database from "better-sqlite3";
import type pg from "pg";

export interface RawSql {
  all<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  /** Runs a write; resolves how many rows it changed. */
  run(text: string, ...params: unknown[]): Promise<number>;
}

export const onPostgres = () => process.env.MASTHEAD_TEST_ENGINE === "postgres";

function numbered(text: string): string {
  let n = 0;
  // No test statement has a `?` inside a string literal; one that does would need its own care.
  return text.replace(/\?/g, () => `$${++n}`);
}

const INT8 = 20;
const NUMERIC = 1700;

function sqliteShape(row: Record<string, unknown>, fields: pg.FieldDef[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = row[f.name];
    if (v instanceof Date) out[f.name] = v.getTime();
    else if (typeof v === "boolean") out[f.name] = v ? 1 : 0;
    else if ((f.dataTypeID === INT8 || f.dataTypeID === NUMERIC) && typeof v === "string") out[f.name] = Number(v);
    else if (v !== null && typeof v === "object") out[f.name] = JSON.stringify(v);
    else out[f.name] = v;
  }
  return out;
}

function sqliteParam(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/** The raw SQL of the engine the suite runs on (open the database with ./temp-db.ts first). */
export async function rawSql(): Promise<RawSql> {
  const client = await import("@/db/client");
  if (onPostgres()) {
    const pool = client.pgPool();
    const query = async (text: string, params: unknown[]) => await pool.query(numbered(text), params);
    return {
      all: async <T>(text: string, ...params: unknown[]) => {
        const r = await query(text, params);
        return r.rows.map((row: Record<string, unknown>) => sqliteShape(row, r.fields)) as T[];
      },
      get: async <T>(text: string, ...params: unknown[]) => {
        const r = await query(text, params);
        return (r.rows[0] ? sqliteShape(r.rows[0] as Record<string, unknown>, r.fields) : undefined) as T | undefined;
      },
      run: async (text: string, ...params: unknown[]) => (await query(text, params)).rowCount ?? 0,
    };
  }
  return sqliteSql(client.getSqlite());
}

/** The same answers from a SQLite handle of one's own (a fresh look at a file after a fault). */
export function sqliteSql(sqlite: Database.Database): RawSql {
  return {
    all: async <T>(text: string, ...params: unknown[]) => await Promise.resolve(sqlite.prepare(text).all(...params.map(sqliteParam)) as T[]),
    get: async <T>(text: string, ...params: unknown[]) => await Promise.resolve(sqlite.prepare(text).get(...params.map(sqliteParam)) as T | undefined),
    run: async (text: string, ...params: unknown[]) => await Promise.resolve(sqlite.prepare(text).run(...params.map(sqliteParam)).changes),
  };
}
