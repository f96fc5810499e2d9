import "server-only";
import type { LeadWords } from "@/db/queries/articles";
import type { MediaInfo } from "@/lib/content/types";

/*
 * The lead photo's words (alt text, caption, credit) belong to the version of the article that
 * places it, like a body photo's figure attributes; null takes the library's description. The
 * focal point stays the photo's: it is its composition, used by every crop.
 */

/** The lead photo with this version's words over the library's. */
export function withLeadWords<T extends Pick<MediaInfo, "alt" | "caption" | "credit">>(photo: T, words: LeadWords): T {
  return { ...photo, alt: words.leadAlt ?? photo.alt, caption: words.leadCaption ?? photo.caption, credit: words.leadCredit ?? photo.credit };
}
