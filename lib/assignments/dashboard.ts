import "server-only";
import { getDb } from "@/db/client";
import { listOpenAssignments, type AssignmentRow } from "@/db/queries/assignments";

export type { AssignmentRow };
import { can, type CurrentUser } from "@/lib/permissions";

/** What the dashboard shows of assignments: those late (everyone's for revisers, one's own for drafters) and one's own open ones. */
export async function getAssignmentsDashboard(user: CurrentUser, now = new Date()): Promise<{ overdue: AssignmentRow[]; yours: AssignmentRow[] }> {
  const db = getDb();
  const yours = await listOpenAssignments(db, user.id);
  const scope = can(user, "assignment.manage") ? await listOpenAssignments(db) : yours;
  return { overdue: scope.filter((a) => a.dueAt.getTime() < now.getTime()), yours };
}
