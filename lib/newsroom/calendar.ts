import "server-only";
import { getDb, type Db } from "@/db/client";
import { listAssignmentsDue } from "@/db/queries/assignments";
import { listExpiringBetween, listPublishedBetween, listScheduledBetween } from "@/db/queries/calendar";
import { env } from "@/lib/env";
import { can, type CurrentUser } from "@/lib/permissions";
import { nextState } from "@/lib/workflow";
import { calendarRange, dayOf, isDay, rangeInstants, type CalendarRange, type CalendarView } from "./calendar-days";

/*
 * The story calendar: dated events of articles, by day, in the newsroom's time zone. Each kind
 * is one row of SOURCES (its label and its query); adding a kind is one more row here and one
 * query in db/queries/calendar.ts.
 * Drafters see the events of their own articles; revisers and admins everyone's.
 */

export type CalendarKind = "due" | "scheduled" | "published" | "expiring";

/** How an entry can be moved to another day by this person, if at all. */
export type MoveTarget = { kind: "due"; assignmentId: number } | { kind: "scheduled"; articleId: number; version: number };

export interface CalendarEntry {
  kind: CalendarKind;
  /** The kind in words ("Due", "Scheduled", "Published"): never colour alone. */
  label: string;
  at: Date;
  articleId: number;
  title: string;
  /** Due entries: whether the piece was sent for review, and for whom. */
  done?: boolean;
  drafterName?: string;
  move?: MoveTarget;
}

interface SourceQuery {
  db: Db;
  from: Date;
  to: Date;
  /** Only this drafter's articles (undefined: everyone's). */
  drafterId: number | undefined;
  user: CurrentUser;
}

interface Source {
  kind: CalendarKind;
  label: string;
  list: (q: SourceQuery) => Promise<Omit<CalendarEntry, "kind" | "label">[]>;
}

const SOURCES: readonly Source[] = [
  {
    kind: "due",
    label: "Due",
    list: async ({ db, from, to, drafterId, user }) =>
      (await listAssignmentsDue(db, from, to, drafterId)).map((a) => ({
        at: a.dueAt,
        articleId: a.articleId,
        title: a.title || a.workingTitle,
        done: a.submittedAt !== null,
        drafterName: a.drafterName,
        move: a.submittedAt === null && can(user, "assignment.manage") ? { kind: "due" as const, assignmentId: a.id } : undefined,
      })),
  },
  {
    kind: "scheduled",
    label: "Scheduled",
    // A new time is a new approval (the reschedule edge, four-eyes included).
    list: async ({ db, from, to, drafterId, user }) =>
      (await listScheduledBetween(db, from, to, drafterId)).map((r) => ({
        at: r.at,
        articleId: r.articleId,
        title: r.title,
        move: nextState(user, { status: "scheduled", drafterIds: r.drafterIds }, "reschedule") ? { kind: "scheduled" as const, articleId: r.articleId, version: r.version } : undefined,
      })),
  },
  { kind: "published", label: "Published", list: async ({ db, from, to, drafterId }) => (await listPublishedBetween(db, from, to, drafterId)).map((r) => ({ at: r.at, articleId: r.articleId, title: r.title })) },
  // The expiry is changed in the editor (it asks first), so it is not moved from here.
  { kind: "expiring", label: "Expires", list: async ({ db, from, to, drafterId }) => (await listExpiringBetween(db, from, to, drafterId)).map((r) => ({ at: r.at, articleId: r.articleId, title: r.title })) },
];

export interface CalendarDay {
  day: string;
  entries: CalendarEntry[];
}

export interface Calendar extends CalendarRange {
  today: string;
  timeZone: string;
  weeks: CalendarDay[][];
}

/** Reads `?view=` and `?date=` with fallbacks: a month around today. */
export function parseCalendarParams(params: { view?: string | string[]; date?: string | string[] }, today: string): { view: CalendarView; focus: string } {
  const view = params.view === "week" ? "week" : "month";
  const date = typeof params.date === "string" && isDay(params.date) ? params.date : today;
  return { view, focus: date };
}

/** The entries of one month or week, grouped by day and week, each day's in time order. */
export async function getCalendar(user: CurrentUser, view: CalendarView, focus: string, now = new Date()): Promise<Calendar> {
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const range = calendarRange(view, focus);
  const { from, to } = rangeInstants(range, timeZone);
  const drafterId = can(user, "article.read_all") ? undefined : user.id;
  const db = getDb();
  const byDay = new Map<string, CalendarEntry[]>(range.days.map((d) => [d, []]));
  for (const source of SOURCES) {
    for (const row of await source.list({ db, from, to, drafterId, user })) byDay.get(dayOf(row.at, timeZone))?.push({ kind: source.kind, label: source.label, ...row });
  }
  const days = range.days.map((day) => ({ day, entries: (byDay.get(day) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime()) }));
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return { ...range, today: dayOf(now, timeZone), timeZone, weeks };
}
