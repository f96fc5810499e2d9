import { can, type ArticleFacts, type CurrentUser } from "@/lib/permissions";
import { formatDateTime } from "@/lib/time";

/*
 * The rules of an article's expiry, without I/O: who may set, change or remove it, on what, and
 * which times are acceptable. An expiry takes a piece off the site as an unpublish does, so the
 * people who may unpublish decide it (when approving, the approval's four-eyes rule applies too).
 */

/** What the expiry rules need to know of an article. */
export interface ExpiryFacts extends ArticleFacts {
  isLive: boolean;
  scheduledFor: Date | null;
}

/** Whether this person may set, change or remove the expiry of this article now. */
export function mayChangeExpiry(user: CurrentUser | null, article: ExpiryFacts): boolean {
  if (!user || !can(user, "article.unpublish", article)) return false;
  // Only something that is or will be public can leave the site.
  return article.isLive || article.status === "scheduled";
}

/**
 * Why `expiresAt` is not acceptable, or null if it is: it must be in the future and after the
 * publication it ends (`publishAt`: the scheduled time, or now when publishing at once).
 */
export function expiryProblem(expiresAt: Date, at: Date, publishAt: Date | null, timeZone: string): string | null {
  if (Number.isNaN(expiresAt.getTime())) return "Enter the date and time it expires.";
  if (expiresAt.getTime() <= at.getTime()) return "Choose an expiry time in the future.";
  if (publishAt && expiresAt.getTime() <= publishAt.getTime()) {
    return `Choose an expiry time after the publication time (${formatDateTime(publishAt, timeZone)}, ${timeZone} time).`;
  }
  return null;
}
