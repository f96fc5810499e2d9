import { fallbackWidth, mediaSrcSet, mediaUrl } from "@/lib/media-urls";
import type { JsonMark, JsonNode, MediaInfo, MediaLookup } from "./types";
import { HEADING_LEVELS, type MarkName, type NodeName } from "./schema";
import { safeLinkHref } from "./urls";

/*
 * TipTap JSON → HTML, written against the body schema (schema.ts) rather than through a generic
 * renderer: one drawing per node and mark the schema names and nothing else is ever emitted;
 * every text and attribute is escaped here, and photographs get responsive <picture> markup
 * with their captions and credits.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `sizes` for body photographs: the article column is 48rem wide at most, inside 1rem padding. */
export const BODY_IMAGE_SIZES = "(min-width: 50rem) 48rem, calc(100vw - 2rem)";

type MarkRenderer = (html: string, mark: JsonMark) => string;

// One entry per mark of the schema: the type makes a mark without a drawing a compile error.
const MARK_RENDERERS: { readonly [K in MarkName]: MarkRenderer } = {
  bold: (html) => `<strong>${html}</strong>`,
  italic: (html) => `<em>${html}</em>`,
  link: (html, mark) => {
    const href = safeLinkHref(mark.attrs?.href);
    return href ? `<a href="${escapeHtml(href)}">${html}</a>` : html;
  },
  // A review anchor: readers get the passage, never the mark.
  comment: (html) => html,
};
const MARKS: ReadonlyMap<string, MarkRenderer> = new Map(Object.entries(MARK_RENDERERS));

function renderMarks(text: string, marks: JsonMark[] | undefined): string {
  let html = escapeHtml(text);
  for (const mark of marks ?? []) {
    // Unknown marks are dropped; their text stays, escaped.
    const draw = mark && typeof mark.type === "string" ? MARKS.get(mark.type) : undefined;
    if (draw) html = draw(html, mark);
  }
  return html;
}

/** Caption text: escaped, with the line breaks the writer typed kept. */
const captionHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function renderFigure(node: JsonNode, ctx: RenderContext): string {
  const id = Number(node.attrs?.mediaId);
  const photo = Number.isInteger(id) ? ctx.lookup(id) : undefined;
  // A photo the page shows as its lead is not drawn a second time in the body.
  if (!photo || id === ctx.leadMediaId) return "";
  const alt = typeof node.attrs?.alt === "string" && node.attrs.alt.trim() ? node.attrs.alt : photo.alt;
  const caption = (typeof node.attrs?.caption === "string" ? node.attrs.caption : photo.caption).trim();
  const creditText = (typeof node.attrs?.credit === "string" ? node.attrs.credit : photo.credit).trim();
  const src = mediaUrl(photo.fileKey, fallbackWidth(photo.width), "jpg", ctx.mediaBase);
  const credit = creditText ? ` <span class="credit">${escapeHtml(creditText)}</span>` : "";
  const figcaption = caption || credit ? `<figcaption>${captionHtml(caption)}${credit}</figcaption>` : "";
  return (
    `<figure>` +
    `<picture><source type="image/avif" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "avif", ctx.mediaBase))}" sizes="${BODY_IMAGE_SIZES}">` +
    `<source type="image/webp" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "webp", ctx.mediaBase))}" sizes="${BODY_IMAGE_SIZES}">` +
    `<img src="${escapeHtml(src)}" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "jpg", ctx.mediaBase))}" sizes="${BODY_IMAGE_SIZES}"` +
    ` width="${photo.width}" height="${photo.height}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async"></picture>` +
    `${figcaption}</figure>`
  );
}

interface RenderContext {
  lookup: MediaLookup;
  leadMediaId: number | null;
  mediaBase: string | undefined;
}

type NodeRenderer = (node: JsonNode, ctx: RenderContext) => string;

const children: NodeRenderer = (node, ctx) => (node.content ?? []).map((child) => renderNode(child, ctx)).join("");
const wrap = (tag: string): NodeRenderer => (node, ctx) => `<${tag}>${children(node, ctx)}</${tag}>`;

