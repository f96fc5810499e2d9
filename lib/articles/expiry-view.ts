import type { CurrentUser } from "@/lib/permissions";
import { dateToZonedLocal, formatDateTime } from "@/lib/time";
import { mayChangeExpiry, type ExpiryFacts } from "./expiry-rules";

/** What the editor shows and offers about an article's expiry. */
export interface ExpiryInfo {
  /** The expiry as a datetime-local value in the newsroom's zone, when one is set. */
  expiresAtLocal: string | null;
  /** "Dec 3, 2026, 9:00 AM (UTC time)", when one is set. */
  expiresAtText: string | null;
  /** When the scheduler took it down, while it is not live again. */
  expiredAtText: string | null;
  /** Whether this person may set, change or remove it now. */
  mayChange: boolean;
}

/** The expiry of an article as the editor presents it to this person. */
export function expiryInfo(user: CurrentUser, article: ExpiryFacts & { expiresAt: Date | null; expiredAt: Date | null }, timeZone: string): ExpiryInfo {
  const text = (d: Date) => `${formatDateTime(d, timeZone)} (${timeZone} time)`;
  return {
    expiresAtLocal: article.expiresAt ? dateToZonedLocal(article.expiresAt, timeZone) : null,
    expiresAtText: article.expiresAt ? text(article.expiresAt) : null,
    expiredAtText: article.expiredAt && !article.isLive ? text(article.expiredAt) : null,
    mayChange: mayChangeExpiry(user, article),
  };
}
