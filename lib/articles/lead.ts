import "server-only";
import type { Db } from "@/db/client";
import type { LeadWords, WorkingCopy } from "@/db/queries/articles";
import { getMediaDescription } from "@/db/queries/media";
import { bodyMediaIds } from "@/lib/content/render";
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

/** What keeps the lead from going to review: alt text, when the body does not place the photo. */
export function leadProblems(db: Db, article: Pick<WorkingCopy, "body" | "leadMediaId"> & LeadWords): string[] {
  if (article.leadMediaId === null || bodyMediaIds(article.body).includes(article.leadMediaId)) return [];
  const alt = article.leadAlt ?? getMediaDescription(db, article.leadMediaId)?.alt ?? "";
  return alt.trim() ? [] : ["The lead image needs alt text: describe the photo in the “Lead image” section."];
}
