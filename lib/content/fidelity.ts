import type { JsonMark, JsonNode } from "./types";

/*
 * What a reader of a body would notice if it changed: block structure, text with its
 * formatting, link targets, heading levels and photos with their captions, credits and alt
 * text. The editor compares the stored body with what it loaded: if they differ, the editor
 * dropped something it could not parse, and saving would destroy it.
 */

const markSignature = (marks: JsonMark[] | undefined): string =>
  (marks ?? [])
    .map((m) => (m.type === "link" ? `link(${String(m.attrs?.href ?? "")})` : m.type === "comment" ? `comment(${String(m.attrs?.id ?? "")})` : m.type))
    .sort()
    .join("+");

/** A list of tokens describing the visible content of a body; equal lists mean equal content. */
export function contentFingerprint(body: unknown): string[] {
  const tokens: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as JsonNode;
    if (n.type === "text") {
      const sig = markSignature(n.marks);
      const last = tokens[tokens.length - 1];
      // Adjacent text with the same formatting is one run, however it was split into nodes.
      if (last?.startsWith(`text[${sig}]:`)) tokens[tokens.length - 1] = last + String(n.text ?? "");
      else tokens.push(`text[${sig}]:${String(n.text ?? "")}`);
      return;
    }
    const children = Array.isArray(n.content) ? n.content : [];
    // An empty paragraph is not content: editors add one to an empty document.
    if (n.type === "paragraph" && children.length === 0) return;
    const attrs = n.attrs ?? {};
    const detail =
      n.type === "heading" ? `:${String(attrs.level)}` : n.type === "image" ? `:${String(attrs.mediaId)}|${String(attrs.alt ?? "")}|${String(attrs.caption ?? "")}|${String(attrs.credit ?? "")}` : "";
    tokens.push(`<${String(n.type)}${detail}>`);
    children.forEach(walk);
    tokens.push(`</${String(n.type)}>`);
  };
  walk(body);
  return tokens;
}

/** True when `loaded` shows everything `stored` does. */
export function sameContent(stored: unknown, loaded: unknown): boolean {
  const a = contentFingerprint(stored);
  const b = contentFingerprint(loaded);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
