"use server";

import { z } from "zod";
import { DEFAULT_REVIEW_LINK_DAYS, REVIEW_LINK_DAYS, createReviewLink, listReviewLinks, revokeReviewLink } from "@/lib/review-links/manage";
import { addOutsideComment, OUTSIDE_COMMENT_MAX, OUTSIDE_NAME_MAX, OUTSIDE_QUOTE_MAX } from "@/lib/review-links/open";
import { defineAction, definePublicAction } from "./define";

const id = z.coerce.number().int().positive();

// The wrapper admits whoever may make links at all; lib/review-links checks this article.
export const createReviewLinkAction = defineAction(
  {
    capability: "review_link.manage",
    schema: z.object({
      articleId: id,
      days: z.coerce
        .number()
        .int()
        .refine((d) => (REVIEW_LINK_DAYS as readonly number[]).includes(d), "Choose 1, 3, 7 or 14 days.")
        .default(DEFAULT_REVIEW_LINK_DAYS),
      mode: z.enum(["version", "latest"]),
      label: z.string().max(120, "Keep it under 120 characters.").default(""),
    }),
  },
  async (input, { user }) => {
    const { url } = await createReviewLink(user, input);
    return { message: "Link made. Copy it now: it is shown only once.", data: { url, links: await listReviewLinks(user, input.articleId) } };
  },
);

export const revokeReviewLinkAction = defineAction({ capability: "review_link.manage", schema: z.object({ articleId: id, linkId: id }) }, async (input, { user }) => {
  await revokeReviewLink(user, input);
  return { message: "Link revoked: it no longer opens.", data: { links: await listReviewLinks(user, input.articleId) } };
});

// Public: the token in the form is the proof; lib/review-links checks it (and the rate limit) in the transaction.
export const addOutsideCommentAction = definePublicAction(
  {
    schema: z.object({
      token: z.string().max(64),
      name: z.string().trim().min(1, "Give your name.").max(OUTSIDE_NAME_MAX, `At most ${OUTSIDE_NAME_MAX} characters.`),
      body: z.string().trim().min(1, "Write a comment.").max(OUTSIDE_COMMENT_MAX, `At most ${OUTSIDE_COMMENT_MAX} characters.`),
      quote: z.string().max(OUTSIDE_QUOTE_MAX, `At most ${OUTSIDE_QUOTE_MAX} characters.`).optional(),
    }),
  },
  async (input) => {
    await addOutsideComment(input.token, input);
    return { message: "Thank you: your comment was sent to the newsroom." };
  },
);
