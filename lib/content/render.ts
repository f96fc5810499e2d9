import { fallbackWidth, mediaSrcSet, mediaUrl } from "@/lib/media-urls";
import type { JsonMark, JsonNode, MediaLookup } from "./types";
import { safeLinkHref } from "./urls";

/*
 * TipTap JSON → HTML, written against the allow-list of the body schema rather than through a
 * generic renderer: a node or mark this file does not name is never emitted, every text and
 * attribute is escaped here, and photographs get responsive <picture> markup with captions.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `sizes` for body photographs: the article column is 48rem wide at most, inside 1rem padding. */
export const BODY_IMAGE_SIZES = "(min-width: 50rem) 48rem, calc(100vw - 2rem)";

function renderMarks(text: string, marks: JsonMark[] | undefined): string {
  let html = escapeHtml(text);
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case "bold":
        html = `<strong>${html}</strong>`;
        break;
      case "italic":
        html = `<em>${html}</em>`;
        break;
      case "link": {
        const href = safeLinkHref(mark.attrs?.href);
        if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
        break;
      }
      default:
        // Unknown marks are dropped; their text stays, escaped.
        break;
    }
  }
  return html;
}

function renderFigure(node: JsonNode, lookup: MediaLookup): string {
  const id = Number(node.attrs?.mediaId);
  const photo = Number.isInteger(id) ? lookup(id) : undefined;
  if (!photo) return "";
  const alt = typeof node.attrs?.alt === "string" && node.attrs.alt.trim() ? node.attrs.alt : photo.alt;
  const caption = typeof node.attrs?.caption === "string" ? node.attrs.caption : photo.caption;
  const src = mediaUrl(photo.fileKey, fallbackWidth(photo.width), "jpg");
  const credit = photo.credit ? ` <span class="credit">${escapeHtml(photo.credit)}</span>` : "";
  const figcaption = caption || credit ? `<figcaption>${escapeHtml(caption)}${credit}</figcaption>` : "";
  return (
    `<figure>` +
    `<picture><source type="image/avif" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "avif"))}" sizes="${BODY_IMAGE_SIZES}">` +
    `<source type="image/webp" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "webp"))}" sizes="${BODY_IMAGE_SIZES}">` +
    `<img src="${escapeHtml(src)}" srcset="${escapeHtml(mediaSrcSet(photo.fileKey, photo.width, "jpg"))}" sizes="${BODY_IMAGE_SIZES}"` +
    ` width="${photo.width}" height="${photo.height}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async"></picture>` +
    `${figcaption}</figure>`
  );
}

function renderChildren(node: JsonNode, lookup: MediaLookup): string {
  return (node.content ?? []).map((child) => renderNode(child, lookup)).join("");
}

function renderNode(node: JsonNode, lookup: MediaLookup): string {
  switch (node.type) {
    case "doc":
      return renderChildren(node, lookup);
    case "text":
      return typeof node.text === "string" ? renderMarks(node.text, node.marks) : "";
    case "paragraph":
      return `<p>${renderChildren(node, lookup)}</p>`;
    case "heading": {
      const level = node.attrs?.level === 3 ? 3 : 2;
      return `<h${level}>${renderChildren(node, lookup)}</h${level}>`;
    }
    case "bulletList":
      return `<ul>${renderChildren(node, lookup)}</ul>`;
    case "orderedList": {
      const start = Number(node.attrs?.start);
      const startAttr = Number.isInteger(start) && start > 1 ? ` start="${start}"` : "";
      return `<ol${startAttr}>${renderChildren(node, lookup)}</ol>`;
    }
    case "listItem":
      return `<li>${renderChildren(node, lookup)}</li>`;
    case "blockquote":
      return `<blockquote>${renderChildren(node, lookup)}</blockquote>`;
    case "horizontalRule":
      return "<hr>";
    case "hardBreak":
      return "<br>";
    case "image":
      return renderFigure(node, lookup);
    default:
      // Not in the allow-list: neither the node nor anything inside it reaches the page.
      return "";
  }
}

/** Renders an article body to HTML; unknown nodes and unsafe links never reach the output. */
export function renderBody(body: unknown, lookup: MediaLookup): string {
  if (!body || typeof body !== "object") return "";
  return renderNode(body as JsonNode, lookup);
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
