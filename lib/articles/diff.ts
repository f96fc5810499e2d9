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
}

function section(label: string, before: string, after: string): DiffSection {
  const parts = wordParts(before, after);
  return { label, parts, changed: parts.some((p) => p.change !== "same") };
}

/**
 * Comparison of two versions: title and standfirst word by word; the body block by block
 * (paragraphs, headings, list items, quotes, photos with caption and alt text), words within.
 */
export function compareVersions(before: Comparable, after: Comparable): DiffSection[] {
  const blocks = compareBlocks(before.body, after.body);
  return [section("Title", before.title, after.title), section("Standfirst", before.standfirst, after.standfirst), { label: "Body", parts: [], blocks, changed: blocks.some((b) => b.change !== "same") }];
}
