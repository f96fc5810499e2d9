"use server";

import { changeSlug } from "@/lib/articles/editing";
import { changeSlugSchema } from "@/lib/validation/article";
import { defineAction } from "./define";

// Revisers editing under review hold edit_own_draft too; changeSlug checks this exact article.
export const changeSlugAction = defineAction({ capability: "article.edit_own_draft", schema: changeSlugSchema }, async (input, { user }) => {
  const slug = await changeSlug(user, input);
  return { message: `The URL is now /news/${slug}.`, data: { slug } };
});
