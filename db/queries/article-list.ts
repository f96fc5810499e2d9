import "server-only";
import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL, count } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { joinedText, likeText, likePattern } from "../sql";
import { getDb } from "../client";
import { ARTICLE_STATUSES, type ArticleStatus } from "../schema";
import { articleDrafters, articles, articleTopics, auditLog, publications, users } from "../tables";
import { scopeFilter, type ArticleScope } from "./newsroom";

/*
 * The newsroom's article list and trash: search, filters, sort and paging all happen in SQL, so
 * a page holds only the rows it shows and the scope (who may see what) is part of the query.
 */

export const ARTICLE_SORTS = ["updated", "title", "status", "published"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export interface ArticleListFilter {
  scope: ArticleScope;
  /** Words in the title or standfirst. */
  q?: string;
  status?: ArticleStatus;
  topicId?: number;
  /** A drafter of the piece, or a reviser who approved, scheduled or sent it back. */
  personId?: number;
  sort: ArticleSort;
  dir: "asc" | "desc";
  page: number;
  perPage: number;
}

export interface ArticleListRow {
  id: number;
  title: string;
  standfirst: string;
  status: ArticleStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  drafters: string | null;
  isLive: boolean;
  /** When its expiry took it off the site (null: it did not, or it went live again since). */
  expiredAt: Date | null;
}

const REVIEW_ACTIONS = ["article.approve", "article.schedule", "article.request_changes", "article.publish_due"];

function personFilter(personId: number): SQL {
  const db = getDb();
  return or(
    exists(db.select({ one: articleDrafters.userId }).from(articleDrafters).where(and(eq(articleDrafters.articleId, articles.id), eq(articleDrafters.userId, personId)))),
    exists(db.select({ one: publications.articleId }).from(publications).where(and(eq(publications.articleId, articles.id), eq(publications.reviserId, personId)))),
    exists(db.select({ one: auditLog.id }).from(auditLog).where(and(eq(auditLog.articleId, articles.id), eq(auditLog.actorId, personId), inArray(auditLog.action, REVIEW_ACTIONS)))),
  )!;
}

function listWhere(filter: Omit<ArticleListFilter, "sort" | "dir" | "page" | "perPage">, trashed: boolean): SQL | undefined {
  const words = (filter.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return and(
    trashed ? isNotNull(articles.deletedAt) : isNull(articles.deletedAt),
    scopeFilter(filter.scope),
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.topicId
      ? exists(getDb().select({ one: articleTopics.topicId }).from(articleTopics).where(and(eq(articleTopics.articleId, articles.id), eq(articleTopics.topicId, filter.topicId))))
      : undefined,
    filter.personId ? personFilter(filter.personId) : undefined,
    ...words.map((w) => or(likeText(articles.title, likePattern(w)), likeText(articles.standfirst, likePattern(w)))),
  );
}

const statusRank = sql`case ${articles.status} ${sql.join(
  ARTICLE_STATUSES.map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} end`;

function orderBy(sort: ArticleSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  switch (sort) {
    case "title":
      return [by(sql`lower(${articles.title})`), desc(articles.id)];
    case "status":
      return [by(statusRank), desc(articles.updatedAt)];
    case "published":
      // Never-published pieces last in both directions.
      return [sql`${publications.publishedAt} is null`, by(publications.publishedAt), desc(articles.updatedAt)];
    default:
      return [by(articles.updatedAt), by(articles.id)];
  }
}

const drafterNames = sql<string | null>`(select ${joinedText(sql`u.name`, ", ", sql`u.position`)} from (select ${users.name} as name, ${articleDrafters.position} as position from ${articleDrafters} join ${users} on ${users.id} = ${articleDrafters.userId} where ${articleDrafters.articleId} = ${articles.id} order by ${articleDrafters.position}) u)`;

/** One page of the article list and how many rows match in all. */
export async function listArticlePage(filter: ArticleListFilter): Promise<{ rows: ArticleListRow[]; total: number }> {
  const db = getDb();
  const where = listWhere(filter, false);
  const total = (await db.select({ n: count() }).from(articles).where(where))[0]?.n ?? 0;
  const rows = await db
      .select({
        id: articles.id,
        title: articles.title,
        standfirst: articles.standfirst,
        status: articles.status,
        updatedAt: articles.updatedAt,
        publishedAt: publications.publishedAt,
        drafters: drafterNames,
        live: sql<number>`${publications.articleId} is not null`,
        expiredAt: articles.expiredAt,
      })
      .from(articles)
      .leftJoin(publications, eq(publications.articleId, articles.id))
      .where(where)
      .orderBy(...orderBy(filter.sort, filter.dir))
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage);
  return { rows: rows.map(({ live, ...r }) => ({ ...r, isLive: Boolean(live) })), total };
}

export interface TrashRow {
  id: number;
  title: string;
  status: ArticleStatus;
  deletedAt: Date;
  deletedBy: string | null;
  drafters: string | null;
}

/** Articles in the trash that the scope allows, most recently deleted first. */
export async function listTrashPage(scope: ArticleScope, page: number, perPage: number): Promise<{ rows: TrashRow[]; total: number }> {
  const db = getDb();
  // Empty drafts discarded by the system (no deleter) are not a person's deletion: not listed.
  const where = and(listWhere({ scope }, true), isNotNull(articles.deletedBy));
  const total = (await db.select({ n: count() }).from(articles).where(where))[0]?.n ?? 0;
  const deleter = alias(users, "deleter");
  const rows = await db
      .select({ id: articles.id, title: articles.title, status: articles.status, deletedAt: sql<Date>`${articles.deletedAt}`.mapWith(articles.deletedAt), deletedBy: deleter.name, drafters: drafterNames })
      .from(articles)
      .leftJoin(deleter, eq(deleter.id, articles.deletedBy))
      .where(where)
      .orderBy(desc(articles.deletedAt), desc(articles.id))
      .limit(perPage)
      .offset((page - 1) * perPage);
  return { rows: rows, total };
}
