import "server-only";
import { getDb, immediate, type Db } from "@/db/client";
import { deferPurge, deletePurge, enqueuePurge, listDuePurges } from "@/db/queries/purges";
import { env } from "@/lib/env";

/*
 * Purges for the cache tier in front of the app (Varnish with xkey, or a CDN), delivered from
 * the outbox table `cache_purges`. A change of live content writes its tags there in the same
 * transaction (recordPurge), so a purge is never lost: the server sends it right after the
 * commit (kickPurgeDelivery), and a loop retries anything not confirmed, with backoff, also
 * after a restart. With several instances (MASTHEAD_REDIS_URL) the same row first expires the
 * tags in the shared cache, whichever instance delivers it: so an instance killed right after
 * its commit still has every other one told, and told before the cache tier refetches from it.
 * With neither a cache tier nor a shared cache, nothing is written.
 */

const FIRST_RETRY_MS = 1_000;
// Short: while purges fail, readers of the cache tier may see a page that changed.
const LONGEST_RETRY_MS = 5_000;
const LOOP_MS = 1_000;
const REQUEST_TIMEOUT_MS = 5_000;

/** Whether a cache tier is configured. */
export function cacheTierConfigured(): boolean {
  return Boolean(env().MASTHEAD_PURGE_URL);
}

/** Whether changes go through the outbox: to a cache tier, or to the other instances. */
function outboxUsed(): boolean {
  return cacheTierConfigured() || Boolean(env().MASTHEAD_REDIS_URL);
}

/** Writes tags to the outbox; call inside the transaction of the change. */
export async function recordPurge(db: Db, tags: readonly string[], at: Date): Promise<void> {
  if (outboxUsed()) await enqueuePurge(db, tags, at);
}

/** Backoff before attempt `attempts + 1`. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Sends one purge (`PURGE` with an `xkey` header); resolves to null on success, else why not. */
async function send(url: string, tags: string[]): Promise<string | null> {
  try {
    const res = await fetch(url, { method: "PURGE", headers: { xkey: tags.join(" ") }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (error) {
    return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  }
}

const state = globalThis as unknown as {
  __mastheadPurgeRun?: Promise<number> | null;
  __mastheadPurgeAgain?: boolean;
  __mastheadPurgeLoop?: ReturnType<typeof setInterval>;
  /** scripts/server.mjs with MASTHEAD_REDIS_URL: expires tags on every instance; false if Redis could not be told. */
  __mastheadSharedExpire?: (tags: string[]) => Promise<boolean>;
};

/** Tells the other instances (when there are), then the cache tier; null when both took it. */
async function deliver(url: string | undefined, tags: string[]): Promise<string | null> {
  const shared = state.__mastheadSharedExpire;
  if (shared && !(await shared(tags))) return "the shared cache (Redis) did not answer";
  return url ? send(url, tags) : null;
}

async function deliverOnce(now = new Date()): Promise<number> {
  const url = env().MASTHEAD_PURGE_URL;
  if (!outboxUsed()) return 0;
  let delivered = 0;
  for (const purge of await listDuePurges(getDb(), now)) {
    const problem = await deliver(url, purge.tags);
    if (problem === null) {
      await immediate(async (db) => await deletePurge(db, purge.id));
      delivered++;
    } else {
      const attempts = purge.attempts + 1;
      await immediate(async (db) => await deferPurge(db, purge.id, attempts, new Date(Date.now() + retryDelay(attempts)), problem));
    }
  }
  return delivered;
}

/**
 * Delivers every due purge. Runs one delivery at a time; a call while one runs makes it go
 * round once more, so a purge recorded meanwhile is not left for the loop.
 */
export function deliverPendingPurges(): Promise<number> {
  if (state.__mastheadPurgeRun) {
    state.__mastheadPurgeAgain = true;
    return state.__mastheadPurgeRun;
  }
  const run = (async () => {
    let total = 0;
    do {
      state.__mastheadPurgeAgain = false;
      total += await deliverOnce();
    } while (state.__mastheadPurgeAgain);
    return total;
  })()
    .catch((error) => {
      console.error("delivering cache purges failed", error);
      return 0;
    })
    .finally(() => {
      state.__mastheadPurgeRun = null;
    });
  state.__mastheadPurgeRun = run;
  return run;
}

/** After a commit that recorded purges: send them now rather than on the next tick. */
export function kickPurgeDelivery(): void {
  if (outboxUsed()) void deliverPendingPurges();
}

/** Starts the retry loop (once per process); it also delivers what a previous run left. */
export function startPurgeDelivery(): void {
  if (!outboxUsed() || state.__mastheadPurgeLoop) return;
  state.__mastheadPurgeLoop = setInterval(() => void deliverPendingPurges(), LOOP_MS);
  state.__mastheadPurgeLoop.unref();
  void deliverPendingPurges();
}
