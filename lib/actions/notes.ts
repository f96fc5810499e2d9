"use server";

import { z } from "zod";
import { NOTE_KINDS } from "@/db/schema";
import { addNote, NOTE_REASON_MAX, NOTE_TEXT_MAX, withdrawNote } from "@/lib/articles/notes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { expireTags } from "@/lib/revalidate";
import { zonedLocalToDate } from "@/lib/time";
import { defineAction } from "./define";

/*
 * Corrections and clarifications. The wrapper admits staff; lib/articles/notes.ts refuses
 * everyone without "article.correct" (drafters) with a clear message and records the refusal in
 * the audit log, so a forged call is refused the same way as a click.
 */

const id = z.coerce.number().int().positive();

export const addNoteAction = defineAction(
  {
    capability: "newsroom.enter",
    schema: z.object({
      articleId: id,
      kind: z.enum(NOTE_KINDS, { message: "Choose Correction or Clarification." }),
      // Longer than the limit on purpose: white space is folded before the limit is checked.
      text: z.string().max(NOTE_TEXT_MAX * 2, `At most ${NOTE_TEXT_MAX} characters.`),
      notedAt: z.string().max(40).optional(),
      expectLiveAtOnce: z.enum(["1", "0"]).optional(),
    }),
  },
  async (input, { user }) => {
    let notedAt: Date | undefined;
    if (input.notedAt) {
      notedAt = zonedLocalToDate(input.notedAt, env().MASTHEAD_TIME_ZONE) ?? undefined;
      if (!notedAt) throw new AppError("invalid", "Enter the date and time of the correction.", { notedAt: ["Enter a date and time."] });
    }
    const expect = input.expectLiveAtOnce === undefined ? undefined : input.expectLiveAtOnce === "1";
    const result = await addNote(user, { articleId: input.articleId, kind: input.kind, text: input.text, notedAt, expectLiveAtOnce: expect });
    expireTags(result.tags);
    const what = input.kind === "correction" ? "Correction" : "Clarification";
    return { message: result.live ? `${what} added: it is on the public page now.` : `${what} added: it goes live with the next approval.`, data: { live: result.live } };
  },
);

export const withdrawNoteAction = defineAction(
  {
    capability: "newsroom.enter",
    schema: z.object({ articleId: id, noteId: id, reason: z.string().max(NOTE_REASON_MAX * 2, `At most ${NOTE_REASON_MAX} characters.`) }),
  },
  async (input, { user }) => {
    const result = await withdrawNote(user, input);
    expireTags(result.tags);
    return { message: result.tags.length ? "Withdrawn: readers no longer see it; the newsroom keeps it on the record." : "Withdrawn; it stays on the record." };
  },
);
