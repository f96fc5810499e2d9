import "server-only";
import { immediate } from "@/db/client";
import { clearThrottle, getThrottleRows, upsertThrottle } from "@/db/queries/throttle";

/*
 * Sign-in throttling per account and per client address, stored in the database so that a
 * restart does not reset it. After the limit, each further failure doubles the wait.
 */
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** How long a key stays locked after its `failures`-th failure (0 below the limit). */
export function lockDuration(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - limit));
}

/** Milliseconds until this account or address may try again; 0 when it may try now. */
export async function remainingLock(email: string, address: string, now: Date): Promise<number> {
  return await immediate(async (db) =>
    Math.max(
      0,
      ...(await getThrottleRows(db, [accountKey(email), addressKey(address)])).map((r) =>
        r.lockedUntil ? r.lockedUntil.getTime() - now.getTime() : 0,
      ),
    ),
  );
}

/** Counts a failed attempt against the account and the address. */
export async function recordFailure(email: string, address: string, now: Date): Promise<void> {
  await immediate(async (db) => {
    const rows = new Map((await getThrottleRows(db, [accountKey(email), addressKey(address)])).map((r) => [r.key, r]));
    for (const [key, limit] of [
      [accountKey(email), ACCOUNT_LIMIT],
      [addressKey(address), ADDRESS_LIMIT],
    ] as const) {
      const failures = (rows.get(key)?.failures ?? 0) + 1;
      const lock = lockDuration(failures, limit);
      await upsertThrottle(db, key, failures, now, lock ? new Date(now.getTime() + lock) : null);
    }
  });
}

/** Forgets the account's failures after a successful sign-in. */
export async function recordSuccess(email: string): Promise<void> {
  await immediate(async (db) => await clearThrottle(db, accountKey(email)));
}

/** "30 seconds", "2 minutes". */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
