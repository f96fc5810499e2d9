import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { isRetryableCode, toAppError, type ErrorCode, type RetryableCode } from "@/lib/errors";
import { can, type Capability, type CurrentUser } from "@/lib/permissions";

/*
 * Every server action is built here. `defineAction` cannot be called without a capability, so
 * an action that forgot its check does not compile; it re-reads the person from the database,
 * asks `can`, parses the input with zod, and turns failures into a typed result. A database held
 * by another writer, a full/read-only disk or a database server out of reach comes back as a
 * retryable failure (also when it fails the session's re-read); other unknown
 * errors are logged and shown as a generic message; submitted values are never echoed back.
 */

/** A failure that passes by itself (busy database, disk fault): send the same request later. */
export type RetryableFailure = { ok: false; code: RetryableCode; message: string; retryable: true; fieldErrors?: never; details?: never };

export type ActionFailure =
  | { ok: false; code: Exclude<ErrorCode, RetryableCode>; message: string; fieldErrors?: Record<string, string[]>; details?: unknown; retryable?: never }
  | RetryableFailure;

export type ActionResult<T = undefined> = { ok: true; message: string; data?: T } | ActionFailure;

export type FormAction<T = undefined> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

type Handler<S extends z.ZodType, U, T> = (input: z.output<S>, context: { user: U }) => Promise<{ message: string; data?: T }>;

/** FormData → plain object; repeated keys become arrays; Next's internal fields are dropped. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

async function run<S extends z.ZodType, U, T>(schema: S, form: FormData, user: U, handler: Handler<S, U, T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(formToObject(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, code: "invalid", message: "Please correct the highlighted fields.", fieldErrors };
  }
  try {
    const result = await handler(parsed.data, { user });
    return { ok: true, ...result };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    return failureFor(error);
  }
}

/** The typed failure for an error thrown by a handler; unknown errors are logged, not shown. */
export function failureFor(error: unknown): ActionFailure {
  const known = toAppError(error);
  if (!known) {
    console.error("server action failed", error);
    return { ok: false, code: "unexpected", message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
  const { code, message } = known;
  if (isRetryableCode(code)) {
    // Worth a line in the log (a stuck writer, a full disk), but not a bug report.
    console.warn(`server action refused (${code}):`, error instanceof Error ? error.message : error);
    return { ok: false, code, message, retryable: true };
  }
  return { ok: false, code, message, fieldErrors: known.fieldErrors, details: known.details };
}

/** A server action for signed-in staff holding `capability`. */
export function defineAction<S extends z.ZodType, T = undefined>(
  options: { capability: Capability; schema: S },
  handler: Handler<S, CurrentUser, T>,
): FormAction<T> {
  return async (_previous, form) => {
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      // The person could not even be read (PostgreSQL away): the same typed failure as a write's.
      unstable_rethrow(error);
      return failureFor(error);
    }
    if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Please sign in again." };
    if (!can(user, options.capability)) return { ok: false, code: "forbidden", message: "You do not have permission to do that." };
    return run(options.schema, form, user, handler);
  };
}

/**
 * A server action anyone may call, for the few that carry their own proof (a one-time token).
 * Its name says so, so a reviewer sees each one.
 */
export function definePublicAction<S extends z.ZodType, T = undefined>(
  options: { schema: S },
  handler: Handler<S, null, T>,
): FormAction<T> {
  return async (_previous, form) => run(options.schema, form, null, handler);
}
