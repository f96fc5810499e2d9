import "server-only";
import { and, desc, eq, count, or } from "drizzle-orm";
import { likeText, likePattern } from "../sql";
import { getDb } from "../client";
import { media, users } from "../tables";

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
      return or(likeText(media.caption, p), likeText(media.alt, p), likeText(media.credit, p), likeText(media.fileKey, p), likeText(users.name, p));
    }),
  );
  const total = (await db.select({ n: count() }).from(media).leftJoin(users, eq(users.id, media.uploadedBy)).where(where))[0]?.n ?? 0;
  const photos = await db
      .select({ id: media.id, fileKey: media.fileKey, width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit, createdAt: media.createdAt, uploader: users.name })
      .from(media)
      .leftJoin(users, eq(users.id, media.uploadedBy))
      .where(where)
      .orderBy(desc(media.id))
      .limit(perPage)
      .offset((page - 1) * perPage);
  return { photos, total };
}
