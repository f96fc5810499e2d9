import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import pg from "pg";
import { databaseEngine, databasePath, dbEnv } from "./config";
import * as pgSchema from "./pg/schema";
import * as schema from "./schema";

/*
 * The database, asynchronous. Every query returns a promise, so the layers above db/ are written
 * once for both engines: the embedded SQLite file, which answers at once, and PostgreSQL behind
 * DATABASE_URL, which answers over a pool of connections (see "PostgreSQL" below).
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
  if (databaseEngine() === "postgres") return pgDb();
  return connection().db;
}

/**
 * The raw better-sqlite3 handle, for tests, scripts and pragmas. App code uses `withSqlite`,
 * which waits for its turn like every other statement.
 */
export function getSqlite(): Database.Database {
  refuseOnPostgres("getSqlite");
  return connection().sqlite;
}

/** Runs `fn` on the raw handle (FTS and prepared statements drizzle cannot express) in its turn. */
export async function withSqlite<T>(fn: (sqlite: Database.Database) => T): Promise<T> {
  refuseOnPostgres("withSqlite");
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
  if (databaseEngine() === "postgres") return await pgImmediate(fn);
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

/** True when the database answers (the health check). */
export async function ping(): Promise<boolean> {
  if (databaseEngine() === "postgres") return (await pgPool().query("select 1 as ok")).rows.length === 1;
  return (await getDb().all(sql`select 1 as ok`)).length === 1;
}

/** Closes the connection, or the PostgreSQL pool (tests, scripts and graceful shutdown). */
export async function closeDb(): Promise<void> {
  holder.__masthead_db?.sqlite.close();
  holder.__masthead_db = undefined;
  const pool = pgHolder.__masthead_pg?.pool;
  pgHolder.__masthead_pg = undefined;
  await pool?.end();
}

/*
 * PostgreSQL (DATABASE_URL=postgres://…). A pool of connections; `getDb()` is drizzle over the
 * pool, or over the open transaction's connection inside `immediate` (carried by
 * AsyncLocalStorage, as the SQLite turn is, so a query function called inside a transaction
 * reads and writes in it whether it was handed the transaction or not).
 *
 * `immediate` keeps SQLite's guarantee that writers take turns: its first statement takes one
 * transaction-scoped advisory lock that every writing transaction of every instance takes, so a
 * read-then-write cannot interleave with another writer, on one instance or several. Waiting for
 * that lock is bounded by MASTHEAD_DB_BUSY_TIMEOUT_MS (lock_timeout), past which the write is
 * refused as busy (lib/errors.ts), as SQLite's busy_timeout does (0 here is 1 ms: PostgreSQL reads 0
 * as no limit). Plain reads do not wait for it.
 */

/** The advisory lock key every writing transaction takes ("Mast" in ASCII). */
export const WRITER_LOCK = 0x4d617374;

type PgDb = NodePgDatabase<typeof pgSchema>;

interface PgConnection {
  url: string;
  pool: pg.Pool;
  db: PgDb;
}

interface PgTurn {
  tx: PgDb;
  /** False once the transaction ended: work it started late (timers) uses the pool. */
  open: boolean;
}

const pgHolder = globalThis as unknown as { __masthead_pg?: PgConnection; __masthead_pg_turn?: AsyncLocalStorage<PgTurn> };
const pgTurn = (pgHolder.__masthead_pg_turn ??= new AsyncLocalStorage<PgTurn>());

function pgConnection(): PgConnection {
  const url = dbEnv().DATABASE_URL ?? "";
  const existing = pgHolder.__masthead_pg;
  if (existing && existing.url === url) return existing;
  void existing?.pool.end();
  // A connection attempt to a server that does not answer (a network partition rather than a
  // refusal) gives up after 10 s instead of holding the request; so does a wait for a free
  // connection when all are in use (lib/errors.ts: "busy"). TCP keep-alive finds a peer gone
  // from under an open connection sooner than the system's default of hours.
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  // A connection the server ended (a restart, a failover) reports it as an event, idle or in use;
  // without a listener on each the event would end the process. The query that needed it
  // reports its own error, and the pool replaces it. The pool's own event repeats an idle one's.
  pool.on("connect", (client) => client.on("error", (error) => console.error("PostgreSQL connection lost:", error.message)));
  pool.on("error", () => {});
  const conn: PgConnection = { url, pool, db: drizzlePg({ client: pool, schema: pgSchema }) };
  pgHolder.__masthead_pg = conn;
  return conn;
}

/** The pool (search, backups and tests that need plain SQL on PostgreSQL). */
export function pgPool(): pg.Pool {
  return pgConnection().pool;
}

function pgDb(): Db {
  const current = pgTurn.getStore();
  return (current?.open ? current.tx : pgConnection().db) as unknown as Db;
}

async function pgImmediate<T>(fn: (db: Db) => Promise<T> | T): Promise<T> {
  const current = pgTurn.getStore();
  if (current?.open) {
    // A savepoint of the open transaction: its failure undoes only its own writes.
    return await current.tx.transaction(async (tx) => await runInTurn(tx, fn));
  }
  return await pgConnection().db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('lock_timeout', ${`${Math.max(1, dbEnv().MASTHEAD_DB_BUSY_TIMEOUT_MS)}ms`}, true)`);
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITER_LOCK})`);
    return await runInTurn(tx, fn);
  });
}

async function runInTurn<T>(tx: PgDb, fn: (db: Db) => Promise<T> | T): Promise<T> {
  const mine: PgTurn = { tx, open: true };
  try {
    return await pgTurn.run(mine, () => fn(tx as unknown as Db));
  } finally {
    mine.open = false;
  }
}

function refuseOnPostgres(what: string): void {
  if (databaseEngine() === "postgres") throw new Error(`${what}() is the SQLite file's handle; this process serves from PostgreSQL (DATABASE_URL).`);
}

/** The row an INSERT … RETURNING gave back: it always gives one, so a missing row is a fault. */
export function returned<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("INSERT … RETURNING gave back no row");
  return row;
}
