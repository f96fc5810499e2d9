import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { ArticleStatus } from "../schema";
import { articles } from "../tables";

/**
 * Sets or removes an article's expiry if it is still in the state the decision was made for
 * (of two people acting at once, one wins). Not an edit of the text: the version stays.
 */
export async function updateExpiry(db: Db, input: { id: number; status: ArticleStatus; expiresAt: Date | null; at: Date }): Promise<boolean> {
  return (
    (await db
            .update(articles)
            .set({ expiresAt: input.expiresAt, updatedAt: input.at })
            .where(and(eq(articles.id, input.id), eq(articles.status, input.status), isNull(articles.deletedAt)))
            .returning({ id: articles.id })).length === 1
  );
}

/** Articles whose expiry has come (the scheduler takes them down). */
export async function listDueExpiries(db: Db, now: Date) {
  return await db
      .select({ id: articles.id, expiresAt: articles.expiresAt })
      .from(articles)
      .where(and(isNotNull(articles.expiresAt), lte(articles.expiresAt, now), isNull(articles.deletedAt)))
      .orderBy(asc(articles.expiresAt));
}

/**
 * Records that the expiry took the article down: its new state, no expiry left, when it expired.
 * Only if the expiry is still the one that came due (nobody changed or removed it meanwhile).
 */
export async function markExpired(db: Db, input: { id: number; from: ArticleStatus; to: ArticleStatus; expiresAt: Date; at: Date }): Promise<boolean> {
  return (
    (await db
            .update(articles)
            .set({ status: input.to, expiresAt: null, expiredAt: input.at, scheduledFor: input.to === "unpublished" ? null : sql`${articles.scheduledFor}`, updatedAt: input.at })
            .where(and(eq(articles.id, input.id), eq(articles.status, input.from), eq(articles.expiresAt, input.expiresAt)))
            .returning({ id: articles.id })).length === 1
  );
}

/** Articles that will expire after `from` and by `until`, soonest first (for the dashboard). */
export async function listExpiringBetween(db: Db, from: Date, until: Date) {
  return (await db
      .select({ id: articles.id, title: articles.title, expiresAt: articles.expiresAt })
      .from(articles)
      .where(and(gt(articles.expiresAt, from), lte(articles.expiresAt, until), isNull(articles.deletedAt)))
      .orderBy(asc(articles.expiresAt)))
    .map((a) => ({ ...a, expiresAt: a.expiresAt as Date }));
}
