import Link from "next/link";
import { getAssignmentsDashboard, type AssignmentRow } from "@/lib/assignments/dashboard";
import { env } from "@/lib/env";
import { formatDue, overdueText } from "@/lib/newsroom/calendar-days";
import type { CurrentUser } from "@/lib/permissions";

/**
 * The dashboard's assignments: "Overdue assignments" in red above everything else when any are
 * late (every one for revisers and admins, one's own for drafters), and "Your assignments" for
 * anyone who has open ones. Self-contained: the page renders it as one line.
 */
export async function AssignmentsDashboard({ user }: { user: CurrentUser }) {
  const now = new Date();
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const { overdue, yours } = await getAssignmentsDashboard(user, now);
  if (overdue.length === 0 && yours.length === 0) return null;
  const row = (a: AssignmentRow, late: boolean) => (
    <li key={a.id} className="py-2.5">
      <Link href={`/newsroom/articles/${a.articleId}`} prefetch={false} className="font-medium text-brand-800 hover:underline">
        {a.title || a.workingTitle}
      </Link>
      <p className="text-xs text-slate-600">
        Due {formatDue(a.dueAt, timeZone)}
        {late && <span className="font-semibold text-accent-700"> · {overdueText(a.dueAt, now, timeZone)}</span>}
        {a.drafterId !== user.id && ` · ${a.drafterName}`}
      </p>
    </li>
  );
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      {overdue.length > 0 && (
        <section aria-labelledby="overdue-assignments" className="rounded-lg border-2 border-accent-600 bg-red-50 p-5 shadow-sm">
          <h2 id="overdue-assignments" className="text-lg font-semibold text-accent-700">
            Overdue assignments <span className="ml-1 rounded-full bg-accent-700 px-2 py-0.5 text-xs text-white">{overdue.length}</span>
          </h2>
          <ul className="mt-2 divide-y divide-red-200">{overdue.map((a) => row(a, true))}</ul>
        </section>
      )}
      {yours.length > 0 && (
        <section aria-labelledby="your-assignments" className="rounded-lg border border-amber-300 bg-white p-5 shadow-sm">
          <h2 id="your-assignments" className="text-lg font-semibold text-slate-900">
            Your assignments
          </h2>
          <ul className="mt-2 divide-y divide-slate-200">{yours.map((a) => row(a, a.dueAt.getTime() < now.getTime()))}</ul>
          <Link href="/newsroom/calendar" prefetch={false} className="mt-2 inline-block text-sm text-brand-800 underline">
            See them on the calendar
          </Link>
        </section>
      )}
    </div>
  );
}
