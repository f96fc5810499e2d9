import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { media, users } from "../schema";
import { likePattern } from "./article-list";

/** A photo as the media library page lists it. */
export interface LibraryPagePhoto {
  id: number;
  fileKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
  uploader: string | null;
}

/**
 * One page of the media library, newest first: every word must occur in the caption, alt text,
 * credit, file name or the uploader's name. Returns the page and the number of matches.
 */
export async function listLibraryPage(query: string, page: number, perPage: number): Promise<{ photos: LibraryPagePhoto[]; total: number }> {
  const db = getDb();
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const where = and(
    ...words.map((w) => {
      const p = likePattern(w);
      return sql`(${media.caption} like ${p} escape '\\' or ${media.alt} like ${p} escape '\\' or ${media.credit} like ${p} escape '\\' or ${media.fileKey} like ${p} escape '\\' or ${users.name} like ${p} escape '\\')`;
    }),
  );
  const total = (await db.select({ n: sql<number>`count(*)` }).from(media).leftJoin(users, eq(users.id, media.uploadedBy)).where(where).get())?.n ?? 0;
  const photos = await db
    .select({ id: media.id, fileKey: media.fileKey, width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit, createdAt: media.createdAt, uploader: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(where)
    .orderBy(desc(media.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { photos, total };
}
