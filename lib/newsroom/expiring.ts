import "server-only";
import { immediate } from "@/db/client";
import { listExpiringBetween } from "@/db/queries/expiry";
import { can, type CurrentUser } from "@/lib/permissions";
import { plural } from "./format";

/** How far ahead the dashboard's "Expiring soon" looks. */
export const EXPIRING_SOON_MS = 7 * 86_400_000;

/**
 * What leaves the site by its expiry in the next seven days, soonest first: for those who see
 * every article and decide expiries (revisers and admins); nothing for others.
 */
export async function listExpiringSoon(user: CurrentUser, now = new Date()): Promise<{ id: number; title: string; expiresAt: Date; fromNow: string }[]> {
  if (!can(user, "article.read_all")) return [];
  const rows = await immediate(async (db) => await listExpiringBetween(db, now, new Date(now.getTime() + EXPIRING_SOON_MS)));
  return rows.map((r) => ({ ...r, fromNow: fromNow(r.expiresAt.getTime() - now.getTime()) }));
}

/** "in 40 minutes", "in 5 hours", "in 3 days". */
export function fromNow(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 90) return `in ${plural(minutes, "minute")}`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `in ${plural(hours, "hour")}` : `in ${plural(Math.round(hours / 24), "day")}`;
}
