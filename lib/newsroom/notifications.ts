import "server-only";
import { immediate } from "@/db/client";
import { markNotificationsRead } from "@/db/queries/workflow";
import type { CurrentUser } from "@/lib/permissions";

/** Marks every notification of this person read ("Mark all read"; the seed for its old history). */
export function markAllNotificationsRead(user: Pick<CurrentUser, "id">, at = new Date()): void {
  immediate((db) => markNotificationsRead(db, user.id, at));
}
