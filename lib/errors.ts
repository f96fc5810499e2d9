/** Error codes a user may see the meaning of; anything else is reported as "unexpected". */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "throttled"
  | "busy"
  | "storage_unavailable"
  | "unexpected";

/** Codes of failures that pass by themselves: the same request may simply be sent again later. */
export type RetryableCode = "busy" | "storage_unavailable";

const RETRY_AFTER_SECONDS: ReadonlyMap<ErrorCode, number> = new Map<ErrorCode, number>([
  ["busy", 2],
  ["storage_unavailable", 30],
]);

export const BUSY_MESSAGE = "The newsroom is busy right now; nothing was changed. Please try again in a moment.";
export const STORAGE_MESSAGE =
  "The server cannot save right now (its disk is full or read-only). Nothing was changed; your text is kept in this browser.";
/** The same failure when the database is a server (PostgreSQL) that cannot be reached. */
export const DATABASE_AWAY_MESSAGE = "The database cannot be reached right now. Nothing was changed; your text is kept in this browser.";
/** …and when the connection to it was lost under the request (a restart): it may not have finished. */
export const DATABASE_LOST_MESSAGE =
  "The connection to the database was lost before your change was confirmed. Your text is kept in this browser; please try again in a moment.";

/** A failure whose message is written for the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Data the person needs to recover, e.g. the newer copy after a conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  /** Seconds after which the same request may succeed, or null when retrying cannot help. */
  get retryAfterSeconds(): number | null {
    return RETRY_AFTER_SECONDS.get(this.code) ?? null;
  }
}

/** True for the codes whose failures pass by themselves. */
export function isRetryableCode(code: ErrorCode): code is RetryableCode {
  return RETRY_AFTER_SECONDS.has(code);
}

// SQLite's primary result codes (extended codes such as SQLITE_IOERR_WRITE or
// SQLITE_READONLY_DIRECTORY start with them) and the errno names of file writes.
const BUSY_SQLITE = ["SQLITE_BUSY", "SQLITE_LOCKED"];
const STORAGE_SQLITE = ["SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR"];
// EFBIG and EDQUOT are a file-size limit and a quota: to the person, the same full disk.
// EPERM is what an immutable (chattr +i) file answers a write with.
const STORAGE_ERRNO = new Set(["ENOSPC", "EROFS", "EACCES", "EPERM", "EDQUOT", "EFBIG"]);
// PostgreSQL's SQLSTATEs for the same two: the writers' lock not had in time (lock_timeout), a
// serialization failure or deadlock, the server out of connections (all pass on a retry); a full
// disk or a read-only server.
const BUSY_PG = new Set(["55P03", "40001", "40P01", "53300"]);
const STORAGE_PG = new Set(["53100", "25006"]);
// A database server out of reach, in two kinds. Not reached at all (nothing can have changed):
// refused, starting up, or no answer to the connection attempt.
const UNREACHED_PG = new Set(["57P03", "08001", "08004"]);
const UNREACHED_ERRNO = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// Lost on the way (a restart or failover ended the session): a write in flight was undone, or,
// if the loss fell on its commit, may have been kept, so the person is not told "nothing changed".
const LOST_PG = new Set(["57P01", "57P02", "08000", "08003", "08006"]);
const LOST_ERRNO = new Set(["ECONNRESET", "EPIPE"]);
// node-postgres says these without a code.
const UNREACHED_MESSAGE = /^Connection terminated due to connection timeout/;
const LOST_MESSAGE = /^(Connection terminated unexpectedly|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;
// Waiting for a free connection of the pool, all of them in use: a busy server, not a lost one.
const POOL_WAIT_MESSAGE = /^timeout exceeded when trying to connect/;

interface ErrorSignals {
  codes: string[];
  /** The database could not be reached, or was lost under a query. */
  unreached: boolean;
  lost: boolean;
}

/**
 * What an error and the errors it wraps say. Socket errnos count as the database's only where
 * they can be: a failed connection attempt (the app connects out to nothing else inside a
 * request), or a reset under a database query (drizzle's error, which carries the `query`).
 */
function readSignals(error: unknown): ErrorSignals {
  const chain: object[] = [];
  // drizzle wraps the driver's error in DrizzleQueryError with the original as `cause`.
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) chain.push(e);
  const fromQuery = chain.some((e) => typeof (e as { query?: unknown }).query === "string");
  const signals: ErrorSignals = { codes: [], unreached: false, lost: false };
  // The outermost error that says which wins: a connection attempt that timed out is reported
  // as such, though the socket it gave up on was then "terminated unexpectedly".
  const decided = () => signals.unreached || signals.lost;
  for (const e of chain) {
    const { code, syscall } = e as { code?: unknown; syscall?: unknown };
    const message = e instanceof Error ? e.message : "";
    if (typeof code === "string") {
      signals.codes.push(code);
      if (decided()) continue;
      if (UNREACHED_PG.has(code) || (UNREACHED_ERRNO.has(code) && (syscall === "connect" || syscall === "getaddrinfo"))) signals.unreached = true;
      else if (LOST_PG.has(code) || (LOST_ERRNO.has(code) && fromQuery)) signals.lost = true;
    } else if (POOL_WAIT_MESSAGE.test(message)) signals.codes.push("53300");
    else if (decided()) continue;
    else if (UNREACHED_MESSAGE.test(message)) signals.unreached = true;
    else if (LOST_MESSAGE.test(message)) signals.lost = true;
  }
  return signals;
}

const startsWithAny = (code: string, prefixes: string[]) => prefixes.some((p) => code === p || code.startsWith(`${p}_`));

/**
 * The failure an error stands for, as the person should hear it: an AppError as it is, a
 * database held by another writer as "busy", a full or read-only disk or a database server out
 * of reach as "storage_unavailable" (each with its own message).
 * Null for anything else, which is a bug to log and report as unexpected. Route handlers and
 * the server-action wrapper both use this, so the two never disagree.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const { codes, unreached, lost } = readSignals(error);
  if (codes.some((c) => startsWithAny(c, BUSY_SQLITE) || BUSY_PG.has(c))) return new AppError("busy", BUSY_MESSAGE);
  if (lost) return new AppError("storage_unavailable", DATABASE_LOST_MESSAGE);
  if (unreached) return new AppError("storage_unavailable", DATABASE_AWAY_MESSAGE);
  if (codes.some((c) => startsWithAny(c, STORAGE_SQLITE) || STORAGE_ERRNO.has(c) || STORAGE_PG.has(c))) return new AppError("storage_unavailable", STORAGE_MESSAGE);
  return null;
}

/**
 * The answer of a route handler to a retryable failure: 503 with Retry-After and the message,
 * or null when `error` is not one (the handler answers it as before).
 */
export function unavailableResponse(error: unknown): Response | null {
  const known = toAppError(error);
  const seconds = known?.retryAfterSeconds;
  if (!known || seconds == null) return null;
  return Response.json(
    { code: known.code, message: known.message, retryable: true },
    { status: 503, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } },
  );
}
