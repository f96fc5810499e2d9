import { compareBlocks, wordParts, type BlockChange, type DiffPart } from "./diff-blocks";

export type { BlockChange, DiffPart } from "./diff-blocks";

export interface DiffSection {
  label: string;
  /** Word parts of a plain-text field (title, standfirst). */
  parts: DiffPart[];
  /** For the body: its blocks compared one by one. */
  blocks?: BlockChange[];
  changed: boolean;
}

interface Comparable {
  title: string;
  standfirst: string;
  body: unknown;
  /** The lead photo's words (null: the library's, not compared). */
  leadAlt?: string | null;
  leadCaption?: string | null;
  leadCredit?: string | null;
}

const LEAD_FIELDS = [
  ["Lead alt text", "leadAlt"],
  ["Lead caption", "leadCaption"],
  ["Lead credit", "leadCredit"],
] as const;

function section(label: string, before: string, after: string): DiffSection {
  const parts = wordParts(before, after);
  return { label, parts, changed: parts.some((p) => p.change !== "same") };
}

/**
 * Comparison of two versions: title and standfirst word by word; the body block by block
 * (paragraphs, headings, list items, quotes, photos with caption and alt text), words within;
 * then the lead photo's words, when they changed.
 */
export function compareVersions(before: Comparable, after: Comparable): DiffSection[] {
  const blocks = compareBlocks(before.body, after.body);
  // The lead's words, when both versions wrote their own and they differ.
  const lead = LEAD_FIELDS.flatMap(([label, key]) => {
    const [a, b] = [before[key], after[key]];
    return typeof a === "string" && typeof b === "string" && a !== b ? [section(label, a, b)] : [];
  });
  return [section("Title", before.title, after.title), section("Standfirst", before.standfirst, after.standfirst), { label: "Body", parts: [], blocks, changed: blocks.some((b) => b.change !== "same") }, ...lead];
}
