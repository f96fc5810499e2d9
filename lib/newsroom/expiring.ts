import "server-only";
import { immediate } from "@/db/client";
import { listExpiringBetween } from "@/db/queries/expiry";
import { can, type CurrentUser } from "@/lib/permissions";

/** How far ahead the dashboard's "Expiring soon" looks. */
export const EXPIRING_SOON_MS = 7 * 86_400_000;

/**
 * What leaves the site by its expiry in the next seven days, soonest first: for those who see
 * every article and decide expiries (revisers and admins); nothing for others.
 */
export function listExpiringSoon(user: CurrentUser, now = new Date()): { id: number; title: string; expiresAt: Date }[] {
  if (!can(user, "article.read_all")) return [];
  return immediate((db) => listExpiringBetween(db, now, new Date(now.getTime() + EXPIRING_SOON_MS)));
}
