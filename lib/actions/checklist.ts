"use server";

import { z } from "zod";
import { findLiveSlugs } from "@/lib/articles/checklist-server";
import { defineAction } from "./define";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);

// Which article slugs a body links to are live (public facts), for the editor's checklist. Staff only.
export const findLiveSlugsAction = defineAction(
  {
    capability: "newsroom.enter",
    schema: z.object({ slugs: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(slug).max(100)) }),
  },
  async (input) => ({ message: "", data: { live: await findLiveSlugs(input.slugs) } }),
);
