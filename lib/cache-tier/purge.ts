import "server-only";
import { getDb, immediate, type Db } from "@/db/client";
import { deferPurge, deletePurge, enqueuePurge, listDuePurges } from "@/db/queries/purges";
import { env } from "@/lib/env";

/*
 * Purges for the cache tier in front of the app (Varnish with xkey, or a CDN), delivered from
 * the outbox table `cache_purges`. A change of live content writes its tags there in the same
 * transaction (recordPurge), so a purge is never lost: the server sends it right after the
 * commit (kickPurgeDelivery), and a loop retries anything not confirmed, with backoff, also
 * after a restart. Without MASTHEAD_PURGE_URL there is no cache tier: nothing is written.
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

/** Writes tags to the outbox; call inside the transaction of the change. */
export function recordPurge(db: Db, tags: readonly string[], at: Date): void {
  if (cacheTierConfigured()) enqueuePurge(db, tags, at);
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

const state = globalThis as unknown as { __mastheadPurgeRun?: Promise<number> | null; __mastheadPurgeAgain?: boolean; __mastheadPurgeLoop?: ReturnType<typeof setInterval> };

async function deliverOnce(now = new Date()): Promise<number> {
  const url = env().MASTHEAD_PURGE_URL;
  if (!url) return 0;
  let delivered = 0;
  for (const purge of listDuePurges(getDb(), now)) {
    const problem = await send(url, purge.tags);
    if (problem === null) {
      immediate((db) => deletePurge(db, purge.id));
      delivered++;
    } else {
      const attempts = purge.attempts + 1;
      immediate((db) => deferPurge(db, purge.id, attempts, new Date(Date.now() + retryDelay(attempts)), problem));
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
  if (cacheTierConfigured()) void deliverPendingPurges();
}

/**
 * Sends a purge of `tags` straight to the cache tier, outside the outbox: a second purge after
 * the outbox's, for several instances (lib/revalidate.ts). The outbox stays the durable one.
 */
export async function purgeTagsNow(tags: readonly string[]): Promise<void> {
  const url = env().MASTHEAD_PURGE_URL;
  if (!url || tags.length === 0) return;
  const problem = await send(url, [...tags]);
  if (problem) console.error(`purging ${tags.join(" ")} again failed: ${problem}`);
}

/** Starts the retry loop (once per process); it also delivers what a previous run left. */
export function startPurgeDelivery(): void {
  if (!cacheTierConfigured() || state.__mastheadPurgeLoop) return;
  state.__mastheadPurgeLoop = setInterval(() => void deliverPendingPurges(), LOOP_MS);
  state.__mastheadPurgeLoop.unref();
  void deliverPendingPurges();
}
