import { formatCount } from "@/lib/format";
import { env } from "@/lib/env";

/** "1 article", "0 articles", "1,234 views": the count with the right form of the noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "Dec 1, 2026" in the newsroom's time zone, for dense lists. */
export function formatShortDate(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: env().MASTHEAD_TIME_ZONE }).format(date);
}
