import type { JsonMark, JsonNode } from "@/lib/content/types";

/*
 * One pass over a body's TipTap JSON collecting what the checklist looks at: photos, headings
 * and links, in document order, each with its ProseMirror position so the editor can move the
 * selection there. Positions follow ProseMirror's counting (a block opens and closes with one
 * token each, a leaf is one, text is its length), so no editor is needed to compute them.
 */

export interface BodyPhoto {
  mediaId: number | null;
  alt: string;
  pos: number;
}

export interface BodyHeading {
  level: number;
  text: string;
  pos: number;
}

export interface BodyLink {
  href: string;
  text: string;
  /** Where the linked text starts and ends. */
  from: number;
  to: number;
}

export interface BodyParts {
  photos: BodyPhoto[];
  headings: BodyHeading[];
  links: BodyLink[];
  /** Whether the body has any words (text or a caption), as the submit check wants. */
  hasText: boolean;
}

const LEAVES = new Set(["image", "horizontalRule", "hardBreak"]);

const linkHref = (marks: JsonMark[] | undefined): string | null => {
  const href = marks?.find((m) => m.type === "link")?.attrs?.href;
  return typeof href === "string" ? href : null;
};

function isNode(value: unknown): value is JsonNode {
  return typeof value === "object" && value !== null && typeof (value as JsonNode).type === "string";
}

/** The photos, headings and links of a body, in order. A body that is not a doc has none. */
export function walkBody(body: unknown): BodyParts {
  const parts: BodyParts = { photos: [], headings: [], links: [], hasText: false };
  if (!isNode(body) || body.type !== "doc") return parts;

  // Returns the node's size, collecting as it goes; `pos` is where the node starts.
  const visit = (node: JsonNode, pos: number): number => {
    if (node.type === "text") {
      if (node.text?.trim()) parts.hasText = true;
      return (node.text ?? "").length;
    }
    if (LEAVES.has(node.type)) {
      if (node.type === "image") {
        const mediaId = node.attrs?.mediaId;
        if (typeof node.attrs?.caption === "string" && node.attrs.caption.trim()) parts.hasText = true;
        parts.photos.push({ mediaId: typeof mediaId === "number" ? mediaId : null, alt: typeof node.attrs?.alt === "string" ? node.attrs.alt : "", pos });
      }
      return 1;
    }
    const children = Array.isArray(node.content) ? node.content.filter(isNode) : [];
    if (node.type === "heading") {
      const level = Number(node.attrs?.level);
      parts.headings.push({ level: Number.isFinite(level) ? level : 2, text: children.map((c) => c.text ?? "").join(""), pos });
    }
    let at = pos + 1;
    // A link is a run of neighbouring text nodes with the same href (bold inside a link splits it).
    let open: BodyLink | null = null;
    for (const child of children) {
      const size = visit(child, at);
      const href = child.type === "text" ? linkHref(child.marks) : null;
      if (href !== null && open && open.href === href && open.to === at) {
        open.text += child.text ?? "";
        open.to = at + size;
      } else if (href !== null) {
        open = { href, text: child.text ?? "", from: at, to: at + size };
        parts.links.push(open);
      } else {
        open = null;
      }
      at += size;
    }
    return at + 1 - pos;
  };

  let at = 0;
  for (const child of Array.isArray(body.content) ? body.content.filter(isNode) : []) at += visit(child, at);
  return parts;
}

/** The media ids a body places. */
export function bodyPhotoIds(parts: BodyParts): number[] {
  return parts.photos.map((p) => p.mediaId).filter((id): id is number => id !== null);
}
