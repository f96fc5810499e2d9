/*
 * Wall-clock times in the newsroom's time zone (MASTHEAD_TIME_ZONE) ↔ instants, with Intl only.
 */

function partsIn(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** "2026-12-01T09:30" (seconds optional, as a datetime-local with a step sends) read as a wall-clock time in `timeZone`; null if malformed. */
export function zonedLocalToDate(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // The zone's offset at that moment; a second pass settles times near a DST change.
  let guess = wall - (partsIn(wall, timeZone) - wall);
  guess = wall - (partsIn(guess, timeZone) - guess);
  return Number.isNaN(guess) ? null : new Date(guess);
}

/** An instant as "YYYY-MM-DDTHH:mm" in `timeZone` (for datetime-local inputs). */
export function dateToZonedLocal(date: Date, timeZone: string): string {
  return new Date(partsIn(date.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** "Dec 1, 2026, 9:30 AM" in `timeZone`. */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
