import "server-only";
import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, auditLog, comments, notifications, publications, revisions, users, type ArticleStatus } from "../schema";

/**
 * Moves an article from one state to another only if it is still in that state at that version:
 * the from-state and version are in the UPDATE itself, so of two people acting at once one wins.
 */
export function updateState(
  db: Db,
  input: { id: number; from: ArticleStatus; to: ArticleStatus; version: number; at: Date; scheduledFor?: Date | null; submittedAt?: Date | null },
): boolean {
  return (
    db
      .update(articles)
      .set({
        status: input.to,
        updatedAt: input.at,
        ...(input.scheduledFor !== undefined ? { scheduledFor: input.scheduledFor } : {}),
        ...(input.submittedAt !== undefined ? { submittedAt: input.submittedAt } : {}),
      })
      .where(and(eq(articles.id, input.id), eq(articles.status, input.from), eq(articles.version, input.version)))
      .run().changes === 1
  );
}

/** Takes the live version down (its topics and photo links go with it). */
export function deletePublication(db: Db, articleId: number): void {
  db.delete(publications).where(eq(publications.articleId, articleId)).run();
}

/** Whether anyone but the drafters has commented or edited since the article was sent for review. */
export function someoneActedSince(db: Db, articleId: number, drafterIds: number[], since: Date): boolean {
  const edits = db
    .select({ id: revisions.id })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), sql`${revisions.savedAt} >= ${since.getTime()}`, drafterIds.length ? sql`${revisions.authorId} not in (${sql.join(drafterIds.map((d) => sql`${d}`), sql`, `)})` : undefined))
    .get();
  const remarks = db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), sql`${comments.createdAt} >= ${since.getTime()}`, drafterIds.length ? sql`${comments.authorId} not in (${sql.join(drafterIds.map((d) => sql`${d}`), sql`, `)})` : undefined))
    .get();
  return Boolean(edits || remarks);
}

/** Scheduled articles whose time has come. */
export function listDueArticles(db: Db, now: Date) {
  return db
    .select({ id: articles.id, scheduledFor: articles.scheduledFor, version: articles.version })
    .from(articles)
    .where(and(eq(articles.status, "scheduled"), lte(articles.scheduledFor, now)))
    .orderBy(asc(articles.scheduledFor))
    .all();
}

/** When the next scheduled article is due, if any. */
export function nextDueAt(db: Db): Date | null {
  const at = db.select({ at: sql<number | null>`min(${articles.scheduledFor})` }).from(articles).where(eq(articles.status, "scheduled")).get()?.at;
  return at ? new Date(at) : null;
}

/** Who approved a scheduled article (from the audit log): the "Revision:" credit when it goes live. */
export function getScheduler(db: Db, articleId: number): number | null {
  return (
    db
      .select({ actor: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.articleId, articleId), eq(auditLog.action, "article.schedule")))
      .orderBy(desc(auditLog.id))
      .limit(1)
      .get()?.actor ?? null
  );
}

/** Active revisers and admins, except `exceptIds` (for "waits for review" notifications). */
export function listReviewerIds(db: Db, exceptIds: number[]): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ["reviser", "admin"]), eq(users.active, true)))
    .all()
    .map((u) => u.id)
    .filter((id) => !exceptIds.includes(id));
}

/** Sends an in-app notification to each person. */
export function notify(db: Db, userIds: number[], input: { articleId: number; kind: string; message: string; at: Date }): void {
  if (userIds.length === 0) return;
  db.insert(notifications).values(userIds.map((userId) => ({ userId, articleId: input.articleId, kind: input.kind, message: input.message, createdAt: input.at }))).run();
}

/** A person's notifications, unread first, newest first. */
export function listNotifications(db: Db, userId: number, limit = 20) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.id))
    .limit(limit)
    .all();
}

/** Marks all of a person's notifications read. */
export function markNotificationsRead(db: Db, userId: number, at: Date): void {
  db.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).run();
}

/** Comments of an article, oldest first, with authors. */
export function listComments(db: Db, articleId: number) {
  return db
    .select({ id: comments.id, parentId: comments.parentId, body: comments.body, anchorId: comments.anchorId, quote: comments.quote, resolvedAt: comments.resolvedAt, createdAt: comments.createdAt, authorId: comments.authorId, author: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.articleId, articleId))
    .orderBy(asc(comments.id))
    .all();
}

/** Adds a comment; returns its id. */
export function insertComment(db: Db, input: { articleId: number; authorId: number; body: string; parentId?: number | null; anchorId?: string | null; quote?: string | null; at: Date }): number {
  return db
    .insert(comments)
    .values({ articleId: input.articleId, authorId: input.authorId, body: input.body, parentId: input.parentId ?? null, anchorId: input.anchorId ?? null, quote: input.quote ?? null, createdAt: input.at })
    .returning({ id: comments.id })
    .get().id;
}

/** Resolves or reopens a top-level comment of an article. */
export function setCommentResolved(db: Db, articleId: number, commentId: number, by: number | null, at: Date | null): boolean {
  return db.update(comments).set({ resolvedAt: at, resolvedBy: by }).where(and(eq(comments.id, commentId), eq(comments.articleId, articleId), isNull(comments.parentId))).run().changes === 1;
}

/** Articles due or scheduled, for the dashboard. */
export function listScheduled(db: Db) {
  return db.select({ id: articles.id, title: articles.title, scheduledFor: articles.scheduledFor }).from(articles).where(eq(articles.status, "scheduled")).orderBy(asc(articles.scheduledFor)).all();
}

/** Scheduled publications that went live late (by more than `thresholdMs`) recently. */
export function listLatePublications(db: Db, since: Date, thresholdMs = 60_000) {
  return db
    .select({ articleId: auditLog.articleId, at: auditLog.at, details: auditLog.details, title: articles.title })
    .from(auditLog)
    .innerJoin(articles, eq(articles.id, auditLog.articleId))
    .where(and(eq(auditLog.action, "article.publish_due"), sql`${auditLog.at} >= ${since.getTime()}`, sql`json_extract(${auditLog.details}, '$.lateByMs') > ${thresholdMs}`, ne(articles.status, "draft")))
    .orderBy(desc(auditLog.id))
    .all();
}

/** The article version at the last "request changes", if any. */
export function lastChangesRequestedVersion(db: Db, articleId: number): number | null {
  const row = db
    .select({ version: sql<number | null>`json_extract(${auditLog.details}, '$.version')` })
    .from(auditLog)
    .where(and(eq(auditLog.articleId, articleId), eq(auditLog.action, "article.request_changes")))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return row?.version ?? null;
}
