import type { Metadata } from "next";
import Link from "next/link";
import { NewAssignment } from "@/components/newsroom/assignments/new-assignment";
import { CalendarGrid } from "@/components/newsroom/calendar/calendar-grid";
import { getAssignmentFormOptions } from "@/lib/assignments/assignments";
import { requirePageUser } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { addDays, dayOf, type CalendarView } from "@/lib/newsroom/calendar-days";
import { getCalendar, parseCalendarParams } from "@/lib/newsroom/calendar";

export const metadata: Metadata = { title: "Calendar" };

const title = (day: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
const href = (view: CalendarView, date: string) => `/newsroom/calendar?view=${view}&date=${date}`;
const pill = (current: boolean) => `rounded-md px-3 py-1.5 text-sm font-medium ${current ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
const navLink = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ view?: string | string[]; date?: string | string[] }> }) {
  const user = await requirePageUser();
  const now = new Date();
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const today = dayOf(now, timeZone);
  const { view, focus } = parseCalendarParams(await searchParams, today);
  const calendar = await getCalendar(user, view, focus, now);
  const options = await getAssignmentFormOptions(user);
  const unit = view === "week" ? "week" : "month";
  const heading = view === "week" ? `Week of ${title(calendar.days[0]!, { day: "numeric", month: "long", year: "numeric" })}` : title(calendar.month, { month: "long", year: "numeric" });
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Calendar</h1>
          <p className="mt-1 text-sm text-slate-600">What is due, scheduled and published, by day. Times are in {timeZone}.</p>
        </div>
        {options && <NewAssignment options={options} defaultDue={`${addDays(today, 2)}T17:00`} timeZone={timeZone} />}
      </div>
      <div className="mt-5 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{heading}</h2>
        <div className="flex flex-wrap items-center gap-3">
          <nav aria-label="Calendar view" className="flex rounded-lg border border-slate-300 bg-white p-0.5">
            <Link href={href("month", focus)} prefetch={false} aria-current={view === "month" ? "page" : undefined} className={pill(view === "month")}>
              Month
            </Link>
            <Link href={href("week", focus)} prefetch={false} aria-current={view === "week" ? "page" : undefined} className={pill(view === "week")}>
              Week
            </Link>
          </nav>
          <nav aria-label={`Other ${unit}s`} className="flex gap-2">
            <Link href={href(view, calendar.previous)} prefetch={false} className={navLink}>
              ‹ Previous {unit}
            </Link>
            <Link href={href(view, today)} prefetch={false} className={navLink}>
              Today
            </Link>
            <Link href={href(view, calendar.next)} prefetch={false} className={navLink}>
              Next {unit} ›
            </Link>
          </nav>
        </div>
      </div>
      <ul aria-label="Kinds of entry" className="mt-3 mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <li className="border-l-4 border-l-amber-500 pl-1.5">Due: an assignment’s deadline</li>
        <li className="border-l-4 border-l-sky-600 pl-1.5">Scheduled: approved, goes live then</li>
        <li className="border-l-4 border-l-emerald-600 pl-1.5">Published: first went live</li>
        <li className="border-l-4 border-l-rose-600 pl-1.5">Expires: leaves the public site then</li>
      </ul>
      {options && <p className="mb-3 text-xs text-slate-600">Move a due date or a scheduled publication with its Earlier and Later buttons, or drag it to another day. Moving a publication asks first: it is a new approval.</p>}
      <CalendarGrid calendar={calendar} now={now} />
    </>
  );
}
