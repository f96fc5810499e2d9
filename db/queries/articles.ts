import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Db, returned } from "../client";
import type { ArticleStatus } from "../schema";
import { articleDrafters, articles, articleTopics, media, publications, revisions, slugRedirects, topics, users } from "../tables";

/*
 * The newsroom's article data: working copies, their revisions and topics. No authorization
 * here; lib/articles decides who may call what and passes the transaction in.
 */

export interface WorkingCopy {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  body: unknown;
  leadMediaId: number | null;
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
  status: ArticleStatus;
  version: number;
  scheduledFor: Date | null;
  expiresAt: Date | null;
  expiredAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date;
  viewCount: number;
  drafterIds: number[];
  topicIds: number[];
  isLive: boolean;
}

/** An article's working copy with its drafters and topics; null if absent or deleted. */
export async function getWorkingCopy(db: Db, id: number): Promise<WorkingCopy | null> {
  const row = (await db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        standfirst: articles.standfirst,
        body: articles.body,
        leadMediaId: articles.leadMediaId,
        leadAlt: articles.leadAlt,
        leadCaption: articles.leadCaption,
        leadCredit: articles.leadCredit,
        status: articles.status,
        version: articles.version,
        scheduledFor: articles.scheduledFor,
        expiresAt: articles.expiresAt,
        expiredAt: articles.expiredAt,
        submittedAt: articles.submittedAt,
        updatedAt: articles.updatedAt,
        viewCount: articles.viewCount,
        isLive: sql<number>`exists (select 1 from publications p where p.article_id = ${articles.id})`,
      })
      .from(articles)
      .where(and(eq(articles.id, id), sql`${articles.deletedAt} is null`)))[0];
  if (!row) return null;
  const drafterIds = (await db
      .select({ id: articleDrafters.userId })
      .from(articleDrafters)
      .where(eq(articleDrafters.articleId, id))
      .orderBy(asc(articleDrafters.position)))
    .map((r) => r.id);
  return { ...row, isLive: Boolean(row.isLive), drafterIds, topicIds: await listArticleTopicIds(db, id) };
}

/** Topic ids of a working copy, in order. */
export async function listArticleTopicIds(db: Db, articleId: number): Promise<number[]> {
  return (await db
      .select({ id: articleTopics.topicId })
      .from(articleTopics)
      .where(eq(articleTopics.articleId, articleId))
      .orderBy(asc(articleTopics.position)))
    .map((r) => r.id);
}

/** True when a slug is used by any article or kept as a redirect. */
export async function isSlugTaken(db: Db, slug: string, exceptArticleId = 0): Promise<boolean> {
  const inArticles = (await db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), sql`${articles.id} <> ${exceptArticleId}`)))[0];
  const inRedirects = (await db.select({ slug: slugRedirects.slug }).from(slugRedirects).where(eq(slugRedirects.slug, slug)))[0];
  return Boolean(inArticles || inRedirects);
}

/** Inserts a new draft with its first drafter; returns its id. */
export async function insertDraft(db: Db, input: { slug: string; title: string; body: unknown; drafterId: number; at: Date }): Promise<number> {
  const id = returned(await db
        .insert(articles)
        .values({ slug: input.slug, title: input.title, body: input.body, status: "draft", createdBy: input.drafterId, createdAt: input.at, updatedAt: input.at })
        .returning({ id: articles.id })).id;
  await db.insert(articleDrafters).values({ articleId: id, userId: input.drafterId, position: 0 });
  return id;
}

/** The lead photo's words for one version (null: the library's description). */
export interface LeadWords {
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
}

export interface ContentFields extends LeadWords {
  title: string;
  standfirst: string;
  body: unknown;
  leadMediaId: number | null;
  slug: string;
}

/**
 * Writes the working copy only if it is still at `baseVersion`; returns false on a conflict
 * (someone saved in between), in which case nothing was written.
 */
