"use server";

import { z } from "zod";
import { focalPointSchema, setFocalPoint } from "@/lib/media/describe";
import { expireTags } from "@/lib/revalidate";
import { listLibraryFor } from "@/lib/newsroom/reads";
import { defineAction } from "./define";

/** The media library for the editor's picker: newest first, filtered by words. */
export const listLibraryAction = defineAction(
  { capability: "media.upload", schema: z.object({ query: z.string().max(200).default("") }) },
  async ({ query }, { user }) => {
    const photos = (await listLibraryFor(user, query)).map(({ createdAt: _created, ...photo }) => photo);
    return { message: `${photos.length} photographs`, data: { photos } };
  },
);

/** Moves a photo's focal point: every crop of it (cards, lead, thumbnails) centres there. */
export const setFocalPointAction = defineAction({ capability: "media.upload", schema: focalPointSchema }, async (input, { user }) => {
  // Live pages showing the photo are expired once the change has committed.
  expireTags(await setFocalPoint(user, input));
  return { message: "Focal point saved." };
});
