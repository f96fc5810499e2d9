import { dateToZonedLocal, zonedLocalToDate } from "@/lib/time";

/*
 * Calendar days as "YYYY-MM-DD" strings in the newsroom's time zone, and the ranges the calendar
 * shows (weeks start on Monday). Pure, so the boundaries are unit-tested; day arithmetic is done
 * on UTC dates, which have no DST, and only turned into instants at the edges.
 */

export type CalendarView = "month" | "week";

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** True for a real calendar day such as "2026-12-03" (not "2026-02-31"). */
export function isDay(value: string): boolean {
  return DAY_PATTERN.test(value) && fromUtc(toUtc(value)) === value;
}

/** The day an instant falls on in `timeZone`. */
export function dayOf(instant: Date, timeZone: string): string {
  return dateToZonedLocal(instant, timeZone).slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7;
}

/** The first instant of `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  return zonedLocalToDate(`${day}T00:00`, timeZone) ?? new Date(toUtc(day));
}

export interface CalendarRange {
  view: CalendarView;
  /** The day the view was asked for (kept when moving between views). */
  focus: string;
  /** Every day shown, Monday first, whole weeks. */
  days: string[];
  /** First day of the month shown (month view), to grey out the days around it. */
  month: string;
  previous: string;
  next: string;
}

/** The days a month or week view of `focus` shows, and where "Previous" and "Next" go. */
export function calendarRange(view: CalendarView, focus: string): CalendarRange {
  if (view === "week") {
    const start = addDays(focus, -weekdayIndex(focus));
    return { view, focus, days: Array.from({ length: 7 }, (_, i) => addDays(start, i)), month: `${focus.slice(0, 7)}-01`, previous: addDays(focus, -7), next: addDays(focus, 7) };
  }
  const first = `${focus.slice(0, 7)}-01`;
  const nextMonth = fromUtc(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1));
  const previousMonth = fromUtc(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 2, 1));
  const start = addDays(first, -weekdayIndex(first));
  const last = addDays(nextMonth, -1);
  const end = addDays(last, 6 - weekdayIndex(last));
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return { view, focus, days, month: first, previous: previousMonth, next: nextMonth };
}

/** The instants [from, to) a range covers in `timeZone`. */
export function rangeInstants(range: CalendarRange, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDay(range.days[0]!, timeZone), to: startOfDay(addDays(range.days[range.days.length - 1]!, 1), timeZone) };
}

function parts(instant: Date, timeZone: string) {
  const p = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return { weekday: get("weekday"), day: get("day"), month: get("month"), time: `${get("hour")}:${get("minute")}` };
}

/** "Thursday 3 December, 17:00" in `timeZone`. */
export function formatDue(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.weekday} ${p.day} ${p.month}, ${p.time}`;
}

/** "17:00" in `timeZone`. */
export function formatTimeOfDay(instant: Date, timeZone: string): string {
  return parts(instant, timeZone).time;
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * "Overdue by 2 days" (calendar days in `timeZone`), "Overdue by 3 hours" on the day it was
 * due; null when it is not yet due.
 */
export function overdueText(dueAt: Date, now: Date, timeZone: string): string | null {
  const late = now.getTime() - dueAt.getTime();
  if (late <= 0) return null;
  const days = daysBetween(dayOf(dueAt, timeZone), dayOf(now, timeZone));
  if (days >= 1) return `Overdue by ${count(days, "day")}`;
  const hours = Math.floor(late / 3_600_000);
  return hours >= 1 ? `Overdue by ${count(hours, "hour")}` : `Overdue by ${count(Math.max(1, Math.floor(late / 60_000)), "minute")}`;
}
