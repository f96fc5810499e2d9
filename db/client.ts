import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { databasePath, dbEnv } from "./config";
import * as schema from "./schema";

/*
 * The database, asynchronous. Every query returns a promise, so the layers above db/ are written
 * for a database that answers over a connection (PostgreSQL behind DATABASE_URL is the next
 * engine), while the embedded SQLite file answers at once.
 *
 * SQLite has one connection per process, and a transaction now spans awaits. So that no other
 * request's statement runs inside a transaction that is open on that connection (it would be
 * rolled back with it, or read what is not committed), the connection has a writer's turn: a
 * statement outside the open transaction waits until it ends, and `immediate` waits for its turn
 * before BEGIN IMMEDIATE. Which code is inside a transaction is carried by AsyncLocalStorage.
 */

/** What `.run()` answers: the rows changed and the last inserted row id, as better-sqlite3 gives them. */
export type RunResult = Database.RunResult;

export type Db = BaseSQLiteDatabase<"async", RunResult, typeof schema>;

interface Turn {
  /** False once the transaction ended: work it started late (timers) waits like anyone else. */
  open: boolean;
  depth: number;
}

interface Connection {
  file: string;
  sqlite: Database.Database;
  db: Db;
  statements: Map<string, Database.Statement>;
  /** Settles when the open transaction ends; null when none is open. */
  busy: Promise<void> | null;
}

// One connection per process (kept on globalThis so dev-mode reloads do not leak handles).
const holder = globalThis as unknown as { __masthead_db?: Connection; __masthead_turn?: AsyncLocalStorage<Turn> };
const turn = (holder.__masthead_turn ??= new AsyncLocalStorage<Turn>());

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

function inTurn(): boolean {
  return turn.getStore()?.open === true;
}

/**
 * Whether a statement must wait for the open transaction to end (it is not the one inside it).
 * Callers loop `while (mustWait(conn)) await conn.busy;` and run their statement right after the
 * loop's last check: with an await between the two (a helper that waits, say), a transaction
 * queued behind them could BEGIN first and take their statement in.
 */
function mustWait(conn: Connection): boolean {
  return conn.busy !== null && !inTurn();
}

function statement(conn: Connection, text: string): Database.Statement {
  let stmt = conn.statements.get(text);
  if (!stmt) {
    stmt = conn.sqlite.prepare(text);
    if (conn.statements.size > 500) conn.statements.clear();
    conn.statements.set(text, stmt);
  }
  return stmt;
}

function execute(conn: Connection, text: string, params: unknown[], method: "run" | "all" | "values" | "get") {
  const stmt = statement(conn, text);
  if (method === "run") {
    const { changes, lastInsertRowid } = stmt.run(...params);
    return { rows: [], changes, lastInsertRowid };
  }
  if (!stmt.reader) {
    stmt.run(...params);
    return { rows: method === "get" ? undefined : [] };
  }
  stmt.raw(true);
  return { rows: method === "get" ? stmt.get(...params) : stmt.all(...params) };
}

function connection(): Connection {
  const file = databasePath();
  const existing = holder.__masthead_db;
  if (existing && existing.file === file) return existing;
  existing?.sqlite.close();
  const sqlite = openSqlite(file);
  const conn: Connection = { file, sqlite, db: undefined as unknown as Db, statements: new Map(), busy: null };
  conn.db = drizzle(
    async (text, params, method) => {
      while (mustWait(conn)) await conn.busy;
      return execute(conn, text, params, method) as { rows: unknown[] };
    },
    { schema },
  ) as unknown as Db;
  holder.__masthead_db = conn;
  return conn;
}

/** The drizzle database, opened lazily on first use (never at import, so builds touch no data). */
export function getDb(): Db {
  return connection().db;
}

/**
 * The raw better-sqlite3 handle, for tests, scripts and pragmas. App code uses `withSqlite`,
 * which waits for its turn like every other statement.
 */
export function getSqlite(): Database.Database {
  return connection().sqlite;
}

/** Runs `fn` on the raw handle (FTS and prepared statements drizzle cannot express) in its turn. */
export async function withSqlite<T>(fn: (sqlite: Database.Database) => T): Promise<T> {
  const conn = connection();
  while (mustWait(conn)) await conn.busy;
  return fn(conn.sqlite);
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken before the first read, so a
 * read-then-write cannot interleave with another writer. A call inside an open transaction runs
 * in a savepoint of it (its failure undoes only its own writes).
 */
export async function immediate<T>(fn: (db: Db) => Promise<T> | T): Promise<T> {
  const conn = connection();
  const current = turn.getStore();
  if (current?.open) {
    const name = `sp${++current.depth}`;
    conn.sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(conn.db);
      conn.sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      conn.sqlite.exec(`ROLLBACK TO ${name}`);
      conn.sqlite.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      current.depth--;
    }
  }
  while (conn.busy) await conn.busy;
  let release!: () => void;
  conn.busy = new Promise<void>((resolve) => (release = resolve));
  const mine: Turn = { open: true, depth: 0 };
  try {
    conn.sqlite.exec("BEGIN IMMEDIATE");
    const result = await turn.run(mine, () => fn(conn.db));
    conn.sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (conn.sqlite.inTransaction) conn.sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    mine.open = false;
    conn.busy = null;
    release();
  }
}

/** Closes the connection (tests and graceful shutdown). */
export function closeDb(): void {
  holder.__masthead_db?.sqlite.close();
  holder.__masthead_db = undefined;
}
