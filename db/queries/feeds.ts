import "server-only";
import { asc, desc, eq, inArray, sql, gte } from "drizzle-orm";
import { getDb } from "../client";
import { articleDrafters, media, publications, publicationTopics, topics, users } from "../tables";
import { listPublicNotes, type PublicNote } from "./notes";
import type { PublicPhoto } from "./public";

/* Feeds and the sitemap: like every public query, these start from `publications`. */

export interface FeedEntry {
  articleId: number;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: string;
  updatedAt: string;
  lead: (PublicPhoto & { bytes: number }) | null;
  authors: string[];
  topics: string[];
  /** Live corrections and clarifications, oldest first. */
  notes?: PublicNote[];
}

/** The latest live articles (of one topic when `topicId` is given), with authors and topics. */
export async function listFeedEntries(limit: number, topicId?: number): Promise<FeedEntry[]> {
  const db = getDb();
  const base = db
    .select({
      articleId: publications.articleId,
      slug: publications.slug,
      title: publications.title,
      standfirst: publications.standfirst,
      publishedAt: publications.publishedAt,
      updatedAt: publications.updatedAt,
      lead: {
        id: media.id,
        fileKey: media.fileKey,
        width: media.width,
        height: media.height,
        // The words approved with the live version (see leadColumns in ./public).
        alt: sql<string>`coalesce(${publications.leadAlt}, ${media.alt})`,
        caption: sql<string>`coalesce(${publications.leadCaption}, ${media.caption})`,
        credit: sql<string>`coalesce(${publications.leadCredit}, ${media.credit})`,
        focalX: media.focalX,
        focalY: media.focalY,
        bytes: media.bytes,
      },
    })
    .from(publications)
    .leftJoin(media, eq(media.id, publications.leadMediaId));
  const rows = await (
    topicId === undefined
      ? base
      : base.innerJoin(publicationTopics, eq(publicationTopics.articleId, publications.articleId)).where(eq(publicationTopics.topicId, topicId))
  )
    .orderBy(desc(publications.publishedAt), desc(publications.articleId))
    .limit(limit);
  const ids = rows.map((r) => r.articleId);
  if (ids.length === 0) return [];
  const authors = groupBy(
    await db
            .select({ articleId: articleDrafters.articleId, name: users.name })
            .from(articleDrafters)
            .innerJoin(users, eq(users.id, articleDrafters.userId))
            .where(inArray(articleDrafters.articleId, ids))
            .orderBy(asc(articleDrafters.position)),
  );
  const topicNames = groupBy(
    await db
            .select({ articleId: publicationTopics.articleId, name: topics.name })
            .from(publicationTopics)
            .innerJoin(topics, eq(topics.id, publicationTopics.topicId))
            .where(inArray(publicationTopics.articleId, ids))
            .orderBy(asc(publicationTopics.position)),
  );
  const notes = await listPublicNotes(db, ids);
  return rows.map((r) => ({
    ...r,
    notes: notes.get(r.articleId) ?? [],
    publishedAt: r.publishedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    authors: authors.get(r.articleId) ?? [],
    topics: topicNames.get(r.articleId) ?? [],
  }));
}

function groupBy(rows: { articleId: number; name: string }[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.articleId, [...(map.get(r.articleId) ?? []), r.name]);
  return map;
}

/** Every live article's URL slug and when it last changed, newest first. */
export async function listSitemapArticles(): Promise<{ slug: string; updatedAt: string }[]> {
  return (await getDb()
      .select({ slug: publications.slug, updatedAt: publications.updatedAt })
      .from(publications)
      .orderBy(desc(publications.publishedAt)))
    .map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }));
}

/** Every topic with the date its newest live article last changed (null when it has none). */
export async function listSitemapTopics(): Promise<{ slug: string; updatedAt: string | null }[]> {
  const lastChange = sql<Date | null>`(select max(p.updated_at) from publication_topics pt join publications p on p.article_id = pt.article_id where pt.topic_id = ${topics.id})`.mapWith(publications.updatedAt);
  return (await getDb()
      .select({ slug: topics.slug, updatedAt: lastChange })
      .from(topics)
      .orderBy(asc(topics.position)))
    .map((t) => ({ slug: t.slug, updatedAt: t.updatedAt === null ? null : t.updatedAt.toISOString() }));
}

/** Live articles first published since `since`, newest first, for the Google News sitemap. */
export async function listRecentPublications(since: Date): Promise<{ slug: string; title: string; publishedAt: string }[]> {
  return (await getDb()
      .select({ slug: publications.slug, title: publications.title, publishedAt: publications.publishedAt })
      .from(publications)
      .where(gte(publications.publishedAt, since))
      .orderBy(desc(publications.publishedAt))
      .limit(1000))
    .map((r) => ({ slug: r.slug, title: r.title, publishedAt: r.publishedAt.toISOString() }));
}
