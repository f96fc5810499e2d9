"use server";

import { z } from "zod";
import { addComment, getComments, resolveComment } from "@/lib/articles/comments";
import { STATUS_LABEL } from "@/lib/articles/status";
import { applyTransition } from "@/lib/articles/transitions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { markAllNotificationsRead } from "@/lib/newsroom/notifications";
import { parseExpiryField } from "@/lib/articles/expiry-input";
import { expireTags } from "@/lib/revalidate";
import { zonedLocalToDate } from "@/lib/time";
import { WORKFLOW_ACTIONS } from "@/lib/workflow";
import { defineAction } from "./define";

const id = z.coerce.number().int().positive();
// The transitions that can carry an expiry ("Expires" in their dialog).
const APPROVALS: ReadonlySet<string> = new Set(["approve", "schedule", "reschedule"]);

// The wrapper only admits staff; applyTransition checks the capability of the exact edge.
export const transitionAction = defineAction(
  {
    capability: "newsroom.enter",
    schema: z.object({
      articleId: id,
      action: z.enum(WORKFLOW_ACTIONS),
      baseVersion: id,
      comment: z.string().max(5000).optional(),
      scheduledFor: z.string().max(40).optional(),
      // With an approval: "" for no expiry; absent keeps what is set.
      expiresAt: z.string().max(40).optional(),
    }),
  },
  async (input, { user }) => {
    let scheduledFor: Date | undefined;
    if (input.action === "schedule" || input.action === "reschedule") {
      scheduledFor = zonedLocalToDate(input.scheduledFor ?? "", env().MASTHEAD_TIME_ZONE) ?? undefined;
      if (!scheduledFor) throw new AppError("invalid", "Enter the date and time to publish.", { scheduledFor: ["Enter a date and time."] });
    }
    const expiresAt = APPROVALS.has(input.action) ? parseExpiryField(input.expiresAt) : undefined;
    const result = await applyTransition(user, { ...input, scheduledFor, expiresAt });
    expireTags(result.tags);
    return { message: `Done: the article is now ${STATUS_LABEL[result.to].toLowerCase()}.`, data: { from: result.from, to: result.to } };
  },
);

export const addCommentAction = defineAction(
  {
    capability: "comment.create",
    schema: z.object({
      articleId: id,
      body: z.string().trim().min(1, "Write a comment.").max(5000),
      parentId: id.optional(),
      // The passage, by its text (see lib/articles/comments.ts): anchoring is not an edit.
      quote: z.string().max(1000).optional(),
      anchorPrefix: z.string().max(64).optional(),
      anchorSuffix: z.string().max(64).optional(),
    }),
  },
  async (input, { user }) => {
    const { id: commentId, comments } = await addComment(user, input);
    return { message: input.parentId ? "Reply added." : "Comment added.", data: { commentId, comments } };
  },
);

export const resolveCommentAction = defineAction(
  { capability: "comment.create", schema: z.object({ articleId: id, commentId: id, resolved: z.enum(["1", "0"]) }) },
  async (input, { user }) => {
    const comments = await resolveComment(user, { ...input, resolved: input.resolved === "1" });
    return { message: input.resolved === "1" ? "Resolved." : "Reopened.", data: { comments } };
  },
);

/** The article's comments now, so the editor shows other people's without a reload. */
export const listCommentsAction = defineAction({ capability: "newsroom.enter", schema: z.object({ articleId: id }) }, async (input, { user }) => ({
  message: "",
  data: { comments: await getComments(user, input.articleId) },
}));

export const markNotificationsReadAction = defineAction({ capability: "newsroom.enter", schema: z.object({}) }, async (_input, { user }) => {
  await markAllNotificationsRead(user);
  return { message: "All caught up." };
});
