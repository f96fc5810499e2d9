import { getSchema } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { CommentMark } from "@/components/newsroom/editor/comment-mark";
import { captureAnchor, findAnchor, findMarkedPassage, flattenText } from "@/components/newsroom/editor/comment-anchors";
import { commentTime } from "@/components/newsroom/editor/comment-time";

const schema = getSchema([StarterKit, CommentMark]);
const p = (t: string) => ({ type: "paragraph", content: [{ type: "text", text: t }] });
const doc = (...paragraphs: string[]) => PmNode.fromJSON(schema, { type: "doc", content: paragraphs.map(p) });

/** The position of the n-th occurrence (0-based) of `words` in the document. */
function at(d: PmNode, words: string, n = 0): { from: number; to: number } {
  const found: number[] = [];
  d.descendants((node, pos) => {
    if (!node.isText) return;
    for (let i = node.text!.indexOf(words); i !== -1; i = node.text!.indexOf(words, i + 1)) found.push(pos + i);
  });
  return { from: found[n]!, to: found[n]! + words.length };
}

describe("comment anchors (the passage kept by its text, outside the body)", () => {
  it("captures the quote with context and finds the same passage again", () => {
    const d = doc("The lab counted fragments.", "Levels fell by half.");
    const { from, to } = at(d, "fell by half");
    const anchor = captureAnchor(d, from, to)!;
    expect(anchor.quote).toBe("fell by half");
    expect(anchor.prefix.endsWith("fragments.\nLevels ")).toBe(true);
    expect(anchor.suffix).toBe(".");
    expect(findAnchor(d, anchor)).toEqual({ from, to });
  });

  it("follows the passage when text is written before it (another person typing)", () => {
    const before = doc("Levels fell by half.");
    const anchor = captureAnchor(before, at(before, "by half").from, at(before, "by half").to)!;
    const after = doc("A new opening sentence.", "Since the ban, levels fell by half.");
    const range = findAnchor(after, anchor)!;
    expect(after.textBetween(range.from, range.to)).toBe("by half");
  });

  it("tells repeated words apart by what surrounds them", () => {
    const d = doc("The ferry leaves at nine.", "The bus leaves at nine.");
    const second = at(d, "leaves at nine", 1);
    const anchor = captureAnchor(d, second.from, second.to)!;
    expect(findAnchor(d, anchor)).toEqual(second);
    // Still the bus's sentence after the ferry's is edited.
    const edited = doc("The ferry now leaves at nine.", "The bus leaves at nine.");
    expect(findAnchor(edited, anchor)).toEqual(at(edited, "leaves at nine", 1));
  });

  it("answers null when the passage's words are gone, and for an empty selection", () => {
    const d = doc("Levels fell by half.");
    const anchor = captureAnchor(d, at(d, "by half").from, at(d, "by half").to)!;
    expect(findAnchor(doc("Levels rose."), anchor)).toBeNull();
    expect(captureAnchor(d, 3, 3)).toBeNull();
  });

  it("keeps blocks apart in the flat text, so a quote never runs two paragraphs together", () => {
    expect(flattenText(doc("One.", "Two.")).text).toBe("One.\nTwo.");
  });

  it("still finds an older comment's passage by its mark in the body", () => {
    const d = PmNode.fromJSON(schema, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Plain " }, { type: "text", text: "marked", marks: [{ type: "comment", attrs: { id: "c-abc123" } }] }] }] });
    const range = findMarkedPassage(d, "c-abc123")!;
    expect(d.textBetween(range.from, range.to)).toBe("marked");
    expect(findMarkedPassage(d, "c-zzz999")).toBeNull();
  });
});

describe("commentTime", () => {
  const now = new Date("2026-12-03T13:30:00Z");
  it("says today, yesterday, the day and month, or the year when it is another", () => {
    expect(commentTime("2026-12-03T13:05:00Z", "Europe/Oslo", now)).toBe("today 14:05");
    expect(commentTime("2026-12-02T08:12:00Z", "Europe/Oslo", now)).toBe("yesterday 09:12");
    expect(commentTime("2026-11-28T08:12:00Z", "Europe/Oslo", now)).toBe("28 Nov, 09:12");
    expect(commentTime("2025-12-03T08:12:00Z", "Europe/Oslo", now)).toBe("3 Dec 2025, 09:12");
  });
  it("counts the day in the newsroom's time zone", () => {
    // 23:30 UTC on the 2nd is already the 3rd in Oslo.
    expect(commentTime("2026-12-02T23:30:00Z", "Europe/Oslo", now)).toBe("today 00:30");
  });
});
