import Link from "next/link";
import { addDays, formatTimeOfDay } from "@/lib/newsroom/calendar-days";
import type { Calendar, CalendarEntry } from "@/lib/newsroom/calendar";
import { CalendarMoves, DropDay, MovableEntry } from "./calendar-moves";

/*
 * The month or week as a grid of days from the md breakpoint, and below it a list of the days
 * that have something on them (no sideways scrolling on a phone). One list of days serves both:
 * CSS lays it out. Each entry says its kind in words, links to its editor, and (for those who
 * assign) can be moved by button or by dragging.
 */

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const KIND_STYLE: Record<CalendarEntry["kind"], string> = {
  due: "border-l-amber-500 bg-amber-50",
  scheduled: "border-l-sky-600 bg-sky-50",
  published: "border-l-emerald-600 bg-emerald-50",
  expiring: "border-l-rose-600 bg-rose-50",
};

const dayLabel = (day: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));

function EntryBody({ entry, timeZone, overdue }: { entry: CalendarEntry; timeZone: string; overdue: boolean }) {
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-x-1.5 text-[11px] font-semibold tracking-wide text-slate-700 uppercase">
        <span>{entry.label}</span>
        <span className="font-normal normal-case">{formatTimeOfDay(entry.at, timeZone)}</span>
        {overdue && <span className="rounded bg-accent-700 px-1 text-white normal-case">Overdue</span>}
        {entry.done && <span className="font-normal text-emerald-800 normal-case">· submitted</span>}
      </p>
      <Link href={`/newsroom/articles/${entry.articleId}`} prefetch={false} draggable={false} className="block leading-snug font-medium break-words text-brand-900 hover:underline">
        {entry.title || "Untitled draft"}
      </Link>
      {entry.drafterName && <p className="text-[11px] text-slate-600">{entry.drafterName}</p>}
    </>
  );
}

/** The calendar's days with their entries; entries this person may move get the move controls. */
export function CalendarGrid({ calendar, now }: { calendar: Calendar; now: Date }) {
  const canMove = calendar.weeks.some((w) => w.some((d) => d.entries.some((e) => e.move)));
  const days = calendar.weeks.flat();
  const empty = days.every((d) => d.entries.length === 0);
  const tall = calendar.view === "week" ? "md:min-h-72" : "md:min-h-28";
  const grid = (
    <div>
      <div aria-hidden="true" className="hidden grid-cols-7 gap-px text-center text-xs font-semibold text-slate-600 md:grid">
        {WEEKDAYS.map((d) => (
          <div key={d} className="py-1">
            {d}
          </div>
        ))}
      </div>
      {empty && <p className="rounded-md border border-slate-300 bg-white p-4 text-sm text-slate-600 md:hidden">Nothing on the calendar {calendar.view === "week" ? "this week" : "this month"}.</p>}
      <ol className="flex flex-col gap-3 md:grid md:grid-cols-7 md:gap-px md:overflow-hidden md:rounded-lg md:border md:border-slate-300 md:bg-slate-300">
        {days.map(({ day, entries }) => {
          const outside = calendar.view === "month" && day.slice(0, 7) !== calendar.month.slice(0, 7);
          const today = day === calendar.today;
          const cell = `${entries.length === 0 && !today ? "max-md:hidden" : ""} min-w-0 rounded-lg border border-slate-300 bg-white p-2 md:rounded-none md:border-0 ${tall} ${outside ? "md:bg-slate-50" : ""}`;
          return (
            <DropDay key={day} day={day} className={cell}>
              <h3 className="mb-1 text-sm">
                <span className={`hidden md:inline-flex md:h-6 md:min-w-6 md:items-center md:justify-center md:rounded-full md:px-1 ${today ? "bg-brand-700 font-bold text-white" : outside ? "text-slate-500" : "text-slate-800"}`} aria-hidden="true">
                  {Number(day.slice(8))}
                </span>
                <span className="font-semibold text-slate-900 md:sr-only">
                  {dayLabel(day, { weekday: "long", day: "numeric", month: "long" })}
                  {today && " (today)"}
                </span>
              </h3>
              {entries.length === 0 && <p className="text-xs text-slate-600 md:hidden">Nothing on this day.</p>}
              {entries.length > 0 && (
                <ul className="space-y-1.5 text-xs">
                  {entries.map((entry) => {
                    const style = `rounded border-l-4 px-1.5 py-1 ${KIND_STYLE[entry.kind]}`;
                    const overdue = entry.kind === "due" && !entry.done && entry.at.getTime() < now.getTime();
                    const key = `${entry.kind}-${entry.articleId}`;
                    if (entry.move) {
                      return (
                        <MovableEntry key={key} target={{ ...entry.move, title: entry.title, at: entry.at.toISOString() }} previousDay={addDays(day, -1)} nextDay={addDays(day, 1)} className={style}>
                          <EntryBody entry={entry} timeZone={calendar.timeZone} overdue={overdue} />
                        </MovableEntry>
                      );
                    }
                    return (
                      <li key={key} className={style}>
                        <EntryBody entry={entry} timeZone={calendar.timeZone} overdue={overdue} />
                      </li>
                    );
                  })}
                </ul>
              )}
            </DropDay>
          );
        })}
      </ol>
    </div>
  );
  return canMove ? <CalendarMoves timeZone={calendar.timeZone}>{grid}</CalendarMoves> : grid;
}
