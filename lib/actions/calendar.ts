"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { env } from "@/lib/env";
import { formatDue, isDay } from "@/lib/newsroom/calendar-days";
import { moveScheduledToDay } from "@/lib/newsroom/calendar-moves";
import { expireTags } from "@/lib/revalidate";
import { defineAction } from "./define";

/** The calendar's move of a scheduled publication: a new approval (lib/newsroom/calendar-moves). */
export const moveScheduledAction = defineAction(
  {
    capability: "article.approve",
    schema: z.object({ articleId: z.coerce.number().int().positive(), baseVersion: z.coerce.number().int().positive(), day: z.string().refine(isDay, "Choose a day.") }),
  },
  async (input, { user }) => {
    const result = await moveScheduledToDay(user, input);
    expireTags(result.tags);
    revalidatePath("/newsroom", "layout");
    return { message: `Rescheduled: goes live ${formatDue(result.scheduledFor, env().MASTHEAD_TIME_ZONE)}.` };
  },
);
