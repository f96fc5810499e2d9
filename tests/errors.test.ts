import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { BUSY_MESSAGE, DATABASE_AWAY_MESSAGE, DATABASE_LOST_MESSAGE, STORAGE_MESSAGE, toAppError } from "@/lib/errors";

/*
 * What a person is told for each kind of database failure (lib/errors.ts). The connection
 * failures are the driver's own, got for real against loopback ports; the SQLSTATE ones are
 * shaped as node-postgres and drizzle hand them over (an error with `code`, wrapped in one with
 * the `query` and the original as `cause`). tests/faults/pg-away.test.ts drives the same through
 * the actions with a real server stopped and restarted.
 */
const sqlState = (code: string, message = "x") => Object.assign(new Error(message), { code, severity: "ERROR" });
const drizzled = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { query: "select 1", params: [], cause });
const told = (error: unknown) => {
  const known = toAppError(error);
  return known ? { code: known.code, message: known.message } : null;
};

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("a database server out of reach", () => {
  it("refused: 'cannot be reached', nothing changed", async () => {
    const pool = new pg.Pool({ connectionString: `postgres://u:p@127.0.0.1:${await closedPort()}/d` });
    const error = await pool.query("select 1").catch((e: unknown) => e);
    await pool.end();
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(told(error)).toEqual({ code: "storage_unavailable", message: DATABASE_AWAY_MESSAGE });
    expect(told(drizzled(error))).toEqual({ code: "storage_unavailable", message: DATABASE_AWAY_MESSAGE });
  });

  it("a server that accepts but never answers: the connection attempt gives up, 'cannot be reached'", async () => {
    const silent = net.createServer(() => {}); // takes the connection, says nothing
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as net.AddressInfo;
    const pool = new pg.Pool({ connectionString: `postgres://u:p@127.0.0.1:${port}/d`, connectionTimeoutMillis: 200 });
    const error = await pool.query("select 1").catch((e: unknown) => e);
    await pool.end();
    silent.close();
    expect(told(error)).toEqual({ code: "storage_unavailable", message: DATABASE_AWAY_MESSAGE });
  });

  it("starting up or a connection refused by the server (57P03, 08001, 08004): 'cannot be reached'", () => {
    for (const code of ["57P03", "08001", "08004"]) expect(told(drizzled(sqlState(code))), code).toEqual({ code: "storage_unavailable", message: DATABASE_AWAY_MESSAGE });
  });

  it("a session ended by a restart or lost under a query: 'lost', without promising nothing changed", () => {
    for (const code of ["57P01", "57P02", "08000", "08003", "08006"]) expect(told(drizzled(sqlState(code))), code).toEqual({ code: "storage_unavailable", message: DATABASE_LOST_MESSAGE });
    for (const message of ["Connection terminated unexpectedly", "Client has encountered a connection error and is not queryable", "Client was closed and is not queryable"]) {
      expect(told(drizzled(new Error(message))), message).toEqual({ code: "storage_unavailable", message: DATABASE_LOST_MESSAGE });
    }
    expect(DATABASE_LOST_MESSAGE).not.toMatch(/nothing was changed/i);
    expect(told(drizzled(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" })))).toEqual({ code: "storage_unavailable", message: DATABASE_LOST_MESSAGE });
  });

  it("a lost session whose rollback then fails is still 'lost'", () => {
    const rollback = drizzled(Object.assign(new Error("Client has encountered a connection error and is not queryable"), { cause: sqlState("57P01") }));
    expect(told(rollback)).toEqual({ code: "storage_unavailable", message: DATABASE_LOST_MESSAGE });
  });
});

describe("not the database's failures", () => {
  it("a reset or timeout outside a database query (a browser abandoning an upload, a network disk) is not 'the database'", () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(told(aborted)).toBeNull();
    const nfs = Object.assign(new Error("ETIMEDOUT: write"), { code: "ETIMEDOUT", syscall: "write" });
    expect(told(nfs)).toBeNull();
    expect(told(Object.assign(new Error("write EPIPE"), { code: "EPIPE", syscall: "write" }))).toBeNull();
  });

  it("a protocol violation (a bug, such as too many parameters) is unexpected, not retryable", () => {
    expect(told(drizzled(sqlState("08P01")))).toBeNull();
    expect(told(drizzled(sqlState("08007")))).toBeNull();
  });

  it("a pool with every connection in use, or a server out of connections, is busy", () => {
    expect(told(new Error("timeout exceeded when trying to connect"))).toEqual({ code: "busy", message: BUSY_MESSAGE });
    expect(told(drizzled(sqlState("53300")))).toEqual({ code: "busy", message: BUSY_MESSAGE });
  });

  it("a full or read-only disk keeps its own message on both engines", () => {
    expect(told(drizzled(sqlState("53100")))).toEqual({ code: "storage_unavailable", message: STORAGE_MESSAGE });
    expect(told(drizzled(sqlState("25006")))).toEqual({ code: "storage_unavailable", message: STORAGE_MESSAGE });
    expect(told(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" }))).toEqual({ code: "storage_unavailable", message: STORAGE_MESSAGE });
    expect(told(Object.assign(new Error("no space"), { code: "ENOSPC" }))).toEqual({ code: "storage_unavailable", message: STORAGE_MESSAGE });
  });
});
