import "server-only";
import { revalidateTag } from "next/cache";
import { kickPurgeDelivery } from "@/lib/cache-tier/purge";

/**
 * Expires public cache tags at once (not stale-while-revalidate): the next reader of any page
 * that used them gets a fresh render. Call after the write has committed.
 */
export function expireTags(tags: readonly string[]): void {
  const unique = [...new Set(tags)];
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  // Next applies those when the action ends; expire them in its cache now (scripts/cache-handler.mjs).
  holder.__mastheadExpireNow?.(unique);
  // Then the whole-page copies scripts/server.mjs keeps: after Next's data, so a page rendered
  // from here on reads fresh data, and one rendered before is not kept.
  holder.__mastheadPagePurge?.(unique);
  // With several instances, every instance is told through the shared cache at once; the outbox
  // row the write made tells them again, durably, before it purges the cache tier.
  void holder.__mastheadSharedExpire?.(unique);
  // And the cache tier, from the outbox the write filled in its own transaction.
  kickPurgeDelivery();
}

const holder = globalThis as unknown as {
  __mastheadExpireNow?: (tags: string[]) => void;
  __mastheadPagePurge?: (tags: string[]) => number;
  __mastheadSharedExpire?: (tags: string[]) => Promise<boolean>;
};
