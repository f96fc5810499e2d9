import "server-only";
import { and, asc, eq, isNull, lt, sql, gte } from "drizzle-orm";
import { joinedText } from "../sql";
import type { Db } from "../client";
import { articleDrafters, articles, publications } from "../tables";

/*
 * Dated article events for the story calendar, one function per kind. Each returns rows of the
 * same shape for [from, to), optionally limited to one drafter's articles; lib/newsroom/calendar
 * lists the kinds in one table, so a new kind (expiry) is one more function and one more row.
 */

export interface DatedArticle {
  articleId: number;
  title: string;
  status: string;
  at: Date;
  version: number;
  /** Who drafted it (the four-eyes rule decides who may move a scheduled piece). */
  drafterIds: number[];
}

const inRange = (column: typeof articles.scheduledFor | typeof articles.expiresAt | typeof publications.publishedAt, from: Date, to: Date) => and(gte(column, from), lt(column, to));

const drafterIds = sql<string | null>`(select ${joinedText(articleDrafters.userId, ",", articleDrafters.position)} from ${articleDrafters} where ${articleDrafters.articleId} = ${articles.id})`.mapWith((v: string | null) =>
  v ? String(v).split(",").map(Number) : [],
);

const draftedBy = (drafterId: number | undefined) =>
  drafterId === undefined
    ? undefined
    : sql`exists (select 1 from ${articleDrafters} where ${articleDrafters.articleId} = ${articles.id} and ${articleDrafters.userId} = ${drafterId})`;

/** Approved pieces waiting for their publication time. */
export async function listScheduledBetween(db: Db, from: Date, to: Date, drafterId?: number): Promise<DatedArticle[]> {
  return await db
      .select({ articleId: articles.id, title: articles.title, status: articles.status, at: sql<Date>`${articles.scheduledFor}`.mapWith(articles.scheduledFor), version: articles.version, drafterIds })
      .from(articles)
      .where(and(eq(articles.status, "scheduled"), isNull(articles.deletedAt), inRange(articles.scheduledFor, from, to), draftedBy(drafterId)))
      .orderBy(asc(articles.scheduledFor));
}

/** Live pieces by the day they were first published. */
export async function listPublishedBetween(db: Db, from: Date, to: Date, drafterId?: number): Promise<DatedArticle[]> {
  return await db
      .select({ articleId: publications.articleId, title: publications.title, status: articles.status, at: publications.publishedAt, version: articles.version, drafterIds })
      .from(publications)
      .innerJoin(articles, eq(articles.id, publications.articleId))
      .where(and(isNull(articles.deletedAt), inRange(publications.publishedAt, from, to), draftedBy(drafterId)))
      .orderBy(asc(publications.publishedAt));
}

/** Live or scheduled pieces by the time they are due to leave the public site. */
export async function listExpiringBetween(db: Db, from: Date, to: Date, drafterId?: number): Promise<DatedArticle[]> {
  return await db
      .select({ articleId: articles.id, title: articles.title, status: articles.status, at: sql<Date>`${articles.expiresAt}`.mapWith(articles.expiresAt), version: articles.version, drafterIds })
      .from(articles)
      .where(and(isNull(articles.deletedAt), inRange(articles.expiresAt, from, to), draftedBy(drafterId)))
      .orderBy(asc(articles.expiresAt));
}
