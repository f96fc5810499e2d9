import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, immediate } from "../client";
import { articleDrafters, articles, articleViewsDaily, publications } from "../tables";

/*
 * View counts: written in batches by lib/views, read by the newsroom. The public article page
 * reads the running total through db/queries/public.ts.
 */

/** True when the article is live (only live articles count views). */
export async function isLiveArticle(articleId: number): Promise<boolean> {
  return (await getDb().select({ id: publications.articleId }).from(publications).where(eq(publications.articleId, articleId))).length > 0;
}

/** Adds a batch of views to the running totals and the per-day table, in one transaction. */
export async function writeViewBatch(rows: { articleId: number; day: string; views: number }[]): Promise<void> {
  await immediate(async (db) => {
    for (const row of rows) {
      const counted = await db
        .update(articles)
        .set({ viewCount: sql`${articles.viewCount} + ${row.views}` })
        .where(eq(articles.id, row.articleId))
        .returning({ id: articles.id });
      // An article deleted meanwhile is skipped, not an error that would keep the batch forever.
      if (counted.length === 0) continue;
      await db
        .insert(articleViewsDaily)
        .values(row)
        .onConflictDoUpdate({ target: [articleViewsDaily.articleId, articleViewsDaily.day], set: { views: sql`${articleViewsDaily.views} + excluded.views` } });
    }
  });
}

/** Views per UTC day of one article from `fromDay` on ("YYYY-MM-DD"); days without views are absent. */
export async function listDailyViews(articleId: number, fromDay: string): Promise<{ day: string; views: number }[]> {
  return await getDb()
      .select({ day: articleViewsDaily.day, views: articleViewsDaily.views })
      .from(articleViewsDaily)
      .where(and(eq(articleViewsDaily.articleId, articleId), gte(articleViewsDaily.day, fromDay)))
      .orderBy(articleViewsDaily.day);
}

/** Live articles with the most views since `fromDay`, most first. */
export async function listMostRead(fromDay: string, limit: number) {
  const views = sql<number>`sum(${articleViewsDaily.views})`.mapWith(Number);
  return await getDb()
      .select({ id: publications.articleId, title: publications.title, slug: publications.slug, views, total: articles.viewCount })
      .from(articleViewsDaily)
      .innerJoin(publications, eq(publications.articleId, articleViewsDaily.articleId))
      .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
      .where(gte(articleViewsDaily.day, fromDay))
      .groupBy(publications.articleId, articles.id)
      .orderBy(desc(views), desc(publications.publishedAt))
      .limit(limit);
}

/** Ids of an article's drafters (for the newsroom's read check). */
export async function listArticleDrafterIds(articleId: number): Promise<number[]> {
  return (await getDb()
      .select({ id: articleDrafters.userId })
      .from(articleDrafters)
      .where(eq(articleDrafters.articleId, articleId)))
    .map((r) => r.id);
}
