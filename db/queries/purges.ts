import "server-only";
import { asc, eq, lte } from "drizzle-orm";
import type { Db } from "../client";
import { cachePurges, media, publicationMedia, publications, publicationTopics, slugRedirects, topics } from "../schema";

export interface PendingPurge {
  id: number;
  tags: string[];
  attempts: number;
}

/** Records tags for the cache tier. Call inside the transaction of the change they belong to. */
export function enqueuePurge(db: Db, tags: readonly string[], at: Date): void {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  db.insert(cachePurges).values({ tags: unique.join(" "), createdAt: at, nextAttemptAt: at }).run();
}

/** Purges whose next attempt is due, oldest first. */
export function listDuePurges(db: Db, now: Date, limit = 50): PendingPurge[] {
  return db
    .select({ id: cachePurges.id, tags: cachePurges.tags, attempts: cachePurges.attempts })
    .from(cachePurges)
    .where(lte(cachePurges.nextAttemptAt, now))
    .orderBy(asc(cachePurges.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, tags: r.tags.split(" ").filter(Boolean) }));
}

/** Forgets a purge the cache tier confirmed. */
export function deletePurge(db: Db, id: number): void {
  db.delete(cachePurges).where(eq(cachePurges.id, id)).run();
}

/** Puts a failed purge off until `nextAttemptAt`. */
export function deferPurge(db: Db, id: number, attempts: number, nextAttemptAt: Date, error: string): void {
  db.update(cachePurges).set({ attempts, nextAttemptAt, lastError: error.slice(0, 500) }).where(eq(cachePurges.id, id)).run();
}

/** File keys of the photos an article's live version shows. */
export function listLiveMediaKeys(db: Db, articleId: number): string[] {
  return db
    .select({ key: media.fileKey })
    .from(publicationMedia)
    .innerJoin(media, eq(media.id, publicationMedia.mediaId))
    .where(eq(publicationMedia.articleId, articleId))
    .all()
    .map((r) => r.key);
}

/** Former slugs of an article, which redirect to it while it is live. */
export function listFormerSlugs(db: Db, articleId: number): string[] {
  return db.select({ slug: slugRedirects.slug }).from(slugRedirects).where(eq(slugRedirects.articleId, articleId)).all().map((r) => r.slug);
}

/** The live articles that show a photo (lead or body): their slugs, former slugs and topics. */
export function listLiveArticlesShowing(db: Db, mediaId: number): { slugs: string[]; topicSlugs: string[] }[] {
  const rows = db
    .select({ articleId: publications.articleId, slug: publications.slug })
    .from(publicationMedia)
    .innerJoin(publications, eq(publications.articleId, publicationMedia.articleId))
    .where(eq(publicationMedia.mediaId, mediaId))
    .all();
  return rows.map((r) => ({
    slugs: [r.slug, ...listFormerSlugs(db, r.articleId)],
    topicSlugs: db
      .select({ slug: topics.slug })
      .from(publicationTopics)
      .innerJoin(topics, eq(topics.id, publicationTopics.topicId))
      .where(eq(publicationTopics.articleId, r.articleId))
      .all()
      .map((t) => t.slug),
  }));
}
