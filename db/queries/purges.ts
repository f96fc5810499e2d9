import "server-only";
import { asc, eq, lte } from "drizzle-orm";
import type { Db } from "../client";
import { cachePurges, media, publicationMedia, publications, publicationTopics, slugRedirects, topics } from "../tables";

export interface PendingPurge {
  id: number;
  tags: string[];
  attempts: number;
}

/** Records tags for the cache tier. Call inside the transaction of the change they belong to. */
export async function enqueuePurge(db: Db, tags: readonly string[], at: Date): Promise<void> {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  await db.insert(cachePurges).values({ tags: unique.join(" "), createdAt: at, nextAttemptAt: at });
}

/** Purges whose next attempt is due, oldest first. */
export async function listDuePurges(db: Db, now: Date, limit = 50): Promise<PendingPurge[]> {
  return (await db
      .select({ id: cachePurges.id, tags: cachePurges.tags, attempts: cachePurges.attempts })
      .from(cachePurges)
      .where(lte(cachePurges.nextAttemptAt, now))
      .orderBy(asc(cachePurges.id))
      .limit(limit))
    .map((r) => ({ ...r, tags: r.tags.split(" ").filter(Boolean) }));
}

/** Forgets a purge the cache tier confirmed. */
export async function deletePurge(db: Db, id: number): Promise<void> {
  await db.delete(cachePurges).where(eq(cachePurges.id, id));
}

/** Puts a failed purge off until `nextAttemptAt`. */
export async function deferPurge(db: Db, id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db.update(cachePurges).set({ attempts, nextAttemptAt, lastError: error.slice(0, 500) }).where(eq(cachePurges.id, id));
}

/** File keys of the photos an article's live version shows. */
export async function listLiveMediaKeys(db: Db, articleId: number): Promise<string[]> {
  return (await db
      .select({ key: media.fileKey })
      .from(publicationMedia)
      .innerJoin(media, eq(media.id, publicationMedia.mediaId))
      .where(eq(publicationMedia.articleId, articleId)))
    .map((r) => r.key);
}

/** Former slugs of an article, which redirect to it while it is live. */
export async function listFormerSlugs(db: Db, articleId: number): Promise<string[]> {
  return (await db.select({ slug: slugRedirects.slug }).from(slugRedirects).where(eq(slugRedirects.articleId, articleId))).map((r) => r.slug);
}

/** The live articles that show a photo (lead or body): their slugs, former slugs and topics. */
export async function listLiveArticlesShowing(db: Db, mediaId: number): Promise<{ slugs: string[]; topicSlugs: string[] }[]> {
  const rows = await db
      .select({ articleId: publications.articleId, slug: publications.slug })
      .from(publicationMedia)
      .innerJoin(publications, eq(publications.articleId, publicationMedia.articleId))
      .where(eq(publicationMedia.mediaId, mediaId));
  const shown: { slugs: string[]; topicSlugs: string[] }[] = [];
  for (const r of rows) {
    const former = await listFormerSlugs(db, r.articleId);
    const topicRows = await db
          .select({ slug: topics.slug })
          .from(publicationTopics)
          .innerJoin(topics, eq(topics.id, publicationTopics.topicId))
          .where(eq(publicationTopics.articleId, r.articleId));
    shown.push({ slugs: [r.slug, ...former], topicSlugs: topicRows.map((t) => t.slug) });
  }
  return shown;
}
