import type { JsonMark, JsonNode } from "@/lib/content/types";
import type { DemoBlock } from "./types";

// **bold**, _italic_ and [text](href): the little markup the demo texts are written in.
const INLINE = /\*\*(.+?)\*\*|(?<![\w])_(.+?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline demo markup as TipTap text nodes with marks. */
export function inlineNodes(text: string): JsonNode[] {
  const nodes: JsonNode[] = [];
  const push = (value: string, marks?: JsonMark[]) => {
    if (value) nodes.push(marks ? { type: "text", text: value, marks } : { type: "text", text: value });
  };
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    if (m[1] !== undefined) push(m[1], [{ type: "bold" }]);
    else if (m[2] !== undefined) push(m[2], [{ type: "italic" }]);
    else push(m[3]!, [{ type: "link", attrs: { href: m[4] } }]);
    last = m.index + m[0].length;
  }
  push(text.slice(last));
  return nodes;
}

const paragraph = (text: string): JsonNode => ({ type: "paragraph", content: inlineNodes(text) });
const listItems = (items: string[]): JsonNode[] => items.map((t) => ({ type: "listItem", content: [paragraph(t)] }));

/** A demo article body as a TipTap document; `photoId` maps each photo block to its media id. */
export function demoBodyToDoc(blocks: DemoBlock[], photoId: (block: DemoBlock) => number): JsonNode {
  const content = blocks.map((block): JsonNode => {
    switch (block.type) {
      case "p":
        return paragraph(block.text);
      case "h2":
      case "h3":
        return { type: "heading", attrs: { level: block.type === "h2" ? 2 : 3 }, content: inlineNodes(block.text) };
      case "quote":
        return { type: "blockquote", content: [paragraph(block.text)] };
      case "ul":
        return { type: "bulletList", content: listItems(block.items) };
      case "ol":
        return { type: "orderedList", attrs: { start: 1 }, content: listItems(block.items) };
      case "hr":
        return { type: "horizontalRule" };
      case "photo":
        return { type: "image", attrs: { mediaId: photoId(block), alt: block.alt, caption: block.caption } };
    }
  });
  return { type: "doc", content };
}
