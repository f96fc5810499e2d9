import "server-only";
import { revalidateTag } from "next/cache";

/**
 * Expires public cache tags at once (not stale-while-revalidate): the next reader of any page
 * that used them gets a fresh render. Call after the write has committed.
 */
export function expireTags(tags: readonly string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
