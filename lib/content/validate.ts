import type { JsonMark, JsonNode } from "./types";
import { safeLinkHref } from "./urls";

/*
 * The allow-list of an article body, checked on every save. Anything outside it is refused with
 * a message naming the problem: nothing is repaired silently and nothing partial is stored.
 * The renderer (render.ts) draws the same nodes; the editor's schema produces only these.
 */

export const BODY_LIMITS = {
  /** Serialised JSON size. A 10,000-word article is about 120 KB. */
  maxBytes: 2_000_000,
  maxDepth: 12,
  maxNodes: 60_000,
  maxTextLength: 1_000_000,
  maxCaptionLength: 600,
  maxAltLength: 400,
} as const;

type AttrRule = (value: unknown) => string | null;

const isInt = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const plainText = (max: number): AttrRule => (v) =>
  typeof v !== "string" ? "must be text" : v.length > max ? `is longer than ${max} characters` : /[<>]/.test(v) && /<\/?[a-z]/i.test(v) ? "must be plain text, not HTML" : null;

/*
 * Every allow-list here is a Map: a name a client sends is looked up exactly, so "constructor",
 * "__proto__" or "toString" are unknown names like any other, never members of Object.prototype.
 */
type Rules = ReadonlyMap<string, AttrRule>;
const rules = (entries: Record<string, AttrRule> = {}): Rules => new Map(Object.entries(entries));

interface NodeRule {
  /** Allowed children: node types, or "inline" for text and hard breaks. */
  content: readonly string[] | "inline" | "none";
  attrs?: Rules;
  /** Attributes that must be present. */
  required?: readonly string[];
}

const BLOCK = ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "horizontalRule", "image"] as const;
const INLINE = ["text", "hardBreak"] as const;

const NODES: ReadonlyMap<string, NodeRule> = new Map<string, NodeRule>(Object.entries({
  doc: { content: BLOCK },
  paragraph: { content: "inline" },
  heading: { content: "inline", attrs: rules({ level: (v) => (v === 2 || v === 3 ? null : "must be 2 or 3") }), required: ["level"] },
  bulletList: { content: ["listItem"] },
  orderedList: {
    content: ["listItem"],
    attrs: rules({ start: (v) => (isInt(v, 1, 100_000) ? null : "must be a whole number from 1"), type: (v) => (v === null || v === "1" ? null : "is not allowed") }),
  },
  listItem: { content: ["paragraph", "bulletList", "orderedList"] },
  blockquote: { content: ["paragraph"] },
  horizontalRule: { content: "none" },
  hardBreak: { content: "none" },
  image: {
    content: "none",
    attrs: rules({
      mediaId: (v) => (isInt(v, 1, Number.MAX_SAFE_INTEGER) ? null : "must refer to a photograph in the media library"),
      alt: plainText(BODY_LIMITS.maxAltLength),
      caption: plainText(BODY_LIMITS.maxCaptionLength),
    }),
    required: ["mediaId"],
  },
  text: { content: "none" },
} satisfies Record<string, NodeRule>));

interface MarkRule {
  attrs: Rules;
  required: readonly string[];
}

const MARKS: ReadonlyMap<string, MarkRule> = new Map<string, MarkRule>(Object.entries({
  bold: { attrs: rules(), required: [] },
  italic: { attrs: rules(), required: [] },
  // Anchors a review comment to a passage; it moves with the text and is not shown to readers.
  comment: { attrs: rules({ id: (v) => (typeof v === "string" && /^c-[a-z0-9]{6,32}$/.test(v) ? null : "is not a comment anchor") }), required: ["id"] },
  link: { required: ["href"], attrs: rules({
    href: (v) => (safeLinkHref(v) ? null : "must be an http, https or mailto address, or a path on this site"),
    // TipTap's link mark carries these; only their harmless defaults are accepted.
    target: (v) => (v === null || v === "_blank" ? null : "is not allowed"),
    rel: (v) => (v === null || v === "noopener noreferrer nofollow" ? null : "is not allowed"),
    class: (v) => (v === null ? null : "is not allowed"),
    title: (v) => (v === null || (typeof v === "string" && v.length <= 300) ? null : "is not allowed"),
  }) },
} satisfies Record<string, MarkRule>));


const NO_ATTRS: Rules = new Map();
const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);

export interface Placement {
  mediaId: number;
  alt: string;
  caption: string;
}

export type ValidationResult = { ok: true; doc: JsonNode; mediaIds: number[]; placements: Placement[] } | { ok: false; problems: string[] };

function describe(path: string[]): string {
  return path.length ? path.join(" › ") : "the body";
}

