import { formatCount } from "@/lib/format";

/** "1 article", "0 articles", "1,234 views": the count with the right form of the noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
