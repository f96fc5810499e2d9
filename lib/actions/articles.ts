"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createDraft, restoreRevision, saveWorkingCopy } from "@/lib/articles/editing";
import { deleteArticle, restoreArticle } from "@/lib/articles/trash";
import { restoreRevisionSchema, saveArticleSchema } from "@/lib/validation/article";
import { defineAction } from "./define";

const jsonPayload = <S extends z.ZodType>(schema: S) =>
  z.object({
    payload: z
      .string()
      .max(3_000_000, "The article is too large to save.")
      .transform((raw, ctx) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "The editor sent something unreadable." });
          return z.NEVER;
        }
      })
      .pipe(schema),
  });

export const createArticleAction = defineAction(
  { capability: "article.create", schema: z.object({ title: z.string().max(200).optional() }) },
  async (input, { user }) => {
    const id = await createDraft(user, input.title ?? "");
    redirect(`/newsroom/articles/${id}`);
  },
);

/** The editor's save (autosave and explicit): JSON in one form field, version-checked. */
export const saveArticleAction = defineAction(
  { capability: "article.edit_own_draft", schema: jsonPayload(saveArticleSchema) },
  async ({ payload }, { user }) => {
    const saved = await saveWorkingCopy(user, payload);
    return { message: "Saved", data: saved };
  },
);

export const restoreRevisionAction = defineAction(
  { capability: "article.edit_own_draft", schema: restoreRevisionSchema },
  async (input, { user }) => {
    await restoreRevision(user, input);
    redirect(`/newsroom/articles/${input.articleId}?restored=1`);
  },
);

const articleIdSchema = z.object({ articleId: z.coerce.number().int().positive("Choose an article.") });

/**
 * Moves an article to the trash. The gate is the least capability that deletes anything (a
 * drafter's own draft); which article this person may delete is decided in lib/articles/trash.
 */
export const deleteArticleAction = defineAction(
  { capability: "article.delete_own_draft", schema: articleIdSchema },
  async (input, { user }) => {
    await deleteArticle(user, input.articleId);
    redirect(`/newsroom/articles?deleted=${input.articleId}`);
  },
);

/** Takes an article out of the trash (admins). */
export const restoreArticleAction = defineAction(
  { capability: "article.restore", schema: articleIdSchema },
  async (input, { user }) => {
    await restoreArticle(user, input.articleId);
    redirect(`/newsroom/articles/trash?restored=${input.articleId}`);
  },
);
