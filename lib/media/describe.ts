import "server-only";
import { z } from "zod";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { updateDescription, updateFocalPoint } from "@/db/queries/media";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { mediaMetaSchema } from "@/lib/validation/article";

/*
 * Facts about a photograph itself, kept in the media library: its focal point (where every crop
 * of it centres) and the description a lead photo shows. Anyone who may place photos may set
 * them; each change is audited with the photo's id.
 */

const percent = z.coerce.number().int("must be a whole number").min(0, "must be 0 to 100").max(100, "must be 0 to 100");

export const focalPointSchema = z.object({ mediaId: z.coerce.number().int().positive(), focalX: percent, focalY: percent });
export const describePhotoSchema = mediaMetaSchema.extend({ mediaId: z.coerce.number().int().positive() });

function demandPhotos(user: CurrentUser) {
  if (!can(user, "media.upload")) throw new AppError("forbidden", "You do not have permission to change photographs.");
}

/** Sets where crops of a photo centre, in percent from the left and the top. */
export function setFocalPoint(user: CurrentUser, input: z.output<typeof focalPointSchema>): void {
  demandPhotos(user);
  immediate((db) => {
    if (!updateFocalPoint(db, input.mediaId, input.focalX, input.focalY)) throw new AppError("not_found", "That photograph is no longer in the media library.");
    writeAudit(db, { actorId: user.id, action: "media.focal_point", details: { mediaId: input.mediaId, focalX: input.focalX, focalY: input.focalY } });
  });
}

/** Rewrites a photo's alt text, caption and credit in the library. */
export function describePhoto(user: CurrentUser, input: z.output<typeof describePhotoSchema>): void {
  demandPhotos(user);
  immediate((db) => {
    const { mediaId, ...fields } = input;
    if (!updateDescription(db, mediaId, fields)) throw new AppError("not_found", "That photograph is no longer in the media library.");
    writeAudit(db, { actorId: user.id, action: "media.describe", details: { mediaId } });
  });
}
