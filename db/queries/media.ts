import "server-only";
import { and, eq, exists } from "drizzle-orm";
import { getDb } from "../client";
import { media, publicationMedia } from "../schema";

/** A photo by file key, only when a live article shows it; null otherwise. */
export function getPublicMediaByKey(fileKey: string) {
  const db = getDb();
  return (
    db
      .select({ id: media.id, fileKey: media.fileKey })
      .from(media)
      .where(
        and(
          eq(media.fileKey, fileKey),
          exists(db.select({ one: publicationMedia.mediaId }).from(publicationMedia).where(eq(publicationMedia.mediaId, media.id))),
        ),
      )
      .get() ?? null
  );
}
