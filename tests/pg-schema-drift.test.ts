import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";
import { PG_HOOK_TIMEOUT, startMigratedPostgres, type MigratedPostgres } from "./support/pg";
import { diffShapes, shapeFromDrizzle, shapeFromPostgres, shapeFromSqlite, tablesOf, type SchemaShape } from "./support/schema-shape";

// The SQLite and PostgreSQL schemas must not drift: the same tables, column names, not-null,
// defaults, primary keys, unique sets, indexes and foreign keys (targets and ON DELETE), both as
// drizzle declares them (db/schema.ts vs db/pg/schema.ts) and as the migrations really build
// them (db/migrations on a fresh SQLite file vs db/pg/migrations on a fresh PostgreSQL).
// Only type names differ by design, and the search index, which each engine builds its own way.

/** Left out of the comparison of the migrated databases, with why. */
const IGNORED_SQLITE = [
  // FTS5 (migration 0005): the virtual table and its shadow tables; PostgreSQL's counterpart is a
  // tsvector table, checked by tests/pg-search.test.ts.
  "publication_search",
  "publication_search_data",
  "publication_search_idx",
  "publication_search_content",
  "publication_search_docsize",
  "publication_search_config",
  "__drizzle_migrations", // drizzle's journal (PostgreSQL keeps it in its own schema, `drizzle`)
] as const;
const IGNORED_PG = ["publication_search"] as const;

let pg: MigratedPostgres;
let sqliteDir: string;
let sqlite: Database.Database;
let migratedSqlite: SchemaShape;
let migratedPg: SchemaShape;

beforeAll(async () => {
  pg = await startMigratedPostgres();
  sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-drift-"));
  sqlite = new Database(path.join(sqliteDir, "masthead.db"));
  migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  migratedSqlite = shapeFromSqlite(sqlite, IGNORED_SQLITE);
  const client = await pg.pool.connect();
  try {
    migratedPg = await shapeFromPostgres(client, IGNORED_PG);
  } finally {
    client.release();
  }
}, PG_HOOK_TIMEOUT);

afterAll(async () => {
  sqlite?.close();
  if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
  await pg?.stop();
}, PG_HOOK_TIMEOUT);

describe("the two schemas do not drift", () => {
  const declaredSqlite = shapeFromDrizzle(tablesOf(sqliteSchema));
  const declaredPg = shapeFromDrizzle(tablesOf(pgSchema));

  it("as drizzle declares them (db/schema.ts vs db/pg/schema.ts)", () => {
    expect(Object.keys(declaredSqlite).length).toBe(23);
    expect(diffShapes(declaredSqlite, declaredPg, ["db/schema.ts", "db/pg/schema.ts"])).toEqual([]);
  });

  it("as the migrations build them (fresh SQLite vs fresh PostgreSQL)", () => {
    expect(Object.keys(migratedSqlite).sort()).toEqual(Object.keys(declaredSqlite).sort());
    expect(diffShapes(migratedSqlite, migratedPg, ["db/migrations", "db/pg/migrations"])).toEqual([]);
  });

  it("and each migrated database is what its schema file declares", () => {
    // Catches a schema edit whose migration was never generated (on either side).
    expect(diffShapes(declaredSqlite, migratedSqlite, ["db/schema.ts", "db/migrations"])).toEqual([]);
    expect(diffShapes(declaredPg, migratedPg, ["db/pg/schema.ts", "db/pg/migrations"])).toEqual([]);
  });

  it("reads what it compares (not empty shapes that agree trivially)", () => {
    const media = migratedPg.media!;
    expect(media.columns.file_key).toEqual({ notNull: true, default: null });
    expect(media.columns.focal_x).toEqual({ notNull: true, default: "50" });
    expect(media.unique).toEqual(["file_key"]);
    expect(migratedSqlite.publication_topics!.foreignKeys).toEqual([
      "article_id → publications(article_id) on delete cascade",
      "topic_id → topics(id) on delete no action",
    ]);
    expect(migratedPg.article_drafters!.primaryKey).toEqual(["article_id", "user_id"]);
    expect(migratedPg.articles!.indexes).toContain("articles_status_idx(status,updated_at)");
    expect(migratedPg.users!.columns.created_at!.default).toBe("sql");
  });
});

describe("the drift check fails when they differ", () => {
  const declaredSqlite = shapeFromDrizzle(tablesOf(sqliteSchema));

  it("reports an altered copy of a table's drizzle config", () => {
    // leases as in db/pg/schema.ts, but holder may be null, expires_at has a default and an index
    // was added; slug_redirects with another ON DELETE.
    const leases = pgTable("leases", {
      name: text("name").primaryKey(),
      holder: text("holder"),
      acquiredAt: timestamp("acquired_at", { withTimezone: true }).notNull(),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull().default(sql`now()`),
    });
    const slugRedirects = pgTable("slug_redirects", {
      slug: text("slug").primaryKey(),
      articleId: integer("article_id").notNull().references(() => pgSchema.articles.id, { onDelete: "set null" }),
    });
    const altered = shapeFromDrizzle(tablesOf({ ...pgSchema, leases, slugRedirects }));
    expect(diffShapes(declaredSqlite, altered, ["sqlite", "pg"])).toEqual([
      'leases.expires_at: default null in sqlite, "sql" in pg',
      "leases.holder: not null in sqlite only",
      "slug_redirects: foreignKeys article_id → articles(id) on delete cascade only in sqlite",
      "slug_redirects: foreignKeys article_id → articles(id) on delete set null only in pg",
    ]);
    const { leases: _dropped, ...withoutLeases } = pgSchema;
    expect(diffShapes(declaredSqlite, shapeFromDrizzle(tablesOf(withoutLeases)), ["sqlite", "pg"])).toEqual(["table leases only in sqlite"]);
  });

  it("reports a change made to the migrated PostgreSQL database", async () => {
    const client = await pg.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("ALTER TABLE leases ALTER COLUMN holder DROP NOT NULL");
      await client.query("ALTER TABLE comments ADD COLUMN edited_at timestamptz");
      await client.query("DROP INDEX articles_expires_at_idx");
      await client.query("ALTER TABLE topics DROP CONSTRAINT IF EXISTS x, ADD CONSTRAINT topics_name_unique UNIQUE (name)");
      const changed = await shapeFromPostgres(client, IGNORED_PG);
      expect(diffShapes(migratedSqlite, changed, ["sqlite", "pg"])).toEqual([
        "articles: indexes articles_expires_at_idx(expires_at) only in sqlite",
        "comments.edited_at only in pg",
        "leases.holder: not null in sqlite only",
        "topics: unique name only in pg",
        "topics: indexes topics_name_unique(name) unique only in pg",
      ]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
