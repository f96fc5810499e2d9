import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databasePath, dbEnv } from "./config";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

interface Connection {
  file: string;
  sqlite: Database.Database;
  db: Db;
}

// One connection per process (kept on globalThis so dev-mode reloads do not leak handles).
const holder = globalThis as unknown as { __masthead_db?: Connection };

/** Opens a SQLite file with the pragmas every connection of this app must have. */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${dbEnv().MASTHEAD_DB_BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

function connection(): Connection {
  const file = databasePath();
  const existing = holder.__masthead_db;
  if (existing && existing.file === file) return existing;
  existing?.sqlite.close();
  const sqlite = openSqlite(file);
  const conn: Connection = { file, sqlite, db: drizzle(sqlite, { schema }) };
  holder.__masthead_db = conn;
  return conn;
}

/** The drizzle database, opened lazily on first use (never at import, so builds touch no data). */
export function getDb(): Db {
  return connection().db;
}

/** The raw better-sqlite3 handle, for pragmas, FTS and prepared statements drizzle cannot express. */
export function getSqlite(): Database.Database {
  return connection().sqlite;
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken before the first read, so a
 * read-then-write cannot interleave with another writer.
 */
export function immediate<T>(fn: (db: Db) => T): T {
  const conn = connection();
  return conn.sqlite.transaction(() => fn(conn.db)).immediate();
}

/** Closes the connection (tests and graceful shutdown). */
export function closeDb(): void {
  holder.__masthead_db?.sqlite.close();
  holder.__masthead_db = undefined;
}
