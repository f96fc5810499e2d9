import "server-only";
import { and, count, desc, eq, isNull, lt, or, sql, gte } from "drizzle-orm";
import { type Db, returned } from "../client";
import { comments, reviewLinks, users } from "../tables";

export type ReviewLinkRow = typeof reviewLinks.$inferSelect;

/** Stores a new link (its token's hash only); returns its id. */
export async function insertReviewLink(
  db: Db,
  input: { articleId: number; tokenHash: string; label: string; revisionId: number | null; createdBy: number; at: Date; expiresAt: Date },
): Promise<number> {
  const { at, ...values } = input;
  return returned(await db.insert(reviewLinks).values({ ...values, createdAt: at }).returning({ id: reviewLinks.id })).id;
}

/** The link whose token has this hash, whatever its state; null when there is none. */
export async function getReviewLinkByHash(db: Db, tokenHash: string): Promise<ReviewLinkRow | null> {
  return (await db.select().from(reviewLinks).where(eq(reviewLinks.tokenHash, tokenHash)))[0] ?? null;
}

/** The links of an article, newest first, with the names of who made and who revoked them. */
export async function listReviewLinkRows(db: Db, articleId: number) {
  return await db
      .select({
        id: reviewLinks.id,
        label: reviewLinks.label,
        revisionId: reviewLinks.revisionId,
        version: sql<number | null>`(select r.version from revisions r where r.id = ${reviewLinks.revisionId})`,
        createdAt: reviewLinks.createdAt,
        expiresAt: reviewLinks.expiresAt,
        revokedAt: reviewLinks.revokedAt,
        createdBy: users.name,
        revokedBy: sql<string | null>`(select u.name from users u where u.id = ${reviewLinks.revokedBy})`,
        viewLoggedAt: reviewLinks.viewLoggedAt,
        comments: sql<number>`(select count(*) from comments c where c.review_link_id = ${reviewLinks.id})`.mapWith(Number),
      })
      .from(reviewLinks)
      .innerJoin(users, eq(users.id, reviewLinks.createdBy))
      .where(eq(reviewLinks.articleId, articleId))
      .orderBy(desc(reviewLinks.id));
}

/** Revokes a link of an article that is not revoked yet; false when there was none to revoke. */
export async function revokeReviewLinkRow(db: Db, input: { articleId: number; linkId: number; by: number; at: Date }): Promise<boolean> {
  return (
    (await db
            .update(reviewLinks)
            .set({ revokedAt: input.at, revokedBy: input.by })
            .where(and(eq(reviewLinks.id, input.linkId), eq(reviewLinks.articleId, input.articleId), isNull(reviewLinks.revokedAt)))
            .returning({ id: reviewLinks.id })).length === 1
  );
}

/**
 * Claims the right to log an opening of a link: true (and the time is kept) when none was
 * logged since `since`, so the audit log gets at most one entry per link per window.
 */
export async function claimViewLog(db: Db, linkId: number, at: Date, since: Date): Promise<boolean> {
  return (
    (await db
            .update(reviewLinks)
            .set({ viewLoggedAt: at })
            .where(and(eq(reviewLinks.id, linkId), or(isNull(reviewLinks.viewLoggedAt), lt(reviewLinks.viewLoggedAt, since))))
            .returning({ id: reviewLinks.id })).length === 1
  );
}

/** Whether an unrevoked link shows this exact revision (then saves must not fold into it). */
export async function isRevisionPinned(db: Db, revisionId: number): Promise<boolean> {
  return Boolean((await db.select({ id: reviewLinks.id }).from(reviewLinks).where(and(eq(reviewLinks.revisionId, revisionId), isNull(reviewLinks.revokedAt))).limit(1))[0]);
}

/** How many outside comments came through a link since a time (for the rate limit). */
export async function countOutsideCommentsSince(db: Db, linkId: number, since: Date): Promise<number> {
  return (await db.select({ n: count() }).from(comments).where(and(eq(comments.reviewLinkId, linkId), gte(comments.createdAt, since))))[0]?.n ?? 0;
}

/** Adds an outside comment (no staff author; the name its writer gave); returns its id. */
export async function insertOutsideComment(db: Db, input: { articleId: number; linkId: number; name: string; body: string; quote: string | null; at: Date }): Promise<number> {
  return returned(await db
        .insert(comments)
        .values({ articleId: input.articleId, authorId: null, outsideName: input.name, reviewLinkId: input.linkId, body: input.body, quote: input.quote, anchorPrefix: input.quote ? "" : null, anchorSuffix: input.quote ? "" : null, createdAt: input.at })
        .returning({ id: comments.id })).id;
}
