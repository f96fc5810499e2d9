import "server-only";
import { and, asc, desc, eq, inArray, isNull, lte, ne, sql, gte, min } from "drizzle-orm";
import { jsonNumber } from "../sql";
import { type Db, returned } from "../client";
import type { ArticleStatus } from "../schema";
import { articles, auditLog, comments, notifications, publicationMedia, publications, publicationTopics, revisions, users, withdrawnPublications } from "../tables";

/**
 * Moves an article from one state to another only if it is still in that state at that version:
 * the from-state and version are in the UPDATE itself, so of two people acting at once one wins.
 */
export async function updateState(
  db: Db,
  input: { id: number; from: ArticleStatus; to: ArticleStatus; version: number; at: Date; scheduledFor?: Date | null; submittedAt?: Date | null; expiresAt?: Date | null },
): Promise<boolean> {
  return (
    (await db
            .update(articles)
            .set({
              status: input.to,
              updatedAt: input.at,
              ...(input.scheduledFor !== undefined ? { scheduledFor: input.scheduledFor } : {}),
              ...(input.submittedAt !== undefined ? { submittedAt: input.submittedAt } : {}),
              ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
              // Live again: "Expired on …" no longer describes it.
              ...(input.to === "published" ? { expiredAt: null } : {}),
            })
            .where(and(eq(articles.id, input.id), eq(articles.status, input.from), eq(articles.version, input.version)))
            .returning({ id: articles.id })).length === 1
  );
}

/** Takes the live version down (its topics and photo links go with it). */
export async function deletePublication(db: Db, articleId: number): Promise<void> {
  await db.delete(publications).where(eq(publications.articleId, articleId));
}

/** A live version as it stood: the publication row, its topics in order, the photos it showed. */
export interface PublicationSnapshot {
  publication: Omit<typeof publications.$inferSelect, "publishedAt" | "updatedAt"> & { publishedAt: number; updatedAt: number };
  topics: { topicId: number; position: number }[];
  mediaIds: number[];
  /** The working copy's expiry (ms) when it was unpublished; absent in copies kept before it was. */
  expiresAt?: number | null;
}

/** Keeps the live version that an unpublish is about to delete, for "Undo" (replaces an older one). */
export async function keepWithdrawnPublication(db: Db, input: { articleId: number; articleVersion: number; by: number; at: Date; expiresAt: Date | null }): Promise<boolean> {
  const row = (await db.select().from(publications).where(eq(publications.articleId, input.articleId)))[0];
  if (!row) return false;
  const snapshot: PublicationSnapshot = {
    publication: { ...row, publishedAt: row.publishedAt.getTime(), updatedAt: row.updatedAt.getTime() },
    topics: await db.select({ topicId: publicationTopics.topicId, position: publicationTopics.position }).from(publicationTopics).where(eq(publicationTopics.articleId, input.articleId)),
    mediaIds: (await db.select({ id: publicationMedia.mediaId }).from(publicationMedia).where(eq(publicationMedia.articleId, input.articleId))).map((m) => m.id),
    expiresAt: input.expiresAt?.getTime() ?? null,
  };
  const values = { snapshot, articleVersion: input.articleVersion, withdrawnBy: input.by, withdrawnAt: input.at };
  await db.insert(withdrawnPublications).values({ articleId: input.articleId, ...values }).onConflictDoUpdate({ target: withdrawnPublications.articleId, set: values });
  return true;
}

/** The live version the latest unpublish took down, if it is still kept. */
export async function getWithdrawnPublication(db: Db, articleId: number) {
  const row = (await db.select().from(withdrawnPublications).where(eq(withdrawnPublications.articleId, articleId)))[0];
  return row ? { ...row, snapshot: row.snapshot as PublicationSnapshot } : null;
}

