import { safeLinkHref } from "./urls";

/*
 * The one definition of what an article body may hold: its nodes, marks and their attributes
 * (type, limits, default, URL rule). The editor's TipTap configuration (components/newsroom/
 * editor/extensions.ts), the server's allow-list (validate.ts) and the renderer (render.ts) are
 * all derived from it, and tests/content-schema.test.ts fails when the three drift apart.
 *
 * Every table a client-supplied name is looked up in is a Map: "constructor", "__proto__" or
 * "toString" are unknown names like any other, never members of Object.prototype.
 */

export const BODY_LIMITS = {
  /** Serialised JSON size. A 10,000-word article is about 120 KB. */
  maxBytes: 2_000_000,
  maxDepth: 12,
  maxNodes: 60_000,
  maxTextLength: 1_000_000,
  maxCaptionLength: 600,
  maxAltLength: 400,
  maxCreditLength: 200,
} as const;

/** A problem with an attribute value ("must be …"), or null when the value is allowed. */
export type AttrCheck = (value: unknown) => string | null;

export interface AttrSpec {
  /** What the editor stores when nothing was set; a required attribute has no usable default. */
  default: unknown;
  check: AttrCheck;
  required?: boolean;
}

export interface NodeSpec {
  /** Allowed children: node names, "inline" for the inline nodes, or "none". */
  content: readonly string[] | "inline" | "none";
  /** Inline nodes sit inside paragraphs and headings (text, hard breaks). */
  inline?: boolean;
  attrs: ReadonlyMap<string, AttrSpec>;
}

export interface MarkSpec {
  attrs: ReadonlyMap<string, AttrSpec>;
  /** Marks that never reach readers (review anchors): the renderer keeps only their text. */
  newsroomOnly?: boolean;
}

const isInt = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** Plain text up to `max` characters; anything that looks like HTML is refused, not stripped. */
export const plainText = (max: number): AttrCheck => (v) =>
  typeof v !== "string" ? "must be text" : v.length > max ? `is longer than ${max} characters` : /[<>]/.test(v) && /<\/?[a-z]/i.test(v) ? "must be plain text, not HTML" : null;
const orNull = (check: AttrCheck): AttrCheck => (v) => (v === null ? null : check(v));
const only = (...allowed: unknown[]): AttrCheck => (v) => (allowed.includes(v) ? null : "is not allowed");

const attrs = (entries: Record<string, AttrSpec> = {}): ReadonlyMap<string, AttrSpec> => new Map(Object.entries(entries));

/** Heading levels: the page title is the h1, so the body starts at h2. */
export const HEADING_LEVELS = [2, 3] as const;

export const BLOCK_NODES = ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "horizontalRule", "image"] as const;

const NODE_SPECS = {
  doc: { content: BLOCK_NODES, attrs: attrs() },
  paragraph: { content: "inline", attrs: attrs() },
  heading: {
    content: "inline",
    attrs: attrs({ level: { default: HEADING_LEVELS[0], required: true, check: (v) => (HEADING_LEVELS.includes(v as 2 | 3) ? null : `must be ${HEADING_LEVELS.join(" or ")}`) } }),
  },
  bulletList: { content: ["listItem"], attrs: attrs() },
  orderedList: {
    content: ["listItem"],
    attrs: attrs({
      start: { default: 1, check: (v) => (isInt(v, 1, 100_000) ? null : "must be a whole number from 1") },
      // TipTap's list carries a list-style type; only its default is accepted.
      type: { default: null, check: only(null, "1") },
    }),
  },
  listItem: { content: ["paragraph", "bulletList", "orderedList"], attrs: attrs() },
  blockquote: { content: ["paragraph"], attrs: attrs() },
  horizontalRule: { content: "none", attrs: attrs() },
  /** A photograph from the media library, with this placement's own words about it. */
  image: {
    content: "none",
    attrs: attrs({
      mediaId: { default: null, required: true, check: (v) => (isInt(v, 1, Number.MAX_SAFE_INTEGER) ? null : "must refer to a photograph in the media library") },
      alt: { default: "", check: plainText(BODY_LIMITS.maxAltLength) },
      caption: { default: "", check: plainText(BODY_LIMITS.maxCaptionLength) },
      // null: the library's credit for the photo (bodies written before credits were editable).
      credit: { default: null, check: orNull(plainText(BODY_LIMITS.maxCreditLength)) },
    }),
  },
  text: { content: "none", inline: true, attrs: attrs() },
  hardBreak: { content: "none", inline: true, attrs: attrs() },
} satisfies Record<string, NodeSpec>;

const MARK_SPECS = {
  bold: { attrs: attrs() },
  italic: { attrs: attrs() },
  link: {
    attrs: attrs({
      href: { default: null, required: true, check: (v) => (safeLinkHref(v) ? null : "must be an http, https or mailto address, or a path on this site") },
      // TipTap's link mark carries these; only their harmless defaults are accepted.
      target: { default: null, check: only(null, "_blank") },
      rel: { default: null, check: only(null, "noopener noreferrer nofollow") },
      class: { default: null, check: only(null) },
      title: { default: null, check: (v) => (v === null || (typeof v === "string" && v.length <= 300) ? null : "is not allowed") },
    }),
  },
  // Anchors a review comment to a passage; it moves with the text and is not shown to readers.
  comment: {
    newsroomOnly: true,
    attrs: attrs({ id: { default: null, required: true, check: (v) => (typeof v === "string" && /^c-[a-z0-9]{6,32}$/.test(v) ? null : "is not a comment anchor") } }),
  },
} satisfies Record<string, MarkSpec>;

export type NodeName = keyof typeof NODE_SPECS;
export type MarkName = keyof typeof MARK_SPECS;

export const BODY_NODES: ReadonlyMap<string, NodeSpec> = new Map(Object.entries(NODE_SPECS));
export const BODY_MARKS: ReadonlyMap<string, MarkSpec> = new Map(Object.entries(MARK_SPECS));
export const INLINE_NODES: readonly string[] = [...BODY_NODES].filter(([, spec]) => spec.inline).map(([name]) => name);

/** The names of the required attributes of a node or mark. */
export function requiredAttrs(spec: { attrs: ReadonlyMap<string, AttrSpec> }): string[] {
  return [...spec.attrs].filter(([, a]) => a.required).map(([name]) => name);
}

/** The attribute defaults for a TipTap `addAttributes()`; the editor adds its HTML mapping. */
export function attrDefaults(spec: { attrs: ReadonlyMap<string, AttrSpec> }): Record<string, unknown> {
  return Object.fromEntries([...spec.attrs].map(([name, a]) => [name, a.default]));
}

/** The spec of a node the schema defines (a typed lookup for code, not for client input). */
export function nodeSpec(name: NodeName): NodeSpec {
  return NODE_SPECS[name];
}
