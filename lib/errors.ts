/** Error codes a user may see the meaning of; anything else is reported as "unexpected". */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "throttled"
  | "unexpected";

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
}
