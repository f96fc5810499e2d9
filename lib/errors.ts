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
// serialization failure or deadlock (both pass on a retry); a full disk or a read-only server.
const BUSY_PG = new Set(["55P03", "40001", "40P01"]);
const STORAGE_PG = new Set(["53100", "25006"]);
// A database server out of reach: out of connections, starting or shutting down, a session
// ended by a restart or failover (57P01-57P03, class 08), or no answer on the network.
const AWAY_PG = new Set(["53300", "57P01", "57P02", "57P03", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
// node-postgres reports a connection lost under a query, or none had in time, with no code.
const AWAY_PG_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/** The codes of an error and of the errors it wraps; a code-less lost connection counts as "08006". */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  // drizzle wraps the driver's error in DrizzleQueryError with the original as `cause`.
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    else if (e instanceof Error && AWAY_PG_MESSAGE.test(e.message)) codes.push("08006");
  }
  return codes;
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
  const codes = errorCodes(error);
  if (codes.some((c) => startsWithAny(c, BUSY_SQLITE) || BUSY_PG.has(c))) return new AppError("busy", BUSY_MESSAGE);
  if (codes.some((c) => startsWithAny(c, STORAGE_SQLITE) || STORAGE_ERRNO.has(c) || STORAGE_PG.has(c))) return new AppError("storage_unavailable", STORAGE_MESSAGE);
  if (codes.some((c) => AWAY_PG.has(c) || c.startsWith("08"))) return new AppError("storage_unavailable", DATABASE_AWAY_MESSAGE);
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
