import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/db/pg/migrate";
import { PG_HOOK_TIMEOUT, startMigratedPostgres, type MigratedPostgres } from "./support/pg";

// The PostgreSQL migrations on a real, throwaway PostgreSQL: they apply, a second run changes
// nothing, and the hand-written triggers refuse exactly what the SQLite triggers refuse (each
// statement below runs on both engines, in a transaction that is rolled back).
let pg: MigratedPostgres;
let sqliteDir: string;
let sqlite: Database.Database;

const journal = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")).entries as { tag: string }[];

// Times are the only thing written differently: milliseconds on SQLite, timestamptz on PostgreSQL.
const on = {
  sqlite: (sql: string) => sql.replaceAll(":t2", "1764100000000").replaceAll(":t", "1764000000000"),
  pg: (sql: string) => sql.replaceAll(":t2", "to_timestamp(1764100000)").replaceAll(":t", "to_timestamp(1764000000)"),
};
// Ids are left to the engines (both count from 1), so both get user 1, article 1 and notes 1–3:
// 1 pending, 2 live, 3 live and withdrawn.
const SETUP = [
  "INSERT INTO users (email, name, role) VALUES ('r@example.edu', 'Rae', 'reviser')",
  `INSERT INTO articles (slug, title, body) VALUES ('a', 'A', '{"type":"doc","content":[]}')`,
  "INSERT INTO audit_log (actor_id, action) VALUES (1, 'article.create')",
  "INSERT INTO article_notes (article_id, kind, text, noted_at, created_by) VALUES (1, 'correction', 'pending', :t, 1)",
  "INSERT INTO article_notes (article_id, kind, text, noted_at, created_by, published_at) VALUES (1, 'correction', 'live', :t, 1, :t)",
  "INSERT INTO article_notes (article_id, kind, text, noted_at, created_by, published_at, withdrawn_at, withdrawn_by, withdrawn_reason) VALUES (1, 'clarification', 'gone', :t, 1, :t, :t2, 1, 'wrong')",
];

async function outcomeOnPg(sql: string): Promise<string> {
  const client = await pg.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(on.pg(sql));
    return "ok";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

function outcomeOnSqlite(sql: string): string {
  sqlite.exec("BEGIN");
  try {
    sqlite.exec(on.sqlite(sql));
    return "ok";
  } catch (error) {
    return (error as Error).message;
  } finally {
    sqlite.exec("ROLLBACK");
  }
}

beforeAll(async () => {
  pg = await startMigratedPostgres();
  for (const sql of SETUP) await pg.pool.query(on.pg(sql));
  sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-mig-"));
  sqlite = new Database(path.join(sqliteDir, "masthead.db"));
  sqlite.pragma("foreign_keys = ON");
  migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  for (const sql of SETUP) sqlite.exec(on.sqlite(sql));
}, PG_HOOK_TIMEOUT);

afterAll(async () => {
  sqlite?.close();
  if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
  await pg?.stop();
}, PG_HOOK_TIMEOUT);

/** Everything a migration could have created or changed, as sorted text. */
async function fingerprint(): Promise<string[]> {
  const { rows } = await pg.pool.query<{ line: string }>(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 'migration ' || hash || ' ' || created_at FROM drizzle.__drizzle_migrations
    ORDER BY 1`);
  return rows.map((r) => r.line);
}

describe("the PostgreSQL migrations", () => {
  it("apply on a fresh cluster: every migration of the journal is recorded", async () => {
    const { rows } = await pg.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
    expect(rows[0]!.n).toBe(journal(path.join(process.cwd(), "db", "pg", "migrations")).length);
    const tables = await pg.pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["articles", "audit_log", "article_notes", "publication_search", "publications"]));
  });

  it("run again, change nothing", async () => {
    const before = await fingerprint();
    expect(before.length).toBeGreaterThan(200);
    await migratePostgres(pg.pool);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("the triggers refuse what the SQLite triggers refuse", () => {
  const APPEND_ONLY = "audit_log rows are append-only";
  const NEVER_EDITED = "article_notes: a note's words are never edited; withdraw it and add a new one";
  const STAYS = "article_notes: a published note stays published";
  const FINAL = "article_notes: a withdrawal is final";
  const NEVER_DELETED = "article_notes: a published note is never deleted; withdraw it with a reason";
  it.each([
    ["UPDATE audit_log SET action = 'article.delete' WHERE id = 1", APPEND_ONLY],
    ["UPDATE audit_log SET details = NULL WHERE id = 1", APPEND_ONLY],
    ["DELETE FROM audit_log WHERE id = 1", APPEND_ONLY],
    ["INSERT INTO audit_log (actor_id, action) VALUES (1, 'article.save')", "ok"],
    ["UPDATE article_notes SET text = 'reworded' WHERE id = 1", NEVER_EDITED],
    ["UPDATE article_notes SET text = text WHERE id = 2", NEVER_EDITED],
    ["UPDATE article_notes SET kind = 'clarification' WHERE id = 2", NEVER_EDITED],
    ["UPDATE article_notes SET noted_at = :t2 WHERE id = 2", NEVER_EDITED],
    ["UPDATE article_notes SET published_at = :t WHERE id = 1", "ok"],
    ["UPDATE article_notes SET published_at = NULL WHERE id = 2", STAYS],
    ["UPDATE article_notes SET published_at = :t2 WHERE id = 2", STAYS],
    ["DELETE FROM article_notes WHERE id = 1", "ok"],
    ["DELETE FROM article_notes WHERE id = 2", NEVER_DELETED],
    ["UPDATE article_notes SET withdrawn_at = :t2, withdrawn_by = 1, withdrawn_reason = 'misread' WHERE id = 2", "ok"],
    ["UPDATE article_notes SET withdrawn_reason = 'another reason' WHERE id = 3", FINAL],
    ["UPDATE article_notes SET withdrawn_at = NULL WHERE id = 3", FINAL],
    ["DELETE FROM articles WHERE id = 1", NEVER_DELETED],
  ])("%s → %s", async (sql, expected) => {
    const onSqlite = outcomeOnSqlite(sql);
    const onPg = await outcomeOnPg(sql);
    expect(onSqlite).toBe(expected);
    expect(onPg).toBe(expected);
  });

  it("refuses emptying the audit log with TRUNCATE (which skips row triggers on PostgreSQL)", async () => {
    expect(await outcomeOnPg("TRUNCATE audit_log CASCADE")).toBe(APPEND_ONLY);
    const { rows } = await pg.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log");
    expect(rows[0]!.n).toBe(1);
  });

  it("refuses with an integrity-constraint error (class 23), as SQLite's are constraint errors", async () => {
    const error = await pg.pool.query("DELETE FROM audit_log").catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).toBe("23000");
  });
});
