import { getArticleAssignment, getAssignmentFormOptions } from "@/lib/assignments/assignments";
import { env } from "@/lib/env";
import { formatDue, overdueText } from "@/lib/newsroom/calendar-days";
import type { CurrentUser } from "@/lib/permissions";
import { dateToZonedLocal } from "@/lib/time";
import { EditAssignment } from "./edit-assignment";

/**
 * "Assignment" beside the editor: the brief the drafter writes to, when it is due (and how late
 * it is), and who asked for it. Revisers and admins can change it here. Renders nothing for an
 * article that was not assigned.
 */
export async function AssignmentPanel({ user, articleId }: { user: CurrentUser; articleId: number }) {
  const assignment = await getArticleAssignment(user, articleId);
  if (!assignment) return null;
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const late = assignment.submittedAt ? null : overdueText(assignment.dueAt, new Date(), timeZone);
  const options = await getAssignmentFormOptions(user);
  return (
    <section aria-labelledby="assignment-heading" className="rounded-lg border border-amber-300 bg-amber-50/60 p-4 text-sm text-slate-800">
      <h2 id="assignment-heading" className="text-base font-semibold text-slate-900">
        Assignment
      </h2>
      {assignment.workingTitle !== assignment.title && <p className="mt-1 text-xs text-slate-600">Working title: {assignment.workingTitle}</p>}
      <p className="mt-2 font-medium text-slate-900">Due {formatDue(assignment.dueAt, timeZone)}</p>
      {late && <p className="mt-1 inline-block rounded bg-accent-700 px-2 py-0.5 text-xs font-semibold text-white">{late}</p>}
      {assignment.submittedAt && <p className="mt-1 text-xs text-emerald-800">Done: sent for review.</p>}
      <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">Brief</h3>
      {assignment.brief ? <p className="mt-1 whitespace-pre-line text-slate-900">{assignment.brief}</p> : <p className="mt-1 text-slate-600">No brief was given.</p>}
      <p className="mt-3 text-xs text-slate-600">
        Assigned to {assignment.drafterName} by {assignment.createdByName ?? "a former colleague"}
      </p>
      {options && (
        <EditAssignment
          assignment={{ id: assignment.id, brief: assignment.brief, drafterId: assignment.drafterId, dueLocal: dateToZonedLocal(assignment.dueAt, timeZone) }}
          options={options}
          timeZone={timeZone}
        />
      )}
    </section>
  );
}
