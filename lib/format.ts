import { env } from "@/lib/env";

/** "March 18, 2024" in the newsroom's time zone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: env().MASTHEAD_TIME_ZONE,
  }).format(new Date(iso));
}

/** "1,234" */
export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

/** "Maya Lindqvist", "Maya Lindqvist and Tomás Okafor", "A, B and C". */
export function formatNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
