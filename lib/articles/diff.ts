import { diffWords } from "diff";
import { bodyText } from "@/lib/content/render";
import type { JsonNode } from "@/lib/content/types";

export interface DiffPart {
  text: string;
  change: "added" | "removed" | "same";
}

export interface DiffSection {
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

interface Comparable {
  title: string;
  standfirst: string;
  body: unknown;
}

function captions(body: unknown): string {
  const found: string[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === "image") found.push(`${String(node.attrs?.caption ?? "")} [alt: ${String(node.attrs?.alt ?? "")}]`);
    node.content?.forEach(walk);
  };
  if (body && typeof body === "object") walk(body as JsonNode);
  return found.join("\n");
}

// Blocks on lines of their own so a change inside one paragraph does not smear across others.
function blocks(body: unknown): string {
  const doc = body as JsonNode | null;
  return (doc?.content ?? [])
    .filter((block) => block.type !== "image") // captions are compared in their own section
    .map((block) => bodyText({ type: "doc", content: [block] }))
    .filter(Boolean)
    .join("\n\n");
}

function section(label: string, before: string, after: string): DiffSection {
  const parts = diffWords(before, after).map((p): DiffPart => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" }));
  return { label, parts, changed: parts.some((p) => p.change !== "same") };
}

/** Word-level comparison of two versions: title, standfirst, body text and photo captions. */
export function compareVersions(before: Comparable, after: Comparable): DiffSection[] {
  return [
    section("Title", before.title, after.title),
    section("Standfirst", before.standfirst, after.standfirst),
    section("Body", blocks(before.body), blocks(after.body)),
    section("Captions", captions(before.body), captions(after.body)),
  ];
}
