import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, getSqlite } from "../client";
import { articleDrafters, articles, articleViewsDaily, publications } from "../schema";

/*
 * View counts: written in batches by lib/views, read by the newsroom. The public article page
 * reads the running total through db/queries/public.ts.
 */

/** True when the article is live (only live articles count views). */
export function isLiveArticle(articleId: number): boolean {
  return (
    getSqlite().prepare("SELECT 1 FROM publications WHERE article_id = ?").get(articleId) !== undefined
  );
}

/** Adds a batch of views to the running totals and the per-day table, in one transaction. */
export function writeViewBatch(rows: { articleId: number; day: string; views: number }[]): void {
  const sqlite = getSqlite();
  const total = sqlite.prepare("UPDATE articles SET view_count = view_count + ? WHERE id = ?");
  // An article deleted meanwhile is skipped, not an error that would keep the batch forever.
  const daily = sqlite.prepare(
    `INSERT INTO article_views_daily (article_id, day, views)
     SELECT @articleId, @day, @views WHERE EXISTS (SELECT 1 FROM articles WHERE id = @articleId)
     ON CONFLICT (article_id, day) DO UPDATE SET views = views + excluded.views`,
  );
  sqlite
    .transaction(() => {
      for (const row of rows) {
        total.run(row.views, row.articleId);
        daily.run(row);
      }
    })
    .immediate();
}

/** Views per UTC day of one article from `fromDay` on ("YYYY-MM-DD"); days without views are absent. */
export function listDailyViews(articleId: number, fromDay: string): { day: string; views: number }[] {
  return getDb()
    .select({ day: articleViewsDaily.day, views: articleViewsDaily.views })
    .from(articleViewsDaily)
    .where(and(eq(articleViewsDaily.articleId, articleId), gte(articleViewsDaily.day, fromDay)))
    .orderBy(articleViewsDaily.day)
    .all();
}

/** Live articles with the most views since `fromDay`, most first. */
export function listMostRead(fromDay: string, limit: number) {
  const views = sql<number>`sum(${articleViewsDaily.views})`;
  return getDb()
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
export function listArticleDrafterIds(articleId: number): number[] {
  return getDb()
    .select({ id: articleDrafters.userId })
    .from(articleDrafters)
    .where(eq(articleDrafters.articleId, articleId))
    .all()
    .map((r) => r.id);
}
