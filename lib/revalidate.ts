import "server-only";
import { revalidateTag } from "next/cache";
import { kickPurgeDelivery, purgeTagsNow } from "@/lib/cache-tier/purge";

// Several instances: the cache tier may refetch a purged page from any of them, and one may not
// yet have heard of the expiry when the outbox's purge arrives (another instance's delivery loop
// can send it first). The tags are purged once more, by the writer, this long after every
// instance was told.
const CLUSTER_REPURGE_MS = 250;

/**
 * Expires public cache tags at once (not stale-while-revalidate): the next reader of any page
 * that used them gets a fresh render. Call after the write has committed.
 */
export function expireTags(tags: readonly string[]): void {
  const unique = [...new Set(tags)];
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  // Then the whole-page copies scripts/server.mjs keeps: after Next's data, so a page rendered
  // from here on reads fresh data, and one rendered before is not kept.
  holder.__mastheadPagePurge?.(unique);
  // With several instances, the expiry is recorded in the shared cache and heard by all of them
  // before the cache tier is purged (scripts/shared-cache.mjs).
  const shared = holder.__mastheadSharedExpire?.(unique);
  if (!shared) {
    // And the cache tier, from the outbox the write filled in its own transaction.
    kickPurgeDelivery();
    return;
  }
  void shared.then(() => {
    kickPurgeDelivery();
    setTimeout(() => void purgeTagsNow(unique), CLUSTER_REPURGE_MS).unref();
  });
}

const holder = globalThis as unknown as {
  __mastheadPagePurge?: (tags: string[]) => number;
  __mastheadSharedExpire?: (tags: string[]) => Promise<boolean>;
};
