import "server-only";
import { immediate } from "@/db/client";
import { getWorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { listDueExpiries, markExpired, updateExpiry } from "@/db/queries/expiry";
import { listLiveMediaKeys } from "@/db/queries/purges";
import { deletePublication, notify } from "@/db/queries/workflow";
import type { ArticleStatus } from "@/db/schema";
import { recordPurge } from "@/lib/cache-tier/purge";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";
import { getReadableArticle } from "./editing";
import { expiryChange } from "./expiry-approval";
import { expiryProblem, mayChangeExpiry } from "./expiry-rules";
import { liveChangeTags } from "./transitions";

/*
 * An article's expiry: set, changed or removed on a live or scheduled piece ("Set expiry",
 * "Remove expiry"), and carried out by the scheduler, which takes the piece off every public
 * page exactly as an unpublish does (publication removed, cache tags expired, the cache tier's
 * outbox written in the same transaction), catching up on start with what came due meanwhile.
 */

/**
 * Sets (a Date) or removes (null) the expiry of a live or scheduled article. Refusals are clear,
 * change nothing and are recorded in the audit log.
 */
export async function setArticleExpiry(user: CurrentUser, input: { articleId: number; expiresAt: Date | null }, at = new Date()): Promise<{ expiresAt: Date | null }> {
  try {
    return await immediate(async (db) => {
      const article = await getReadableArticle(db, user, input.articleId);
      if (!mayChangeExpiry(user, article)) {
        throw article.isLive || article.status === "scheduled"
          ? new AppError("forbidden", "Only revisers and admins can set or remove an expiry.")
          : new AppError("conflict", "Only a live or scheduled article can have an expiry. Reload to see its state.");
      }
      if (input.expiresAt) {
        const problem = expiryProblem(input.expiresAt, at, article.status === "scheduled" ? article.scheduledFor : null, env().MASTHEAD_TIME_ZONE);
        if (problem) throw new AppError("invalid", problem, { expiresAt: [problem] });
      }
      const action = expiryChange(article.expiresAt, input.expiresAt);
      if (!action) return { expiresAt: input.expiresAt };
      if (!await updateExpiry(db, { id: article.id, status: article.status, expiresAt: input.expiresAt, at })) {
        throw new AppError("conflict", "Someone else acted on this article a moment ago. Reload to see its state.");
      }
      await writeAudit(db, {
        actorId: user.id,
        action,
        articleId: article.id,
        fromState: article.status,
        toState: article.status,
        details: { expiresAt: input.expiresAt?.toISOString() ?? null, previously: article.expiresAt?.toISOString() ?? null },
        at,
      });
      return { expiresAt: input.expiresAt };
    });
  } catch (error) {
    if (error instanceof AppError) await recordRefusal(user, input.articleId, error, at);
    throw error;
  }
}

async function recordRefusal(user: CurrentUser, articleId: number, error: AppError, at: Date): Promise<void> {
  try {
    await immediate(async (db) => {
      const article = await getWorkingCopy(db, articleId);
      await writeAudit(db, {
        actorId: user.id,
        action: "article.set_expiry.refused",
        articleId: article?.id ?? null,
        fromState: article?.status ?? null,
        toState: null,
        details: { code: error.code, message: error.message, ...(article ? {} : { requestedArticleId: articleId }) },
        at,
      });
    });
  } catch (failure) {
    console.error("could not record a refused expiry change", failure);
  }
}

/** The state an expiry leaves a piece in: a published or scheduled one becomes unpublished. */
function stateAfterExpiry(status: ArticleStatus): ArticleStatus {
  // A live piece with a new working copy in progress keeps its working state; only the live
  // version leaves the site.
  return status === "published" || status === "scheduled" ? "unpublished" : status;
}

/**
 * Takes every article whose expiry has come off the public site, each in its own transaction
 * (as the scheduler's actor, "scheduler"), recording how late it was. Returns the cache tags to
 * expire. Run after the due publications, so a piece both due and expired ends up expired.
 */
export async function expireDueArticles(now = new Date()): Promise<{ expired: number[]; tags: string[] }> {
  const expired: number[] = [];
  const tags: string[] = [];
  for (const due of await immediate(async (db) => await listDueExpiries(db, now))) {
    await immediate(async (db) => {
      const article = await getWorkingCopy(db, due.id);
      if (!article?.expiresAt || article.expiresAt.getTime() > now.getTime()) return;
      const to = stateAfterExpiry(article.status);
      const shown = await listLiveMediaKeys(db, article.id);
      // Only the expiry that came due: a change or removal a moment ago wins.
      if (!await markExpired(db, { id: article.id, from: article.status, to, expiresAt: article.expiresAt, at: now })) return;
      await deletePublication(db, article.id);
      const lateByMs = Math.max(0, now.getTime() - article.expiresAt.getTime());
      await writeAudit(db, {
        actorId: null,
        action: "article.expire",
        articleId: article.id,
        fromState: article.status,
        toState: to,
        details: { by: "scheduler", version: article.version, expiresAt: article.expiresAt.toISOString(), lateByMs, wasLive: article.isLive },
        at: now,
      });
      if (article.isLive) {
        await notify(db, article.drafterIds, { articleId: article.id, kind: "expired", message: `“${article.title}” expired and left the public site.`, at: now });
        const changed = await liveChangeTags(db, article, shown);
        // The cache tier learns of it from the outbox, written in this same transaction.
        await recordPurge(db, changed, now);
        tags.push(...changed);
      }
      expired.push(article.id);
    });
  }
  return { expired, tags };
}
