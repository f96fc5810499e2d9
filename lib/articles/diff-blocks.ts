import { diffArrays } from "diff";
import type { JsonNode } from "@/lib/content/types";

/*
 * A body as a list of blocks (paragraphs, headings with their level, list items, quotes, photos
 * with caption and alt text, rules), so two versions are compared block by block: aligned on
 * the blocks that are the same, then, in each stretch between them, a removed and an added block
 * of the same kind that share most words are one changed block (compared word by word); a block
 * removed in one place and added whole in another has moved.
 */

export interface DiffPart {
  text: string;
  change: "added" | "removed" | "same";
}

export type BlockKind = "paragraph" | "heading" | "listItem" | "quote" | "photo" | "rule";

export interface Block {
  kind: BlockKind;
  text: string;
  /** Heading level (2, 3) or, for a list item, its depth (1 = top level). */
  level?: number;
  ordered?: boolean;
  photo?: { mediaId: number; caption: string; alt: string };
}

export type BlockChangeKind = "same" | "added" | "removed" | "changed" | "moved-away" | "moved-here";

export interface BlockChange {
  change: BlockChangeKind;
  /** The block as it is now (as it was, for a removed one or one moved away). */
  block: Block;
  /** For a changed block: what it was. */
  before?: Block;
  /** For a changed block: its words, with what was added and removed. */
  parts?: DiffPart[];
  /** For a changed photo: its caption and alt text word by word, and whether it is another photo. */
  photo?: { caption: DiffPart[]; alt: DiffPart[]; replaced: boolean };
}

function textOf(node: JsonNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(textOf).join("");
}

function listItems(list: JsonNode, depth: number, out: Block[]) {
  for (const item of list.content ?? []) {
    const own = (item.content ?? []).filter((c) => c.type !== "bulletList" && c.type !== "orderedList");
    out.push({ kind: "listItem", text: own.map(textOf).join("\n"), level: depth, ordered: list.type === "orderedList" });
    for (const nested of (item.content ?? []).filter((c) => c.type === "bulletList" || c.type === "orderedList")) listItems(nested, depth + 1, out);
  }
}

/** The blocks of a body, in order; empty paragraphs are left out. */
export function bodyBlocks(body: unknown): Block[] {
  const out: Block[] = [];
  const doc = body && typeof body === "object" ? (body as JsonNode) : null;
  for (const node of doc?.content ?? []) {
    switch (node.type) {
      case "heading":
        out.push({ kind: "heading", text: textOf(node), level: Number(node.attrs?.level ?? 2) });
        break;
      case "bulletList":
      case "orderedList":
        listItems(node, 1, out);
        break;
      case "blockquote":
        out.push({ kind: "quote", text: (node.content ?? []).map(textOf).join("\n") });
        break;
      case "image":
        out.push({ kind: "photo", text: String(node.attrs?.caption ?? ""), photo: { mediaId: Number(node.attrs?.mediaId), caption: String(node.attrs?.caption ?? ""), alt: String(node.attrs?.alt ?? "") } });
        break;
      case "horizontalRule":
        out.push({ kind: "rule", text: "" });
        break;
      default: {
        const text = textOf(node);
        if (text.trim()) out.push({ kind: "paragraph", text });
      }
    }
  }
  return out;
}

function key(b: Block): string {
  return JSON.stringify([b.kind, b.level ?? 0, b.ordered ?? false, b.text, b.photo?.mediaId ?? 0, b.photo?.alt ?? ""]);
}

