import "server-only";
import { and, desc, eq, exists, inArray, or } from "drizzle-orm";
import { likeText, likePattern } from "../sql";
import { getDb, type Db, returned } from "../client";
import { media, publicationMedia } from "../tables";

/** A photo by file key, only when a live article shows it; null otherwise. */
export async function getPublicMediaByKey(fileKey: string) {
  const db = getDb();
  return (
    (await db
            .select({ id: media.id, fileKey: media.fileKey })
            .from(media)
            .where(
              and(
                eq(media.fileKey, fileKey),
                exists(db.select({ one: publicationMedia.mediaId }).from(publicationMedia).where(eq(publicationMedia.mediaId, media.id))),
              ),
            ))[0] ?? null
  );
}

/** Stores a photo's row; returns its id. */
export async function insertMedia(
  db: Db,
  input: { fileKey: string; mimeType: string; width: number; height: number; bytes: number; alt: string; caption: string; credit: string; uploadedBy: number },
): Promise<number> {
  return returned(await db.insert(media).values(input).returning({ id: media.id })).id;
}

/** Any stored photo by file key (newsroom only: callers check the reader is staff). */
export async function getMediaByKey(fileKey: string) {
  return (await getDb().select({ id: media.id }).from(media).where(eq(media.fileKey, fileKey)))[0] ?? null;
}

export interface LibraryPhoto {
  id: number;
  fileKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  focalX: number;
  focalY: number;
  createdAt: Date;
}

/** The media library, newest first, optionally filtered by words in caption, alt text or credit. */
export async function listLibrary(query: string, limit = 60): Promise<LibraryPhoto[]> {
  const db = getDb();
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const filters = words.map((w) => {
    const pattern = likePattern(w);
    return or(likeText(media.caption, pattern), likeText(media.alt, pattern), likeText(media.credit, pattern));
  });
  return await db
      .select({ id: media.id, fileKey: media.fileKey, width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit, focalX: media.focalX, focalY: media.focalY, createdAt: media.createdAt })
      .from(media)
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(desc(media.id))
      .limit(limit);
}

/** Photos by id (for the editor's previews). */
export async function listMediaByIds(ids: number[]): Promise<LibraryPhoto[]> {
  if (ids.length === 0) return [];
  return await getDb()
      .select({ id: media.id, fileKey: media.fileKey, width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit, focalX: media.focalX, focalY: media.focalY, createdAt: media.createdAt })
      .from(media)
      .where(inArray(media.id, ids));
}

/** Gives photos with no alt text, caption or credit in the library the ones just written for them. */
export async function fillMissingDescriptions(db: Db, placements: { mediaId: number; alt: string; caption: string; credit: string | null }[]): Promise<void> {
  for (const p of placements) {
    if (p.alt.trim()) await db.update(media).set({ alt: p.alt.trim() }).where(and(eq(media.id, p.mediaId), eq(media.alt, "")));
    if (p.caption.trim()) await db.update(media).set({ caption: p.caption.trim() }).where(and(eq(media.id, p.mediaId), eq(media.caption, "")));
    if (p.credit?.trim()) await db.update(media).set({ credit: p.credit.trim() }).where(and(eq(media.id, p.mediaId), eq(media.credit, "")));
  }
}

/** Moves a photo's focal point; false when there is no such photo. */
export async function updateFocalPoint(db: Db, id: number, focalX: number, focalY: number): Promise<boolean> {
  return (await db.update(media).set({ focalX, focalY }).where(eq(media.id, id)).returning({ id: media.id })).length === 1;
}

/** A photo's library description (what a lead without words of its own shows); null when absent. */
export async function getMediaDescription(db: Db, id: number): Promise<{ alt: string; caption: string; credit: string } | null> {
  return (await db.select({ alt: media.alt, caption: media.caption, credit: media.credit }).from(media).where(eq(media.id, id)))[0] ?? null;
}
