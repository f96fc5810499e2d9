import "server-only";
import { immediate } from "@/db/client";
import { nextDueAt } from "@/db/queries/workflow";

/** When the next scheduled article comes due, or null when none is scheduled. */
export async function getNextDueAt(): Promise<Date | null> {
  return await immediate(async (db) => await nextDueAt(db));
}