/** Words shared by two texts, as a share of the longer one (0…1). */
export function similarity(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
  const left = words(a);
  const right = new Map<string, number>();
  for (const w of words(b)) right.set(w, (right.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of left) {
    const n = right.get(w) ?? 0;
    if (n > 0) {
      shared++;
      right.set(w, n - 1);
    }
  }
  const longest = Math.max(left.length, words(b).length);
  return longest === 0 ? 1 : shared / longest;
}

// Words (with apostrophes and hyphens), numbers with their separators ("18:10", "1,200", "3.5"),
// runs of space, and any other character alone: a changed time is one change, not two digits.
const TOKEN = /\d+(?:[:.,]\d+)*|[\p{L}\p{M}\p{N}'’-]+|\s+|./gu;

/** Word-level comparison of two strings. */
export function wordParts(before: string, after: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? [])) {
    const change = p.added ? "added" : p.removed ? "removed" : "same";
    const text = p.value.join("");
    const last = out[out.length - 1];
    if (last?.change === change) last.text += text;
    else out.push({ text, change });
  }
  // The spaces around a changed run belong to the unchanged text beside it, so the marks cover
  // words ("changes [added: in March]"), not the gap before them.
  out.forEach((part, i) => {
    if (part.change === "same") return;
    const before = out[i - 1];
    const after = out[i + 1];
    const lead = /^\s+/.exec(part.text)?.[0] ?? "";
    if (lead && lead.length < part.text.length && before?.change === "same") {
      before.text += lead;
      part.text = part.text.slice(lead.length);
    }
    const trail = /\s+$/.exec(part.text)?.[0] ?? "";
    if (trail && trail.length < part.text.length && after?.change === "same") {
      after.text = trail + after.text;
      part.text = part.text.slice(0, -trail.length);
    }
  });
  return out;
}

const PAIR_THRESHOLD = 0.4;

function pairable(a: Block, b: Block): boolean {
  if (a.text === b.text && a.kind !== "rule") return true; // the same words as another kind of block (a paragraph made a heading)
  if (a.kind !== b.kind) return false;
  if (a.kind === "photo") return a.photo?.mediaId === b.photo?.mediaId || similarity(a.text, b.text) >= PAIR_THRESHOLD;
  return similarity(a.text, b.text) >= PAIR_THRESHOLD;
}

function changed(before: Block, after: Block): BlockChange {
  const out: BlockChange = { change: "changed", block: after, before, parts: wordParts(before.text, after.text) };
  if (before.photo && after.photo) out.photo = { caption: wordParts(before.photo.caption, after.photo.caption), alt: wordParts(before.photo.alt, after.photo.alt), replaced: before.photo.mediaId !== after.photo.mediaId };
  return out;
}

/** Pairs the removed and added blocks of one stretch, keeping their order. */
function stretch(removed: Block[], added: Block[]): BlockChange[] {
  const out: BlockChange[] = [];
  let next = 0; // the first added block not yet written
  for (const gone of removed) {
    const match = added.findIndex((b, i) => i >= next && pairable(gone, b));
    if (match === -1) {
      out.push({ change: "removed", block: gone });
      continue;
    }
    for (; next < match; next++) out.push({ change: "added", block: added[next]! });
    out.push(changed(gone, added[match]!));
    next = match + 1;
  }
  for (; next < added.length; next++) out.push({ change: "added", block: added[next]! });
  return out;
}

/** Block-by-block comparison of two bodies, in the order of the newer one (removed blocks where they were). */
export function compareBlocks(beforeBody: unknown, afterBody: unknown): BlockChange[] {
  const before = bodyBlocks(beforeBody);
  const after = bodyBlocks(afterBody);
  const out: BlockChange[] = [];
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    out.push(...stretch(removed, added));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(before, after, { comparator: (a, b) => key(a) === key(b) })) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      out.push(...part.value.map((block): BlockChange => ({ change: "same", block })));
    }
  }
  flush();
  // A block taken out in one place and put in whole in another has moved.
  const addedKeys = new Map<string, BlockChange[]>();
  for (const c of out) if (c.change === "added" && c.block.kind !== "rule") addedKeys.set(key(c.block), [...(addedKeys.get(key(c.block)) ?? []), c]);
  for (const c of out) {
    if (c.change !== "removed") continue;
    const twin = addedKeys.get(key(c.block))?.shift();
    if (!twin) continue;
    c.change = "moved-away";
    twin.change = "moved-here";
  }
  return out;
}
