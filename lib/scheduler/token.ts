import crypto from "node:crypto";

/** The shared secret between the in-process scheduler loop and its route (derived, never sent elsewhere). */
export function schedulerToken(): string {
  return crypto.createHash("sha256").update(`masthead-scheduler:${process.env.NEXTAUTH_SECRET ?? ""}`).digest("hex");
}

/** Constant-time comparison of a presented token. */
export function isSchedulerToken(presented: string | null): boolean {
  const expected = Buffer.from(schedulerToken());
  const given = Buffer.from(presented ?? "");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