/** Puts a kept live version back exactly as it was, and forgets the kept copy. */
export async function restoreWithdrawnPublication(db: Db, articleId: number, snapshot: PublicationSnapshot): Promise<void> {
  const { publishedAt, updatedAt, ...rest } = snapshot.publication;
  await db.insert(publications).values({ ...rest, articleId, publishedAt: new Date(publishedAt), updatedAt: new Date(updatedAt) });
  if (snapshot.topics.length) await db.insert(publicationTopics).values(snapshot.topics.map((t) => ({ articleId, ...t, publishedAt: new Date(publishedAt) })));
  if (snapshot.mediaIds.length) await db.insert(publicationMedia).values(snapshot.mediaIds.map((mediaId) => ({ articleId, mediaId })));
  await db.delete(withdrawnPublications).where(eq(withdrawnPublications.articleId, articleId));
}

/** Whether the article has ever gone live (now or before an unpublish): its slug is then fixed. */
export async function wasEverPublished(db: Db, articleId: number): Promise<boolean> {
  const live = (await db.select({ id: publications.articleId }).from(publications).where(eq(publications.articleId, articleId)))[0];
  if (live) return true;
  const went = (await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.articleId, articleId), inArray(auditLog.action, ["article.approve", "article.publish_due", "article.undo_unpublish"])))
      .limit(1))[0];
  return Boolean(went);
}

/** Sets the slug of an article that has never been published; false if it changed state meanwhile. */
export async function updateSlug(db: Db, articleId: number, slug: string): Promise<boolean> {
  return (await db.update(articles).set({ slug }).where(and(eq(articles.id, articleId), sql`${articles.deletedAt} is null`)).returning({ id: articles.id })).length === 1;
}

/** Of `userIds`, those who still have an unread notification of this kind for this article. */
export async function listUnreadHolders(db: Db, articleId: number, kind: string, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.articleId, articleId), eq(notifications.kind, kind), isNull(notifications.readAt), inArray(notifications.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

/** Resolves every open top-level comment of an article (on publication); returns how many. */
export async function resolveOpenComments(db: Db, articleId: number, by: number | null, at: Date): Promise<number> {
  return (await db.update(comments).set({ resolvedAt: at, resolvedBy: by }).where(and(eq(comments.articleId, articleId), isNull(comments.parentId), isNull(comments.resolvedAt))).returning({ id: comments.id })).length;
}

/** Whether anyone but the drafters has commented or edited since the article was sent for review. */
export async function someoneActedSince(db: Db, articleId: number, drafterIds: number[], since: Date): Promise<boolean> {
  const edits = (await db
      .select({ id: revisions.id })
      .from(revisions)
      .where(and(eq(revisions.articleId, articleId), gte(revisions.savedAt, since), drafterIds.length ? sql`${revisions.authorId} not in (${sql.join(drafterIds.map((d) => sql`${d}`), sql`, `)})` : undefined)))[0];
  const remarks = (await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), gte(comments.createdAt, since), drafterIds.length ? sql`${comments.authorId} not in (${sql.join(drafterIds.map((d) => sql`${d}`), sql`, `)})` : undefined)))[0];
  return Boolean(edits || remarks);
}

/** Scheduled articles whose time has come. */
export async function listDueArticles(db: Db, now: Date) {
  return await db
      .select({ id: articles.id, scheduledFor: articles.scheduledFor, version: articles.version })
      .from(articles)
      .where(and(eq(articles.status, "scheduled"), lte(articles.scheduledFor, now)))
      .orderBy(asc(articles.scheduledFor));
}

