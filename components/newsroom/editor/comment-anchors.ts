import type { Node as PmNode } from "@tiptap/pm/model";

/*
 * A comment's passage is kept by its text, not by a mark in the body (so commenting is never an
 * edit): the quote and a few characters either side. These functions turn a selection into that
 * and find it again in a document, preferring, of several places with the same words, the one
 * whose surroundings match best.
 */

/** How many characters either side of a quote are kept to tell repeated phrases apart. */
export const CONTEXT_CHARS = 32;

export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
}

export interface Range {
  from: number;
  to: number;
}

interface Flat {
  text: string;
  /** The document position of each character of `text`. */
  pos: number[];
}

/** The document's text with a line break between blocks, and where each character sits. */
export function flattenText(doc: PmNode): Flat {
  let text = "";
  const pos: number[] = [];
  let lastEnd = 0;
  doc.descendants((node, at) => {
    if (node.isTextblock) {
      if (text.length > 0) {
        text += "\n";
        pos.push(lastEnd);
      }
      return true;
    }
    if (node.isText && node.text) {
      for (let i = 0; i < node.text.length; i++) pos.push(at + i);
      text += node.text;
      lastEnd = at + node.text.length;
    } else if (node.type.name === "hardBreak") {
      text += "\n";
      pos.push(at);
      lastEnd = at + 1;
    }
    return true;
  });
  return { text, pos };
}

function indexAt(flat: Flat, position: number): number {
  const i = flat.pos.findIndex((p) => p >= position);
  return i === -1 ? flat.text.length : i;
}

/** The anchor of the text between two positions (null when it holds no text). */
export function captureAnchor(doc: PmNode, from: number, to: number): TextAnchor | null {
  const flat = flattenText(doc);
  const start = indexAt(flat, from);
  const end = indexAt(flat, to);
  const quote = flat.text.slice(start, end);
  if (!quote.trim()) return null;
  return { quote, prefix: flat.text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: flat.text.slice(end, end + CONTEXT_CHARS) };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the anchored passage is in `doc` now, or null when its words are no longer there. */
export function findAnchor(doc: PmNode, anchor: TextAnchor): Range | null {
  if (!anchor.quote) return null;
  const flat = flattenText(doc);
  let best: { start: number; score: number } | null = null;
  for (let start = flat.text.indexOf(anchor.quote); start !== -1; start = flat.text.indexOf(anchor.quote, start + 1)) {
    const end = start + anchor.quote.length;
    const score = commonSuffixLength(flat.text.slice(Math.max(0, start - anchor.prefix.length), start), anchor.prefix) + commonPrefixLength(flat.text.slice(end, end + anchor.suffix.length), anchor.suffix);
    if (!best || score > best.score) best = { start, score };
  }
  if (!best) return null;
  const last = flat.pos[best.start + anchor.quote.length - 1];
  const first = flat.pos[best.start];
  return first === undefined || last === undefined ? null : { from: first, to: last + 1 };
}

/** The passage of an older comment, marked in the body by a `comment` mark with this id. */
export function findMarkedPassage(doc: PmNode, markId: string): Range | null {
  let range: Range | null = null;
  doc.descendants((node, at) => {
    if (node.isText && node.marks.some((m) => m.type.name === "comment" && m.attrs.id === markId)) {
      range = { from: Math.min(range?.from ?? at, at), to: Math.max(range?.to ?? 0, at + node.nodeSize) };
    }
    return true;
  });
  return range;
}