// One entry per node of the schema: the type makes a node without a drawing a compile error.
const NODE_RENDERERS: { readonly [K in NodeName]: NodeRenderer } = {
  doc: children,
  text: (node) => (typeof node.text === "string" ? renderMarks(node.text, node.marks) : ""),
  paragraph: wrap("p"),
  heading: (node, ctx) => {
    const level = HEADING_LEVELS.find((l) => l === node.attrs?.level) ?? HEADING_LEVELS[0];
    return `<h${level}>${children(node, ctx)}</h${level}>`;
  },
  bulletList: wrap("ul"),
  orderedList: (node, ctx) => {
    const start = Number(node.attrs?.start);
    const startAttr = Number.isInteger(start) && start > 1 ? ` start="${start}"` : "";
    return `<ol${startAttr}>${children(node, ctx)}</ol>`;
  },
  listItem: wrap("li"),
  blockquote: wrap("blockquote"),
  horizontalRule: () => "<hr>",
  hardBreak: () => "<br>",
  image: renderFigure,
};
const NODES: ReadonlyMap<string, NodeRenderer> = new Map(Object.entries(NODE_RENDERERS));

/** The node and mark names the renderer draws (the schema test checks them against the editor). */
export const RENDERED_NODES: ReadonlySet<string> = new Set(NODES.keys());
export const RENDERED_MARKS: ReadonlySet<string> = new Set(MARKS.keys());

function renderNode(node: JsonNode, ctx: RenderContext): string {
  // Not in the allow-list: neither the node nor anything inside it reaches the page.
  const draw = node && typeof node.type === "string" ? NODES.get(node.type) : undefined;
  return draw ? draw(node, ctx) : "";
}

export interface RenderOptions {
  /** The page's lead photo: shown above the body, so the body does not repeat it. */
  leadMediaId?: number | null;
  /** Where the photos are served from (an outside review link serves its draft's own). */
  mediaBase?: string;
}

/** Renders an article body to HTML; unknown nodes and unsafe links never reach the output. */
export function renderBody(body: unknown, lookup: MediaLookup, options: RenderOptions = {}): string {
  if (!body || typeof body !== "object") return "";
  return renderNode(body as JsonNode, { lookup, leadMediaId: options.leadMediaId ?? null, mediaBase: options.mediaBase });
}

/**
 * The lead photo as a page shows it: when the body also places it, with the words written for
 * that place (alt text, caption, credit), since the body's copy is then not drawn (renderBody's
 * `leadMediaId`). The public page and the preview both go through here, so they agree.
 */
export function leadAsPlaced<T extends Pick<MediaInfo, "id" | "alt" | "caption" | "credit">>(lead: T | null, body: unknown): T | null {
  if (!lead) return null;
  let placed: JsonNode | undefined;
  const walk = (node: JsonNode) => {
    if (placed) return;
    if (node.type === "image" && Number(node.attrs?.mediaId) === lead.id) placed = node;
    else node.content?.forEach(walk);
  };
  if (body && typeof body === "object") walk(body as JsonNode);
  const attrs = placed?.attrs;
  if (!attrs) return lead;
  return {
    ...lead,
    alt: typeof attrs.alt === "string" && attrs.alt.trim() ? attrs.alt : lead.alt,
    caption: typeof attrs.caption === "string" ? attrs.caption : lead.caption,
    credit: typeof attrs.credit === "string" ? attrs.credit : lead.credit,
  };
}

/** Ids of every photograph placed in a body, in order. */
export function bodyMediaIds(body: unknown): number[] {
  const ids: number[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === "image") {
      const id = Number(node.attrs?.mediaId);
      if (Number.isInteger(id)) ids.push(id);
    }
    node.content?.forEach(walk);
  };
  if (body && typeof body === "object") walk(body as JsonNode);
  return ids;
}

/** The plain text of a body (for word counts, search and descriptions). */
export function bodyText(body: unknown): string {
  const parts: string[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === "text" && typeof node.text === "string") parts.push(node.text);
    else if (node.type === "image" && typeof node.attrs?.caption === "string") parts.push(` ${node.attrs.caption} `);
    node.content?.forEach(walk);
    if (node.type !== "text") parts.push(" ");
  };
  if (body && typeof body === "object") walk(body as JsonNode);
  return parts.join("").replace(/\s+/g, " ").trim();
}
