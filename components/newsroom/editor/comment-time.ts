/*
 * Comment times as people say them: "today 14:05", "yesterday 09:12", "3 Dec, 09:12", and the
 * year when it is not this one, in the newsroom's time zone (so server and browser agree).
 */

function parts(date: Date, timeZone: string) {
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const get = (type: string) => fmt.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), time: `${get("hour")}:${get("minute")}` };
}

/** A comment's time, relative to `now`, in `timeZone`. */
export function commentTime(iso: string, timeZone: string, now = new Date()): string {
  const date = new Date(iso);
  const at = parts(date, timeZone);
  const today = parts(now, timeZone);
  const yesterday = parts(new Date(now.getTime() - 86_400_000), timeZone);
  const sameDay = (a: typeof at, b: typeof at) => a.year === b.year && a.month === b.month && a.day === b.day;
  if (sameDay(at, today)) return `today ${at.time}`;
  if (sameDay(at, yesterday)) return `yesterday ${at.time}`;
  return at.year === today.year ? `${at.day} ${at.month}, ${at.time}` : `${at.day} ${at.month} ${at.year}, ${at.time}`;
}
