import type { JsonMark, JsonNode } from "./types";
import { BODY_LIMITS, BODY_MARKS, BODY_NODES, BLOCK_NODES, INLINE_NODES, requiredAttrs, type AttrSpec } from "./schema";

export { BODY_LIMITS } from "./schema";

/*
 * The allow-list of an article body, checked on every save. Anything outside it is refused with
 * a message naming the problem: nothing is repaired silently and nothing partial is stored.
 * The nodes, marks and attributes come from schema.ts, the same definition the editor and the
 * renderer are built from. Every lookup of a client-supplied name goes through a Map.
 */

type Rules = ReadonlyMap<string, AttrSpec>;

interface Rule {
  content: readonly string[] | "inline" | "none";
  attrs: Rules;
  required: readonly string[];
}

const NODES: ReadonlyMap<string, Rule> = new Map([...BODY_NODES].map(([name, spec]) => [name, { content: spec.content, attrs: spec.attrs, required: requiredAttrs(spec) }]));
const MARKS: ReadonlyMap<string, Omit<Rule, "content">> = new Map([...BODY_MARKS].map(([name, spec]) => [name, { attrs: spec.attrs, required: requiredAttrs(spec) }]));
const BLOCK: readonly string[] = BLOCK_NODES;
const INLINE = INLINE_NODES;

const NO_ATTRS: Rules = new Map();
const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);

export interface Placement {
  mediaId: number;
  alt: string;
  caption: string;
  /** null when the placement uses the library's credit. */
  credit: string | null;
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
        const problem = rule.check(value);
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
      placements.push({ mediaId: n.attrs!.mediaId as number, alt: String(n.attrs?.alt ?? ""), caption: String(n.attrs?.caption ?? ""), credit: typeof n.attrs?.credit === "string" ? n.attrs.credit : null });
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
