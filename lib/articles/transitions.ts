import "server-only";
import { immediate, type Db } from "@/db/client";
import { getWorkingCopy, type WorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { writePublication } from "@/db/queries/publish";
import { listTopics } from "@/db/queries/public";
import { listFormerSlugs, listLiveMediaKeys } from "@/db/queries/purges";
import { recordPurge } from "@/lib/cache-tier/purge";
import {
  deletePublication,
  getScheduler,
  getWithdrawnPublication,
  insertComment,
  keepWithdrawnPublication,
  listDueArticles,
  listReviewerIds,
  listUnreadHolders,
  notify,
  resolveOpenComments,
  restoreWithdrawnPublication,
  someoneActedSince,
  updateState,
} from "@/db/queries/workflow";
import type { ArticleStatus } from "@/db/schema";
import { tagsForArticleChange } from "@/lib/cache-tags";
import { bodyMediaIds } from "@/lib/content/render";
import { validateBody } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";
import { nextState, TRANSITIONS, type WorkflowAction } from "@/lib/workflow";
import { STATUS_LABEL } from "./status";
import { getReadableArticle } from "./editing";
import { checklistBlockers } from "./checklist-server";
import { checkApprovalExpiry, writeApprovalExpiry } from "./expiry-approval";

/*
 * Carrying out the transition table. Every transition checks the capability (with four-eyes and
 * ownership), the from-state and the version inside the UPDATE, and writes the state, the live
 * version, the audit row, comments and notifications in one IMMEDIATE transaction. The caller
 * revalidates the returned cache tags once it has committed.
 */

export interface TransitionInput {
  articleId: number;
  action: WorkflowAction;
  /** The version the person saw; approval is for exactly that text. */
  baseVersion: number;
  comment?: string;
  scheduledFor?: Date;
  /** With an approval: when the piece leaves the site (null: never; undefined: as it is). */
  expiresAt?: Date | null;
}

export interface TransitionResult {
  from: ArticleStatus;
  to: ArticleStatus;
  /** Public cache tags to expire (empty when nothing public changed). */
  tags: string[];
}

const MESSAGES: Partial<Record<WorkflowAction, string>> = {
  submit: "Only the article's drafter can submit it, from a draft or after changes were requested.",
  withdraw: "Only the drafter can withdraw an article, while it is under review.",
  request_changes: "Only a reviser who did not draft the article can send it back.",
  approve: "Only a reviser who did not draft the article can approve it (four-eyes rule).",
  schedule: "Only a reviser who did not draft the article can schedule it (four-eyes rule).",
  reschedule: "Only a reviser who did not draft the article can give it a new time (four-eyes rule).",
  cancel_schedule: "Only revisers and admins can cancel a scheduled publication.",
  unpublish: "Only revisers and admins can unpublish.",
  undo_unpublish: "Only revisers and admins can undo an unpublish.",
  edit_again: "You cannot start a new version of this article.",
};

/**
 * What keeps a working copy from going to review: a body the allow-list refuses, and the
 * checklist's blockers (lib/articles/checklist.ts), each named so the drafter can fix it.
 */
export async function completenessProblems(db: Db, article: WorkingCopy): Promise<string[]> {
  const checked = validateBody(article.body);
  return [...(checked.ok ? [] : checked.problems), ...await checklistBlockers(db, article)];
}

async function topicSlugs(topicIds: number[]): Promise<string[]> {
  const byId = new Map((await listTopics()).map((t) => [t.id, t.slug]));
  return topicIds.map((id) => byId.get(id)).filter((s): s is string => Boolean(s));
}

/**
 * The cache tags a change of this article's live version touches: every slug it has had, its
 * topics, and the photos it showed before (`shownBefore`) and shows now.
 */
export async function liveChangeTags(db: Db, article: WorkingCopy, shownBefore: string[]): Promise<string[]> {
  return tagsForArticleChange({
    slugs: [article.slug, ...await listFormerSlugs(db, article.id)],
    topicSlugs: await topicSlugs(article.topicIds),
    mediaKeys: [...shownBefore, ...await listLiveMediaKeys(db, article.id)],
  });
}

/** Approval (now or for a time) is refused while a blocker of the checklist remains. */
async function refuseUnready(db: Db, article: WorkingCopy): Promise<void> {
  const problems = await completenessProblems(db, article);
  if (problems.length) throw new AppError("invalid", `Not ready to publish: ${problems.join(" ")}`);
}

/** How long after an unpublish "Undo" can put the live version back. */
export const UNDO_WINDOW_MS = 30_000;

async function goLive(db: Db, article: WorkingCopy, reviserId: number, at: Date, from: ArticleStatus, actorId: number | null, action: string, details: Record<string, unknown> = {}) {
  if (!await updateState(db, { id: article.id, from, to: "published", version: article.version, at, scheduledFor: null })) {
    throw new AppError("conflict", "Someone else acted on this article a moment ago. Reload to see its state.");
  }
  await writePublication(db, { articleId: article.id, reviserId, at, bodyMediaIds: bodyMediaIds(article.body) });
  // The review is over: its remarks stop being open and highlighted in the editor.
  const resolvedComments = await resolveOpenComments(db, article.id, reviserId, at);
  await writeAudit(db, { actorId, action, articleId: article.id, fromState: from, toState: "published", details: { version: article.version, resolvedComments, ...details }, at });
  await notify(db, article.drafterIds, { articleId: article.id, kind: "published", message: `“${article.title}” is live on the site.`, at });
}

/**
 * Records a refused transition (who tried what, from which state, and why) in a transaction of
 * its own, after the refused one rolled back. Best effort: failing to record never hides the
 * refusal from the person.
 */
async function recordRefusal(user: CurrentUser, input: TransitionInput, error: AppError, at: Date): Promise<void> {
  try {
    await immediate(async (db) => {
      // The log is for admins, who may see every article; an id that names none stays in details.
      const article = await getWorkingCopy(db, input.articleId);
      await writeAudit(db, {
        actorId: user.id,
        action: `article.${input.action}.refused`,
        articleId: article?.id ?? null,
        fromState: article?.status ?? null,
        toState: null,
        details: { code: error.code, message: error.message, version: input.baseVersion, ...(article ? {} : { requestedArticleId: input.articleId }) },
        at,
      });
    });
  } catch (failure) {
    console.error("could not record a refused transition", failure);
  }
}

/** Applies one workflow action for a person; a refusal is recorded in the audit log. */
export async function applyTransition(user: CurrentUser, input: TransitionInput, at = new Date()): Promise<TransitionResult> {
  try {
    return await runTransition(user, input, at);
  } catch (error) {
    if (error instanceof AppError) await recordRefusal(user, input, error, at);
    throw error;
  }
}

async function runTransition(user: CurrentUser, input: TransitionInput, at: Date): Promise<TransitionResult> {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, input.articleId);
    if (!TRANSITIONS[input.action].from.includes(article.status)) {
      throw new AppError("conflict", `This article is ${STATUS_LABEL[article.status].toLowerCase()} now; someone may have acted on it a moment ago. Reload to see its state.`);
    }
    const to = nextState(user, article, input.action);
    if (!to) throw new AppError("forbidden", MESSAGES[input.action] ?? "That is not possible now.");
    const from = article.status;
    if (input.baseVersion !== article.version) {
      throw new AppError("conflict", "The text changed since you opened it. Review the new changes, then try again.");
    }
    const audit = async (details: Record<string, unknown> = {}) =>
      await writeAudit(db, { actorId: user.id, action: `article.${input.action}`, articleId: article.id, fromState: from, toState: to, details: { version: article.version, ...details }, at });
    const move = async (extra: { scheduledFor?: Date | null; submittedAt?: Date | null; expiresAt?: Date | null } = {}) => {
      if (!await updateState(db, { id: article.id, from, to, version: article.version, at, ...extra })) {
        throw new AppError("conflict", "Someone else acted on this article a moment ago. Reload to see its state.");
      }
    };
    let tags: string[] = [];

    switch (input.action) {
      case "submit": {
        const problems = await completenessProblems(db, article);
        if (problems.length) throw new AppError("invalid", `Not ready for review: ${problems.join(" ")}`);
        await move({ submittedAt: at });
        await audit();
        // Someone who has not read the last "waits for review" for this piece is not told twice.
        const reviewers = await listReviewerIds(db, article.drafterIds);
        const unread = await listUnreadHolders(db, article.id, "review", reviewers);
        await notify(db, reviewers.filter((r) => !unread.has(r)), { articleId: article.id, kind: "review", message: `“${article.title}” waits for review.`, at });
        break;
      }
      case "withdraw":
        if (article.submittedAt && await someoneActedSince(db, article.id, article.drafterIds, article.submittedAt)) {
          throw new AppError("conflict", "A reviser has already commented on or edited it; it can no longer be withdrawn.");
        }
        await move();
        await audit();
        break;
      case "request_changes": {
        const comment = input.comment?.trim();
        if (!comment) throw new AppError("invalid", "Say what needs to change: a comment is required.", { comment: ["Write a comment for the drafter."] });
        await move();
        const commentId = await insertComment(db, { articleId: article.id, authorId: user.id, body: comment, at });
        await audit({ commentId });
        await notify(db, article.drafterIds, { articleId: article.id, kind: "changes_requested", message: `${user.name} sent “${article.title}” back: ${comment.slice(0, 140)}`, at });
        break;
      }
      case "approve": {
        await refuseUnready(db, article);
        // Photos the old live version showed stop being public if the new one drops them.
        const before = await listLiveMediaKeys(db, article.id);
        const expiresAt = checkApprovalExpiry(article, input.expiresAt, at, at);
        await goLive(db, article, user.id, at, from, user.id, "article.approve");
        await writeApprovalExpiry(db, { actorId: user.id, article, to, expiresAt, at });
        tags = await liveChangeTags(db, article, before);
        break;
      }
      case "schedule":
      case "reschedule": {
        // A reschedule re-approves the same text; the checks it passed may have changed (a linked piece unpublished).
        await refuseUnready(db, article);
        if (!input.scheduledFor || input.scheduledFor.getTime() <= at.getTime() + 30_000) {
          throw new AppError("invalid", "Choose a time in the future.", { scheduledFor: ["Choose a time in the future."] });
        }
        const expiresAt = checkApprovalExpiry(article, input.expiresAt, at, input.scheduledFor);
        await move({ scheduledFor: input.scheduledFor });
        await audit({ scheduledFor: input.scheduledFor.toISOString(), ...(article.scheduledFor && input.action === "reschedule" ? { previously: article.scheduledFor.toISOString() } : {}) });
        await writeApprovalExpiry(db, { actorId: user.id, article, to, expiresAt, at });
        break;
      }
      case "cancel_schedule":
        // Nothing public changes: a live version (of an edited piece) stays as it is.
        // A piece that never went live has nothing left to expire.
        await move({ scheduledFor: null, ...(article.isLive ? {} : { expiresAt: null }) });
        await audit({ cancelledFor: article.scheduledFor?.toISOString() ?? null });
        break;
      case "unpublish": {
        // Off the site now: an expiry has nothing left to do.
        await move({ scheduledFor: null, expiresAt: null });
        const wasLive = article.isLive;
        const shown = await listLiveMediaKeys(db, article.id);
        // Only a piece that was plainly live can be put back as it was by "Undo".
        // Its expiry is kept with it, so that "Undo" puts that back too.
        const undoable = from === "published" && await keepWithdrawnPublication(db, { articleId: article.id, articleVersion: article.version, by: user.id, at, expiresAt: article.expiresAt });
        await deletePublication(db, article.id);
        await audit({ wasLive, undoable });
        if (wasLive) tags = await liveChangeTags(db, article, shown);
        break;
      }
      case "undo_unpublish": {
        const undone = await undoUnpublish(db, article, at);
        tags = undone.tags;
        await move({ expiresAt: undone.expiresAt });
        await audit(undone.expiresAt ? { expiresAt: undone.expiresAt.toISOString() } : {});
        break;
      }
      case "edit_again":
        await move();
        await audit();
        break;
    }
    // The cache tier learns of it from the outbox, written in this same transaction.
    await recordPurge(db, tags, at);
    return { from, to, tags };
  });
}

