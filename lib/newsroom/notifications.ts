import "server-only";
import { immediate } from "@/db/client";
import { markNotificationsRead } from "@/db/queries/workflow";
import type { CurrentUser } from "@/lib/permissions";

/** Marks every notification of this person read ("Mark all read"; the seed for its old history). */
export async function markAllNotificationsRead(user: Pick<CurrentUser, "id">, at = new Date()): Promise<void> {
  await immediate(async (db) => await markNotificationsRead(db, user.id, at));
}
