import "server-only";
import { listArticleDrafterIds, listDailyViews, listMostRead } from "@/db/queries/views";
import { can, type CurrentUser } from "@/lib/permissions";
import { utcDay } from "@/lib/views/dedup";

/*
 * Newsroom reads of view counts. Live articles and their counts are not secret to staff, but an
 * article's chart is shown only to those who may read the article in the newsroom.
 */

export const CHART_DAYS = 30;
export const MOST_READ_DAYS = 7;

export interface DayViews {
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  views: number;
}

/** The last `days` UTC days up to `now`, oldest first. */
export function lastDays(days: number, now = Date.now()): string[] {
  return Array.from({ length: days }, (_, i) => utcDay(now - (days - 1 - i) * 86_400_000));
}

/** Views per day of one article over the last 30 days (zero-filled), or null if not allowed. */
export async function getArticleViewsChart(user: CurrentUser, articleId: number, now = Date.now()): Promise<DayViews[] | null> {
  if (!can(user, "newsroom.enter")) return null;
  const mayRead = can(user, "article.read_all") || (await listArticleDrafterIds(articleId)).includes(user.id);
  if (!mayRead) return null;
  const days = lastDays(CHART_DAYS, now);
  const counts = new Map((await listDailyViews(articleId, days[0]!)).map((r) => [r.day, r.views]));
  return days.map((day) => ({ day, views: counts.get(day) ?? 0 }));
}

/** "Most read this week": live articles with the most views over the last 7 days. */
export async function getMostReadThisWeek(user: CurrentUser, limit = 5, now = Date.now()) {
  if (!can(user, "newsroom.enter")) return [];
  return await listMostRead(lastDays(MOST_READ_DAYS, now)[0]!, limit);
}