/**
 * Whether "Undo" can still put this article's live version back (for the editor after a
 * reload): until when, and at which version; null when it cannot.
 */
export async function getUndoOffer(user: CurrentUser, articleId: number, at = new Date()): Promise<{ until: number; version: number } | null> {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, articleId);
    if (!nextState(user, article, "undo_unpublish")) return null;
    const kept = await getWithdrawnPublication(db, article.id);
    if (!kept || kept.articleVersion !== article.version || article.updatedAt.getTime() !== kept.withdrawnAt.getTime()) return null;
    const until = kept.withdrawnAt.getTime() + UNDO_WINDOW_MS;
    return until > at.getTime() ? { until, version: article.version } : null;
  });
}

/**
 * Puts back the live version the last unpublish took down, if that was within the window and
 * nothing about the article changed since (any write moves its updatedAt). Returns the tags.
 */
async function undoUnpublish(db: Db, article: WorkingCopy, at: Date): Promise<{ tags: string[]; expiresAt: Date | null }> {
  const kept = await getWithdrawnPublication(db, article.id);
  if (!kept) throw new AppError("conflict", "There is nothing to put back: this article was not live when it was unpublished.");
  if (at.getTime() - kept.withdrawnAt.getTime() > UNDO_WINDOW_MS) {
    throw new AppError("conflict", "It is too late to undo: the unpublish was more than 30 seconds ago. Start a new version with “Edit again” to publish it again.");
  }
  if (kept.articleVersion !== article.version || article.updatedAt.getTime() !== kept.withdrawnAt.getTime()) {
    throw new AppError("conflict", "The article changed since it was unpublished, so it cannot be put back as it was.");
  }
  const expiresAt = kept.snapshot.expiresAt ? new Date(kept.snapshot.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= at.getTime()) {
    throw new AppError("conflict", "It is too late to undo: the piece's expiry time has passed since it was unpublished, so it would have come off the site anyway.");
  }
  await restoreWithdrawnPublication(db, article.id, kept.snapshot);
  return { tags: await liveChangeTags(db, article, []), expiresAt };
}

/**
 * Publishes every scheduled article whose time has come, recording how late each went live
 * (after downtime, by how much). Returns the cache tags to expire.
 */
export async function publishDueArticles(now = new Date()): Promise<{ published: number[]; tags: string[] }> {
  const published: number[] = [];
  const tags: string[] = [];
  for (const due of await immediate(async (db) => await listDueArticles(db, now))) {
    await immediate(async (db) => {
      const article = await getWorkingCopy(db, due.id);
      if (!article || article.status !== "scheduled" || !article.scheduledFor) return;
      const reviserId = await getScheduler(db, article.id);
      if (!reviserId) return;
      const lateByMs = Math.max(0, now.getTime() - article.scheduledFor.getTime());
      const before = await listLiveMediaKeys(db, article.id);
      await goLive(db, article, reviserId, now, "scheduled", null, "article.publish_due", { scheduledFor: article.scheduledFor.toISOString(), lateByMs });
      published.push(article.id);
      const changed = await liveChangeTags(db, article, before);
      await recordPurge(db, changed, now);
      tags.push(...changed);
    });
  }
  return { published, tags };
}