/** When the scheduler has work next: the next scheduled publication or expiry, if any. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const at = (await db.select({ at: min(articles.scheduledFor) }).from(articles).where(eq(articles.status, "scheduled")))[0]?.at;
  const expiry = (await db.select({ at: min(articles.expiresAt) }).from(articles).where(isNull(articles.deletedAt)))[0]?.at;
  const next = [at, expiry].filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
  return next.length ? new Date(Math.min(...next)) : null;
}

/** Who approved a scheduled article, or last gave it a new time (from the audit log): the "Revision:" credit when it goes live. */
export async function getScheduler(db: Db, articleId: number): Promise<number | null> {
  return (
    (await db
            .select({ actor: auditLog.actorId })
            .from(auditLog)
            .where(and(eq(auditLog.articleId, articleId), inArray(auditLog.action, ["article.schedule", "article.reschedule"])))
            .orderBy(desc(auditLog.id))
            .limit(1))[0]?.actor ?? null
  );
}

/** Active revisers and admins, except `exceptIds` (for "waits for review" notifications). */
export async function listReviewerIds(db: Db, exceptIds: number[]): Promise<number[]> {
  return (await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.role, ["reviser", "admin"]), eq(users.active, true))))
    .map((u) => u.id)
    .filter((id) => !exceptIds.includes(id));
}

/** Sends an in-app notification to each person. */
export async function notify(db: Db, userIds: number[], input: { articleId: number; kind: string; message: string; at: Date }): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(notifications).values(userIds.map((userId) => ({ userId, articleId: input.articleId, kind: input.kind, message: input.message, createdAt: input.at })));
}

/** A person's notifications, unread first, newest first. */
export async function listNotifications(db: Db, userId: number, limit = 20) {
  return await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.id))
      .limit(limit);
}

/** Marks all of a person's notifications read. */
export async function markNotificationsRead(db: Db, userId: number, at: Date): Promise<void> {
  await db.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Adds a comment; returns its id. */
export async function insertComment(db: Db, input: { articleId: number; authorId: number; body: string; parentId?: number | null; anchorId?: string | null; quote?: string | null; at: Date }): Promise<number> {
  return returned(await db
        .insert(comments)
        .values({ articleId: input.articleId, authorId: input.authorId, body: input.body, parentId: input.parentId ?? null, anchorId: input.anchorId ?? null, quote: input.quote ?? null, createdAt: input.at })
        .returning({ id: comments.id })).id;
}

/** Resolves or reopens a top-level comment of an article. */
export async function setCommentResolved(db: Db, articleId: number, commentId: number, by: number | null, at: Date | null): Promise<boolean> {
  return (await db.update(comments).set({ resolvedAt: at, resolvedBy: by }).where(and(eq(comments.id, commentId), eq(comments.articleId, articleId), isNull(comments.parentId))).returning({ id: comments.id })).length === 1;
}

/** Articles due or scheduled, for the dashboard. */
export async function listScheduled(db: Db) {
  return await db.select({ id: articles.id, title: articles.title, scheduledFor: articles.scheduledFor }).from(articles).where(eq(articles.status, "scheduled")).orderBy(asc(articles.scheduledFor));
}

/** Scheduled publications that went live late (by more than `thresholdMs`) recently. */
export async function listLatePublications(db: Db, since: Date, thresholdMs = 60_000) {
  return await db
      .select({ articleId: auditLog.articleId, at: auditLog.at, details: auditLog.details, title: articles.title })
      .from(auditLog)
      .innerJoin(articles, eq(articles.id, auditLog.articleId))
      .where(and(eq(auditLog.action, "article.publish_due"), gte(auditLog.at, since), sql`${jsonNumber(auditLog.details, "lateByMs")} > ${thresholdMs}`, ne(articles.status, "draft")))
      .orderBy(desc(auditLog.id));
}

/** The article version at the last "request changes", if any. */
export async function lastChangesRequestedVersion(db: Db, articleId: number): Promise<number | null> {
  const row = (await db
      .select({ version: jsonNumber(auditLog.details, "version") })
      .from(auditLog)
      .where(and(eq(auditLog.articleId, articleId), eq(auditLog.action, "article.request_changes")))
      .orderBy(desc(auditLog.id))
      .limit(1))[0];
  return row?.version ?? null;
}
