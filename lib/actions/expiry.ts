"use server";

import { z } from "zod";
import { setArticleExpiry } from "@/lib/articles/expiry";
import { parseExpiryField } from "@/lib/articles/expiry-input";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/time";
import { defineAction } from "./define";

const id = z.coerce.number().int().positive();

/**
 * "Set expiry" / "Remove expiry" on a live or scheduled piece. The wrapper admits only those who
 * may unpublish; the data layer checks again with the article (state, and who may).
 */
export const setExpiryAction = defineAction(
  { capability: "article.unpublish", schema: z.object({ articleId: id, expiresAt: z.string().max(40) }) },
  async (input, { user }) => {
    const expiresAt = parseExpiryField(input.expiresAt) ?? null;
    const result = await setArticleExpiry(user, { articleId: input.articleId, expiresAt });
    const timeZone = env().MASTHEAD_TIME_ZONE;
    return {
      message: result.expiresAt ? `Expiry saved: it leaves the public site on ${formatDateTime(result.expiresAt, timeZone)} (${timeZone} time).` : "Expiry removed: it stays on the site until someone unpublishes it.",
    };
  },
);
