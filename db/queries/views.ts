import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, immediate, withSqlite } from "../client";
import { articleDrafters, articles, articleViewsDaily, publications } from "../schema";

/*
 * View counts: written in batches by lib/views, read by the newsroom. The public article page
 * reads the running total through db/queries/public.ts.
 */

/** True when the article is live (only live articles count views). */
export async function isLiveArticle(articleId: number): Promise<Promise<boolean>> {
  return await withSqlite((sqlite) => sqlite.prepare("SELECT 1 FROM publications WHERE article_id = ?").get(articleId) !== undefined);
}

/** Adds a batch of views to the running totals and the per-day table, in one transaction. */
export async function writeViewBatch(rows: { articleId: number; day: string; views: number }[]): Promise<void> {
  await immediate(async () => await withSqlite((sqlite) => {
  const total = sqlite.prepare("UPDATE articles SET view_count = view_count + ? WHERE id = ?");
  // An article deleted meanwhile is skipped, not an error that would keep the batch forever.
  const daily = sqlite.prepare(
    `INSERT INTO article_views_daily (article_id, day, views)
     SELECT @articleId, @day, @views WHERE EXISTS (SELECT 1 FROM articles WHERE id = @articleId)
     ON CONFLICT (article_id, day) DO UPDATE SET views = views + excluded.views`,
  );
  for (const row of rows) {
    total.run(row.views, row.articleId);
    daily.run(row);
  }
  }));
}

/** Views per UTC day of one article from `fromDay` on ("YYYY-MM-DD"); days without views are absent. */
export async function listDailyViews(articleId: number, fromDay: string): Promise<{ day: string; views: number }[]> {
  return await getDb()
    .select({ day: articleViewsDaily.day, views: articleViewsDaily.views })
    .from(articleViewsDaily)
    .where(and(eq(articleViewsDaily.articleId, articleId), gte(articleViewsDaily.day, fromDay)))
    .orderBy(articleViewsDaily.day)
    .all();
}

/** Live articles with the most views since `fromDay`, most first. */
export async function listMostRead(fromDay: string, limit: number) {
  const views = sql<number>`sum(${articleViewsDaily.views})`;
  return await getDb()
    .select({ id: publications.articleId, title: publications.title, slug: publications.slug, views, total: articles.viewCount })
    .from(articleViewsDaily)
    .innerJoin(publications, eq(publications.articleId, articleViewsDaily.articleId))
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .where(gte(articleViewsDaily.day, fromDay))
    .groupBy(publications.articleId)
    .orderBy(desc(views), desc(publications.publishedAt))
    .limit(limit)
    .all();
}

/** Ids of an article's drafters (for the newsroom's read check). */
export async function listArticleDrafterIds(articleId: number): Promise<number[]> {
  return (await getDb()
    .select({ id: articleDrafters.userId })
    .from(articleDrafters)
    .where(eq(articleDrafters.articleId, articleId))
    .all())
    .map((r) => r.id);
}
