import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { loginThrottle } from "../tables";

/** The throttle rows for some keys. */
export async function getThrottleRows(db: Db, keys: string[]) {
  return keys.length ? await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys)) : [];
}

/** Records one more failure for a key, with the lock it now earns. */
export async function upsertThrottle(db: Db, key: string, failures: number, at: Date, lockedUntil: Date | null): Promise<void> {
  await db.insert(loginThrottle)
      .values({ key, failures, lastFailureAt: at, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: at, lockedUntil } });
}

/** Forgets a key's failures (after a successful sign-in). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
