import "server-only";
import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import type { ArticleStatus } from "../schema";
import { articleDrafters, articles, publications, users } from "../tables";

/** Whose articles a newsroom reader may see: everything, or only those they drafted. */
export type ArticleScope = { kind: "all" } | { kind: "drafter"; userId: number };

/** The SQL condition of a scope (undefined: everything). */
export function scopeFilter(scope: ArticleScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  const db = getDb();
  return exists(
    db
      .select({ one: articleDrafters.userId })
      .from(articleDrafters)
      .where(and(eq(articleDrafters.articleId, articles.id), eq(articleDrafters.userId, scope.userId))),
  );
}

export interface DashboardRow {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  updatedAt: Date;
  submittedAt: Date | null;
  drafter: string | null;
}


/** Articles in some states that the scope allows: newest change first, or longest waiting for review first. */
export async function listScopedArticles(scope: ArticleScope, statuses: ArticleStatus[], order: "newest" | "oldest", limit = 50): Promise<DashboardRow[]> {
  const db = getDb();
  return await db
      .select({ id: articles.id, title: articles.title, slug: articles.slug, status: articles.status, updatedAt: articles.updatedAt, submittedAt: articles.submittedAt, drafter: users.name })
      .from(articles)
      .leftJoin(articleDrafters, and(eq(articleDrafters.articleId, articles.id), eq(articleDrafters.position, 0)))
      .leftJoin(users, eq(users.id, articleDrafters.userId))
      .where(and(inArray(articles.status, statuses), isNull(articles.deletedAt), scopeFilter(scope)))
      .orderBy(order === "newest" ? desc(articles.updatedAt) : asc(sql`coalesce(${articles.submittedAt}, ${articles.updatedAt})`))
      .limit(limit);
}

/** The most recently published live articles (live content is not secret to staff). */
export async function listRecentlyPublished(limit = 8) {
  return await getDb()
      .select({ id: publications.articleId, title: publications.title, slug: publications.slug, publishedAt: publications.publishedAt, updatedAt: publications.updatedAt })
      .from(publications)
      .orderBy(desc(publications.updatedAt))
      .limit(limit);
}