/** Checks a body against the allow-list and the limits. */
export function validateBody(input: unknown): ValidationResult {
  const problems: string[] = [];
  const mediaIds: number[] = [];
  const placements: Placement[] = [];
  let nodes = 0;
  let textLength = 0;

  let size: number;
  try {
    size = JSON.stringify(input)?.length ?? 0;
  } catch {
    return { ok: false, problems: ["The body is not valid JSON."] };
  }
  if (size > BODY_LIMITS.maxBytes) return { ok: false, problems: [`The body is too large (over ${BODY_LIMITS.maxBytes / 1_000_000} MB).`] };

  const checkAttrs = (owner: string, attrs: unknown, allowed: Rules = NO_ATTRS, required: readonly string[] = [], path: string[]) => {
    if (attrs === undefined) {
      if (required.length) problems.push(`${describe(path)}: ${owner} needs ${required.join(", ")}.`);
      return;
    }
    if (typeof attrs !== "object" || attrs === null || Array.isArray(attrs)) {
      problems.push(`${describe(path)}: ${owner} has malformed attributes.`);
      return;
    }
    for (const [key, value] of Object.entries(attrs)) {
      const rule = allowed.get(key);
      if (!rule) problems.push(`${describe(path)}: ${owner} attribute "${key}" is not allowed.`);
      else {
        const problem = rule(value);
        if (problem) problems.push(`${describe(path)}: ${owner} ${key} ${problem}.`);
      }
    }
    for (const key of required) if (!Object.hasOwn(attrs, key)) problems.push(`${describe(path)}: ${owner} needs ${key}.`);
  };

  const checkMarks = (marks: unknown, path: string[]) => {
    if (marks === undefined) return;
    if (!Array.isArray(marks)) {
      problems.push(`${describe(path)}: marks must be a list.`);
      return;
    }
    for (const mark of marks as JsonMark[]) {
      const rule = mark && typeof mark === "object" && typeof mark.type === "string" ? MARKS.get(mark.type) : undefined;
      if (!rule) {
        problems.push(`${describe(path)}: formatting "${String(mark?.type)}" is not allowed.`);
        continue;
      }
      checkAttrs(`${mark.type} mark`, mark.attrs, rule.attrs, rule.required, path);
    }
  };

  const walk = (node: unknown, allowed: readonly string[] | "inline", path: string[], depth: number) => {
    if (++nodes > BODY_LIMITS.maxNodes) return;
    if (depth > BODY_LIMITS.maxDepth) {
      problems.push(`${describe(path)}: nesting is deeper than ${BODY_LIMITS.maxDepth} levels.`);
      return;
    }
    if (!node || typeof node !== "object" || Array.isArray(node) || typeof (node as JsonNode).type !== "string") {
      problems.push(`${describe(path)}: an element is malformed.`);
      return;
    }
    const n = node as JsonNode;
    const rule = NODES.get(n.type);
    const here = [...path, n.type];
    const permitted = allowed === "inline" ? INLINE : allowed;
    if (!rule || n.type === "doc" || !permitted.includes(n.type)) {
      problems.push(`${describe(path)}: "${n.type}" is not allowed here.`);
      return;
    }
    for (const key of Object.keys(n)) if (!NODE_KEYS.has(key)) problems.push(`${describe(here)}: property "${key}" is not allowed.`);
    checkAttrs(n.type, n.attrs, rule.attrs, rule.required, here);
    if (n.type === "text") {
      if (typeof n.text !== "string" || n.text.length === 0) problems.push(`${describe(here)}: text must not be empty.`);
      else textLength += n.text.length;
      checkMarks(n.marks, here);
    } else if (n.marks !== undefined && !(Array.isArray(n.marks) && n.marks.length === 0)) {
      problems.push(`${describe(here)}: only text can be formatted.`);
    }
    if (n.type === "image" && Number.isInteger(n.attrs?.mediaId)) {
      mediaIds.push(n.attrs!.mediaId as number);
      placements.push({ mediaId: n.attrs!.mediaId as number, alt: String(n.attrs?.alt ?? ""), caption: String(n.attrs?.caption ?? "") });
    }
    if (n.content !== undefined) {
      if (rule.content === "none") problems.push(`${describe(here)}: may not contain anything.`);
      else if (!Array.isArray(n.content)) problems.push(`${describe(here)}: content must be a list.`);
      else for (const child of n.content) walk(child, rule.content, here, depth + 1);
    }
  };

  if (!input || typeof input !== "object" || (input as JsonNode).type !== "doc") {
    return { ok: false, problems: ["The body must be a document."] };
  }
  const doc = input as JsonNode;
  for (const key of Object.keys(doc)) if (key !== "type" && key !== "content") problems.push(`the body: property "${key}" is not allowed.`);
  if (doc.content !== undefined && !Array.isArray(doc.content)) problems.push("the body: content must be a list.");
  for (const child of doc.content ?? []) walk(child, BLOCK, [], 1);
  if (nodes > BODY_LIMITS.maxNodes) problems.push(`The body has more than ${BODY_LIMITS.maxNodes} elements.`);
  if (textLength > BODY_LIMITS.maxTextLength) problems.push(`The body has more than ${BODY_LIMITS.maxTextLength.toLocaleString("en-US")} characters of text.`);

  // Report each distinct problem once, the first few only: enough to find and fix them.
  const unique = [...new Set(problems)];
  return unique.length ? { ok: false, problems: unique.slice(0, 10) } : { ok: true, doc, mediaIds: [...new Set(mediaIds)], placements };
}
