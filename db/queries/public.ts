import "server-only";
import { and, asc, desc, eq, inArray, ne, notInArray, sql, count } from "drizzle-orm";
import { getDb } from "../client";
import { articleDrafters, articles, media, publications, publicationTopics, slugRedirects, topics, users } from "../tables";
import { listPublicNotes, type PublicNote } from "./notes";

/*
 * The public read path. Every query here starts from `publications`, which holds only live
 * articles, so nothing unpublished can be selected by any of them.
 */

export interface PublicPhoto {
  id: number;
  fileKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Focal point in percent (left, top): every crop of the photo centres on it. */
  focalX: number;
  focalY: number;
}

export interface PublicTopicRef {
  slug: string;
  name: string;
}

export interface PublicCard {
  articleId: number;
  slug: string;
  title: string;
  standfirst: string;
  /** ISO 8601; results are plain JSON so the cache layer can store them as they are. */
  publishedAt: string;
  lead: PublicPhoto | null;
  topic: PublicTopicRef | null;
}

export interface PublicArticle extends PublicCard {
  body: unknown;
  updatedAt: string;
  drafters: string[];
  reviser: string | null;
  topics: PublicTopicRef[];
  views: number;
  /** Live corrections and clarifications, oldest first (none in a preview of a new article). */
  notes?: PublicNote[];
}

const photoColumns = {
  id: media.id,
  fileKey: media.fileKey,
  width: media.width,
  height: media.height,
  alt: media.alt,
  caption: media.caption,
  credit: media.credit,
  focalX: media.focalX,
  focalY: media.focalY,
};

/**
 * The lead photo of a live version: its words are the ones approved with that version (the
 * library's only on rows published before the version kept its own), the rest the photo's.
 */
const leadColumns = {
  ...photoColumns,
  alt: sql<string>`coalesce(${publications.leadAlt}, ${media.alt})`,
  caption: sql<string>`coalesce(${publications.leadCaption}, ${media.caption})`,
  credit: sql<string>`coalesce(${publications.leadCredit}, ${media.credit})`,
};

// The first topic (by position) of a live article: shown as the kicker on cards.
const primaryTopicSlug = sql<string | null>`(select t.slug from publication_topics pt join topics t on t.id = pt.topic_id where pt.article_id = ${publications.articleId} order by pt.position limit 1)`;
const primaryTopicName = sql<string | null>`(select t.name from publication_topics pt join topics t on t.id = pt.topic_id where pt.article_id = ${publications.articleId} order by pt.position limit 1)`;

const cardColumns = {
  articleId: publications.articleId,
  slug: publications.slug,
  title: publications.title,
  standfirst: publications.standfirst,
  publishedAt: publications.publishedAt,
  topicSlug: primaryTopicSlug,
  topicName: primaryTopicName,
  lead: leadColumns,
};

type CardRow = {
  articleId: number;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date;
  topicSlug: string | null;
  topicName: string | null;
  lead: PublicPhoto | null;
};

function toCard(row: CardRow): PublicCard {
  return {
    articleId: row.articleId,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    publishedAt: row.publishedAt.toISOString(),
    lead: row.lead,
    topic: row.topicSlug && row.topicName ? { slug: row.topicSlug, name: row.topicName } : null,
  };
}

/** Live articles, newest first. */
export async function listPublishedCards(limit: number, offset = 0): Promise<PublicCard[]> {
  return (await getDb()
      .select(cardColumns)
      .from(publications)
      .leftJoin(media, eq(media.id, publications.leadMediaId))
      .orderBy(desc(publications.publishedAt), desc(publications.articleId))
      .limit(limit)
      .offset(offset))
    .map(toCard);
}

/** How many articles are live. */
export async function countPublished(): Promise<number> {
  return (await getDb().select({ n: count() }).from(publications))[0]?.n ?? 0;
}

/** Live articles of one topic, newest first, leaving out the articles in `excludeIds`. */
export async function listTopicCards(topicId: number, limit: number, offset = 0, excludeIds: number[] = []): Promise<PublicCard[]> {
  const inTopic = eq(publicationTopics.topicId, topicId);
  return (await getDb()
      .select(cardColumns)
      .from(publicationTopics)
      .innerJoin(publications, eq(publications.articleId, publicationTopics.articleId))
      .leftJoin(media, eq(media.id, publications.leadMediaId))
      .where(excludeIds.length > 0 ? and(inTopic, notInArray(publicationTopics.articleId, excludeIds)) : inTopic)
      .orderBy(desc(publicationTopics.publishedAt), desc(publicationTopics.articleId))
      .limit(limit)
      .offset(offset))
    .map(toCard);
}

