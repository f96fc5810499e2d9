"use server";

import { z } from "zod";
import { listLibraryFor } from "@/lib/newsroom/reads";
import { defineAction } from "./define";

/** The media library for the editor's picker: newest first, filtered by words. */
export const listLibraryAction = defineAction(
  { capability: "media.upload", schema: z.object({ query: z.string().max(200).default("") }) },
  async ({ query }, { user }) => {
    const photos = listLibraryFor(user, query).map(({ createdAt: _created, ...photo }) => photo);
    return { message: `${photos.length} photographs`, data: { photos } };
  },
);
