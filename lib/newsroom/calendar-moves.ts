import "server-only";
import { getReadableArticle } from "@/lib/articles/editing";
import { applyTransition, type TransitionResult } from "@/lib/articles/transitions";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";
import { dateToZonedLocal, zonedLocalToDate } from "@/lib/time";

/**
 * Moves a scheduled publication to another day at the same time of day. This is the workflow's
 * "reschedule" edge, so it is a new approval: capability, four-eyes rule, the version the person
 * saw and the audit row are all applyTransition's. Returns its result (cache tags to expire).
 */
export async function moveScheduledToDay(user: CurrentUser, input: { articleId: number; baseVersion: number; day: string }): Promise<TransitionResult & { scheduledFor: Date }> {
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const article = await getReadableArticle(getDb(), user, input.articleId);
  if (article.status !== "scheduled" || !article.scheduledFor) throw new AppError("conflict", "This article is no longer scheduled. Reload the calendar.");
  const scheduledFor = zonedLocalToDate(`${input.day}T${dateToZonedLocal(article.scheduledFor, timeZone).slice(11)}`, timeZone);
  if (!scheduledFor) throw new AppError("invalid", "Choose a day.");
  return { ...await applyTransition(user, { articleId: input.articleId, action: "reschedule", baseVersion: input.baseVersion, scheduledFor }), scheduledFor };
}
