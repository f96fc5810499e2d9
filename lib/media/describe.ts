import "server-only";
import { z } from "zod";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { updateFocalPoint } from "@/db/queries/media";
import { listLiveArticlesShowing } from "@/db/queries/purges";
import { tagsForArticleChange } from "@/lib/cache-tags";
import { recordPurge } from "@/lib/cache-tier/purge";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";

/*
 * A fact about a photograph itself, kept in the media library: its focal point (where every crop
 * of it centres, in every article that shows it). Anyone who may place photos may set it; each
 * change is audited with the photo's id. Its words (alt text, caption, credit) are not set here:
 * each article places a photo with words of its own, reviewed with the article.
 */

const percent = z.coerce.number().int("must be a whole number").min(0, "must be 0 to 100").max(100, "must be 0 to 100");

export const focalPointSchema = z.object({ mediaId: z.coerce.number().int().positive(), focalX: percent, focalY: percent });

/**
 * Sets where crops of a photo centre, in percent from the left and the top. Live pages showing
 * the photo change with it, so their cache tags are returned for the caller to expire after the
 * commit, and written to the cache tier's purge outbox in the same transaction.
 */
export async function setFocalPoint(user: CurrentUser, input: z.output<typeof focalPointSchema>, at = new Date()): Promise<string[]> {
  if (!can(user, "media.upload")) throw new AppError("forbidden", "You do not have permission to change photographs.");
  return await immediate(async (db) => {
    if (!await updateFocalPoint(db, input.mediaId, input.focalX, input.focalY)) throw new AppError("not_found", "That photograph is no longer in the media library.");
    await writeAudit(db, { actorId: user.id, action: "media.focal_point", details: { mediaId: input.mediaId, focalX: input.focalX, focalY: input.focalY }, at });
    const live = await listLiveArticlesShowing(db, input.mediaId);
    const tags = live.length === 0 ? [] : [...new Set(live.flatMap((a) => tagsForArticleChange(a)))];
    await recordPurge(db, tags, at);
    return tags;
  });
}