/** How many live articles a topic has. */
export async function countTopicPublished(topicId: number): Promise<number> {
  return (
    (await getDb()
            .select({ n: count() })
            .from(publicationTopics)
            .where(eq(publicationTopics.topicId, topicId)))[0]?.n ?? 0
  );
}

/** Every topic, in menu order. Topics are public even when they have no live article yet. */
export async function listTopics(): Promise<{ id: number; slug: string; name: string; description: string }[]> {
  return await getDb()
      .select({ id: topics.id, slug: topics.slug, name: topics.name, description: topics.description })
      .from(topics)
      .orderBy(asc(topics.position), asc(topics.name));
}

/** One topic by slug, or null. */
export async function getTopicBySlug(slug: string) {
  return (
    (await getDb()
            .select({ id: topics.id, slug: topics.slug, name: topics.name, description: topics.description })
            .from(topics)
            .where(eq(topics.slug, slug)))[0] ?? null
  );
}

/** A live article by its current slug, with credits and topics; null when not live. */
export async function getPublishedArticle(slug: string): Promise<PublicArticle | null> {
  const db = getDb();
  const row = (await db
      .select({
        ...cardColumns,
        body: publications.body,
        updatedAt: publications.updatedAt,
        reviser: users.name,
        views: articles.viewCount,
      })
      .from(publications)
      .innerJoin(articles, eq(articles.id, publications.articleId))
      .leftJoin(media, eq(media.id, publications.leadMediaId))
      .leftJoin(users, eq(users.id, publications.reviserId))
      .where(eq(publications.slug, slug)))[0];
  if (!row) return null;
  const drafters = (await db
      .select({ name: users.name })
      .from(articleDrafters)
      .innerJoin(users, eq(users.id, articleDrafters.userId))
      .where(eq(articleDrafters.articleId, row.articleId))
      .orderBy(asc(articleDrafters.position)))
    .map((d) => d.name);
  const topicRefs = await db
      .select({ slug: topics.slug, name: topics.name })
      .from(publicationTopics)
      .innerJoin(topics, eq(topics.id, publicationTopics.topicId))
      .where(eq(publicationTopics.articleId, row.articleId))
      .orderBy(asc(publicationTopics.position));
  return {
    ...toCard(row),
    body: row.body,
    updatedAt: row.updatedAt.toISOString(),
    drafters,
    reviser: row.reviser,
    topics: topicRefs,
    views: row.views,
    notes: (await listPublicNotes(db, [row.articleId])).get(row.articleId) ?? [],
  };
}

/** The current slug of a live article that once had `oldSlug`, or null. */
export async function getRedirectTarget(oldSlug: string): Promise<string | null> {
  const row = (await getDb()
      .select({ slug: publications.slug })
      .from(slugRedirects)
      .innerJoin(publications, eq(publications.articleId, slugRedirects.articleId))
      .where(eq(slugRedirects.slug, oldSlug)))[0];
  return row?.slug ?? null;
}

/** Other live articles sharing the article's first topic, newest first. */
export async function listRelatedCards(articleId: number, topicSlug: string, limit: number): Promise<PublicCard[]> {
  const topic = await getTopicBySlug(topicSlug);
  if (!topic) return [];
  return (await getDb()
      .select(cardColumns)
      .from(publicationTopics)
      .innerJoin(publications, eq(publications.articleId, publicationTopics.articleId))
      .leftJoin(media, eq(media.id, publications.leadMediaId))
      .where(and(eq(publicationTopics.topicId, topic.id), ne(publicationTopics.articleId, articleId)))
      .orderBy(desc(publicationTopics.publishedAt))
      .limit(limit))
    .map(toCard);
}

/** Photographs by id, for rendering a live body. */
export async function listPhotos(ids: number[]): Promise<PublicPhoto[]> {
  if (ids.length === 0) return [];
  return await getDb().select(photoColumns).from(media).where(inArray(media.id, ids));
}

/** Live articles by id, in no particular order (search results are ordered by their caller). */
export async function listCardsByIds(ids: number[]): Promise<PublicCard[]> {
  if (ids.length === 0) return [];
  return (await getDb()
      .select(cardColumns)
      .from(publications)
      .leftJoin(media, eq(media.id, publications.leadMediaId))
      .where(inArray(publications.articleId, ids)))
    .map(toCard);
}