export async function updateWorkingCopy(db: Db, id: number, baseVersion: number, fields: ContentFields, at: Date): Promise<boolean> {
  return (
    (await db
            .update(articles)
            .set({ ...fields, version: sql`${articles.version} + 1`, updatedAt: at })
            .where(and(eq(articles.id, id), eq(articles.version, baseVersion)))
            .returning({ id: articles.id })).length === 1
  );
}

/** Replaces the topics of a working copy. */
export async function setArticleTopics(db: Db, articleId: number, topicIds: number[]): Promise<void> {
  await db.delete(articleTopics).where(eq(articleTopics.articleId, articleId));
  if (topicIds.length) await db.insert(articleTopics).values(topicIds.map((topicId, position) => ({ articleId, topicId, position })));
}

/** Ids among `ids` that are real topics. */
export async function existingTopicIds(db: Db, ids: number[]): Promise<number[]> {
  return ids.length ? (await db.select({ id: topics.id }).from(topics).where(inArray(topics.id, ids))).map((r) => r.id) : [];
}

/** Ids among `ids` that are stored photographs. */
export async function existingMediaIds(db: Db, ids: number[]): Promise<number[]> {
  return ids.length ? (await db.select({ id: media.id }).from(media).where(inArray(media.id, ids))).map((r) => r.id) : [];
}

export type RevisionKind = "save" | "restore" | "review_edit" | "import";

/** The newest revision of an article. */
export async function getLatestRevision(db: Db, articleId: number) {
  return (await db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(desc(revisions.id)).limit(1))[0] ?? null;
}

/** Adds a revision row. */
export async function insertRevision(
  db: Db,
  input: { articleId: number; authorId: number; version: number; kind: RevisionKind; topicIds: number[]; at: Date } & Omit<ContentFields, "slug">,
): Promise<number> {
  const { at, ...values } = input;
  return returned(await db.insert(revisions).values({ ...values, createdAt: at, savedAt: at }).returning({ id: revisions.id })).id;
}

/** Folds a save into an existing revision: same row, newer content and time. */
export async function foldIntoRevision(db: Db, revisionId: number, input: { version: number; topicIds: number[]; at: Date } & Omit<ContentFields, "slug">): Promise<void> {
  const { at, ...values } = input;
  await db.update(revisions).set({ ...values, savedAt: at }).where(eq(revisions.id, revisionId));
}

/** The revisions of an article, newest first, with their authors' names. */
export async function listRevisions(db: Db, articleId: number) {
  return await db
      .select({ id: revisions.id, version: revisions.version, kind: revisions.kind, createdAt: revisions.createdAt, savedAt: revisions.savedAt, authorId: revisions.authorId, author: users.name, title: revisions.title })
      .from(revisions)
      .innerJoin(users, eq(users.id, revisions.authorId))
      .where(eq(revisions.articleId, articleId))
      .orderBy(desc(revisions.id));
}

/** One revision of one article. */
export async function getRevision(db: Db, articleId: number, revisionId: number) {
  return (
    (await db
            .select({ revision: revisions, author: users.name })
            .from(revisions)
            .innerJoin(users, eq(users.id, revisions.authorId))
            .where(and(eq(revisions.articleId, articleId), eq(revisions.id, revisionId))))[0] ?? null
  );
}

/** The live version's content, for comparing a new working copy with what readers see. */
export async function getLiveContent(db: Db, articleId: number) {
  return (await db.select().from(publications).where(eq(publications.articleId, articleId)))[0] ?? null;
}

/** The revision that holds a given version (the newest one at or before it). */
export async function getRevisionAtVersion(db: Db, articleId: number, version: number) {
  return (
    (await db
            .select()
            .from(revisions)
            .where(and(eq(revisions.articleId, articleId), sql`${revisions.version} <= ${version}`))
            .orderBy(desc(revisions.version), desc(revisions.id))
            .limit(1))[0] ?? null
  );
}
