import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articleDrafters, articles, articleTopics, auditLog, comments, publications, users } from "../tables";

/*
 * The trash: a deleted article keeps every row (revisions, comments, audit) and only gains
 * `deleted_at`/`deleted_by`; every newsroom read already skips it. No authorization here.
 */

/** A deleted article as its editor page and the restore action need it; null if not deleted. */
export async function getTrashedArticle(db: Db, id: number) {
  const row = (await db
      .select({ id: articles.id, title: articles.title, status: articles.status, deletedAt: articles.deletedAt, deletedBy: users.name })
      .from(articles)
      .leftJoin(users, eq(users.id, articles.deletedBy))
      .where(and(eq(articles.id, id), isNotNull(articles.deletedAt))))[0];
  if (!row?.deletedAt) return null;
  const drafterIds = (await db.select({ id: articleDrafters.userId }).from(articleDrafters).where(eq(articleDrafters.articleId, id)).orderBy(asc(articleDrafters.position))).map((r) => r.id);
  return { ...row, deletedAt: row.deletedAt, drafterIds };
}

/** Whether the article was ever live: it is now, or the log records it going live. */
export async function wasEverPublished(db: Db, articleId: number): Promise<boolean> {
  const live = (await db.select({ id: publications.articleId }).from(publications).where(eq(publications.articleId, articleId)))[0];
  const went = (await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.articleId, articleId), eq(auditLog.toState, "published"))).limit(1))[0];
  return Boolean(live || went);
}

/**
 * Moves an article to the trash if it is still in the state that was checked and not live: the
 * conditions are in the UPDATE, so a publication in between wins. Returns false if not moved.
 */
export async function moveToTrash(db: Db, input: { id: number; status: string; by: number | null; at: Date }): Promise<boolean> {
  return (
    (await db
            .update(articles)
            .set({ deletedAt: input.at, deletedBy: input.by })
            .where(
              and(
                eq(articles.id, input.id),
                isNull(articles.deletedAt),
                sql`${articles.status} = ${input.status}`,
                notExists(db.select({ one: publications.articleId }).from(publications).where(eq(publications.articleId, articles.id))),
              ),
            )
            .returning({ id: articles.id })).length === 1
  );
}

/** Takes an article out of the trash; returns false if it was not there. */
export async function restoreFromTrash(db: Db, id: number): Promise<boolean> {
  return (await db.update(articles).set({ deletedAt: null, deletedBy: null }).where(and(eq(articles.id, id), isNotNull(articles.deletedAt))).returning({ id: articles.id })).length === 1;
}

/**
 * Drafts nobody ever typed into: never saved (version 1), no title, no topics, no comments. Only
 * these may be reused or discarded; one keystroke that reached the server makes a draft real.
 */
function untouched(db: Db) {
  return and(
    eq(articles.status, "draft"),
    eq(articles.version, 1),
    eq(articles.title, ""),
    isNull(articles.deletedAt),
    notExists(db.select({ one: articleTopics.topicId }).from(articleTopics).where(eq(articleTopics.articleId, articles.id))),
    notExists(db.select({ one: comments.id }).from(comments).where(eq(comments.articleId, articles.id))),
  );
}

/** This person's newest untouched empty draft that is theirs alone, if any. */
export async function findUntouchedDraft(db: Db, userId: number): Promise<number | null> {
  return (
    (await db
            .select({ id: articles.id })
            .from(articles)
            .where(
              and(
                untouched(db),
                eq(articles.createdBy, userId),
                notExists(db.select({ one: articleDrafters.userId }).from(articleDrafters).where(and(eq(articleDrafters.articleId, articles.id), sql`${articleDrafters.userId} <> ${userId}`))),
              ),
            )
            .orderBy(sql`${articles.id} desc`)
            .limit(1))[0]?.id ?? null
  );
}

/** Discards untouched empty drafts created before `before` (into the trash, with no deleter); returns their ids. */
export async function discardUntouchedDrafts(db: Db, before: Date, at: Date): Promise<number[]> {
  const ids = (await db.select({ id: articles.id }).from(articles).where(and(untouched(db), lt(articles.createdAt, before)))).map((r) => r.id);
  if (ids.length) await db.update(articles).set({ deletedAt: at, deletedBy: null }).where(and(inArray(articles.id, ids), isNull(articles.deletedAt)));
  return ids;
}
