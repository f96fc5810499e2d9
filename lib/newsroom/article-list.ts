import "server-only";
import { ARTICLE_SORTS, listArticlePage, listTrashPage, type ArticleListFilter, type ArticleSort } from "@/db/queries/article-list";
import { listTopics } from "@/db/queries/public";
import { listStaff } from "@/db/queries/users";
import { ARTICLE_STATUSES, type ArticleStatus } from "@/db/schema";
import { immediate } from "@/db/client";
import { getWorkingCopy } from "@/db/queries/articles";
import { AppError } from "@/lib/errors";
import { canRead } from "@/lib/workflow";
import { can, type CurrentUser } from "@/lib/permissions";
import { articleScope } from "./dashboard";

/*
 * The article list's URL is its state: `?q=&status=&topic=&person=&sort=&dir=&page=`. Each value
 * is checked against what it may be and silently dropped if it is anything else, so a hand-edited
 * or stale link shows the unfiltered list rather than an error.
 */

export type { ArticleListRow, ArticleSort } from "@/db/queries/article-list";

export const ARTICLES_PER_PAGE = 20;
export const TRASH_PER_PAGE = 20;

export type RawParams = Record<string, string | string[] | undefined>;

export interface ArticleListParams {
  q: string;
  status: ArticleStatus | null;
  topic: string | null;
  person: number | null;
  sort: ArticleSort;
  dir: "asc" | "desc";
  page: number;
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const STATUSES: ReadonlySet<string> = new Set(ARTICLE_STATUSES);
const SORTS: ReadonlySet<string> = new Set(ARTICLE_SORTS);

/** A page number from the URL: a positive integer, else 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const text = first(raw);
  return /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1;
}

/** The list's state from its URL, with anything invalid dropped. */
export function parseArticleListParams(raw: RawParams): ArticleListParams {
  const status = first(raw.status);
  const sort = first(raw.sort);
  const dir = first(raw.dir);
  const topic = first(raw.topic);
  const person = first(raw.person);
  const chosenSort = (SORTS.has(sort) ? sort : "updated") as ArticleSort;
  return {
    q: first(raw.q).slice(0, 100),
    status: STATUSES.has(status) ? (status as ArticleStatus) : null,
    topic: /^[a-z0-9-]{1,80}$/.test(topic) ? topic : null,
    person: /^\d{1,9}$/.test(person) ? Number(person) : null,
    sort: chosenSort,
    // Titles read A→Z by default; dates newest first.
    dir: dir === "asc" || dir === "desc" ? dir : chosenSort === "title" || chosenSort === "status" ? "asc" : "desc",
    page: parsePage(raw.page),
  };
}

/** The query string of a list state, leaving out defaults; `change` overrides some values. */
export function articleListHref(params: ArticleListParams, change: Partial<ArticleListParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.status) query.set("status", next.status);
  if (next.topic) query.set("topic", next.topic);
  if (next.person) query.set("person", String(next.person));
  if (next.sort !== "updated" || next.dir !== "desc") {
    query.set("sort", next.sort);
    query.set("dir", next.dir);
  }
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return `/newsroom/articles${text ? `?${text}` : ""}`;
}

/** Whether any filter or search narrows the list. */
export function isFiltered(params: ArticleListParams): boolean {
  return Boolean(params.q || params.status || params.topic || params.person);
}

function demandNewsroom(user: CurrentUser) {
  if (!can(user, "newsroom.enter")) throw new AppError("forbidden", "You do not have access to this.");
}

/**
 * One page of the articles this person may see, the choices for the filters, and the page count.
 * Drafters see only their own pieces, so they get no person filter.
 */
export async function getArticleList(user: CurrentUser, params: ArticleListParams) {
  demandNewsroom(user);
  const topics = (await listTopics()).map((t) => ({ slug: t.slug, name: t.name, id: t.id }));
  const people = can(user, "article.read_all") ? (await listStaff()).map((s) => ({ id: s.id, name: s.name })) : [];
  const topicId = params.topic ? topics.find((t) => t.slug === params.topic)?.id : undefined;
  const personId = params.person && people.some((p) => p.id === params.person) ? params.person : undefined;
  // A topic or person that does not exist is ignored like any other invalid value.
  const effective: ArticleListParams = { ...params, topic: topicId ? params.topic : null, person: personId ?? null };
  const filter: ArticleListFilter = {
    scope: articleScope(user),
    q: params.q,
    status: params.status ?? undefined,
    topicId,
    personId,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    perPage: ARTICLES_PER_PAGE,
  };
  let result = await listArticlePage(filter);
  const pages = Math.max(1, Math.ceil(result.total / ARTICLES_PER_PAGE));
  if (params.page > pages) {
    // A page past the end (rows were deleted, or a hand-typed number) shows the last one.
    effective.page = pages;
    result = await listArticlePage({ ...filter, page: pages });
  }
  return { ...result, pages, params: effective, topics, people };
}

/** One page of the trash this person may see (their own deletions' scope), and whether they may restore. */
export async function getTrash(user: CurrentUser, page: number) {
  demandNewsroom(user);
  let result = await listTrashPage(articleScope(user), page, TRASH_PER_PAGE);
  const pages = Math.max(1, Math.ceil(result.total / TRASH_PER_PAGE));
  if (page > pages) result = await listTrashPage(articleScope(user), pages, TRASH_PER_PAGE);
  return { ...result, page: Math.min(page, pages), pages, mayRestore: can(user, "article.restore") };
}

/** The title of an article this person may read that is out of the trash, for the "restored" notice. */
export async function getRestoredTitle(user: CurrentUser, articleId: number): Promise<string | null> {
  demandNewsroom(user);
  const article = await immediate(async (db) => await getWorkingCopy(db, articleId));
  return article && canRead(user, article) ? article.title : null;
}
