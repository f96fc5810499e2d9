import { describe, expect, it } from "vitest";
import { bodyBlocks, compareBlocks, type BlockChange } from "@/lib/articles/diff-blocks";
import { compareVersions } from "@/lib/articles/diff";

const text = (t: string) => [{ type: "text", text: t }];
const p = (t: string) => ({ type: "paragraph", content: text(t) });
const h = (level: number, t: string) => ({ type: "heading", attrs: { level }, content: text(t) });
const ul = (...items: string[]) => ({ type: "bulletList", content: items.map((t) => ({ type: "listItem", content: [p(t)] })) });
const photo = (mediaId: number, caption: string, alt = "A boat") => ({ type: "image", attrs: { mediaId, caption, alt } });
const doc = (...content: object[]) => ({ type: "doc", content });

/** Each block as "change kind: text", for readable expectations. */
const summary = (changes: BlockChange[]) => changes.map((c) => `${c.change} ${c.block.kind}${c.block.level ? c.block.level : ""}: ${c.block.text}`);
const words = (c: BlockChange | undefined, change: "added" | "removed") => (c?.parts ?? []).filter((x) => x.change === change).map((x) => x.text.trim());

describe("bodyBlocks", () => {
  it("keeps headings with their level, every list item on its own, quotes and photos", () => {
    const blocks = bodyBlocks(doc(h(2, "Findings"), ul("First point", "Second point"), { type: "blockquote", content: [p("We were surprised.")] }, photo(4, "The harbour"), p("")));
    expect(blocks).toEqual([
      { kind: "heading", text: "Findings", level: 2 },
      { kind: "listItem", text: "First point", level: 1, ordered: false },
      { kind: "listItem", text: "Second point", level: 1, ordered: false },
      { kind: "quote", text: "We were surprised." },
      { kind: "photo", text: "The harbour", photo: { mediaId: 4, caption: "The harbour", alt: "A boat" } },
    ]);
  });

  it("puts nested list items after their parent, one level deeper", () => {
    const nested = { type: "orderedList", content: [{ type: "listItem", content: [p("Outer"), ul("Inner")] }] };
    expect(bodyBlocks(doc(nested)).map((b) => [b.text, b.level, b.ordered])).toEqual([
      ["Outer", 1, true],
      ["Inner", 2, false],
    ]);
  });
});

describe("compareBlocks", () => {
  it("aligns unchanged blocks around an inserted one", () => {
    const changes = compareBlocks(doc(p("One."), p("Three.")), doc(p("One."), h(2, "Two"), p("Three.")));
    expect(summary(changes)).toEqual(["same paragraph: One.", "added heading2: Two", "same paragraph: Three."]);
  });

  it("marks a deleted block where it was", () => {
    const changes = compareBlocks(doc(p("One."), p("Two is going."), p("Three.")), doc(p("One."), p("Three.")));
    expect(summary(changes)).toEqual(["same paragraph: One.", "removed paragraph: Two is going.", "same paragraph: Three."]);
  });

  it("compares the words within a changed block, not the whole block", () => {
    const changes = compareBlocks(doc(p("Boats leave the harbour at nine every morning.")), doc(p("Boats leave the harbour at ten every morning.")));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.change).toBe("changed");
    expect(words(changes[0], "removed")).toEqual(["nine"]);
    expect(words(changes[0], "added")).toEqual(["ten"]);
  });

  it("sees a changed time or number as one change", () => {
    const [c] = compareBlocks(doc(p("Boats leave at 18:10 with 1,200 seats.")), doc(p("Boats leave at 18:30 with 1,250 seats.")));
    expect(words(c, "removed")).toEqual(["18:10", "1,200"]);
    expect(words(c, "added")).toEqual(["18:30", "1,250"]);
  });

  it("marks the words, not the spaces beside them", () => {
    const [c] = compareBlocks(doc(h(2, "What changes")), doc(h(2, "What changes in March")));
    expect(c!.parts).toEqual([
      { text: "What changes ", change: "same" },
      { text: "in March", change: "added" },
    ]);
  });

  it("keeps list items apart: a change in one item leaves its neighbours the same", () => {
    const changes = compareBlocks(doc(ul("Apples are red", "Pears are green", "Plums are blue")), doc(ul("Apples are red", "Pears are yellow", "Plums are blue")));
    expect(changes.map((c) => `${c.change} ${c.block.kind}`)).toEqual(["same listItem", "changed listItem", "same listItem"]);
    expect(words(changes[1], "added")).toEqual(["yellow"]);
  });

  it("sees a block moved elsewhere as moved, not as new text", () => {
    const changes = compareBlocks(doc(p("Alpha paragraph."), p("Beta paragraph."), p("Gamma paragraph.")), doc(p("Beta paragraph."), p("Gamma paragraph."), p("Alpha paragraph.")));
    expect(summary(changes)).toEqual(["moved-away paragraph: Alpha paragraph.", "same paragraph: Beta paragraph.", "same paragraph: Gamma paragraph.", "moved-here paragraph: Alpha paragraph."]);
  });

  it("tells a heading's new level and a paragraph made a heading", () => {
    const changes = compareBlocks(doc(h(2, "Results"), p("Method")), doc(h(3, "Results"), h(2, "Method")));
    expect(changes.map((c) => `${c.change} ${c.before?.kind}${c.before?.level ?? ""}→${c.block.kind}${c.block.level}`)).toEqual(["changed heading2→heading3", "changed paragraph→heading2"]);
  });

  it("compares a photo's caption and alt text word by word, and notices another photo", () => {
    const [same] = compareBlocks(doc(photo(1, "The old ferry", "A boat")), doc(photo(1, "The new ferry", "A white boat")));
    expect(same!.photo?.replaced).toBe(false);
    expect(same!.photo?.caption.filter((x) => x.change !== "same").map((x) => `${x.change}:${x.text}`)).toEqual(["removed:old", "added:new"]);
    expect(same!.photo?.alt.filter((x) => x.change === "added").map((x) => x.text.trim())).toEqual(["white"]);
    const [other] = compareBlocks(doc(photo(1, "The ferry")), doc(photo(2, "The ferry")));
    expect(other!.change).toBe("changed");
    expect(other!.photo?.replaced).toBe(true);
  });

  it("does not pair unrelated blocks: a rewritten paragraph is removed and added", () => {
    const changes = compareBlocks(doc(p("Cats sleep all day long.")), doc(p("Parliament votes on the budget tomorrow.")));
    expect(changes.map((c) => c.change)).toEqual(["removed", "added"]);
  });
});

describe("compareVersions", () => {
  it("compares title and standfirst word by word and the body by blocks", () => {
    const [title, standfirst, body] = compareVersions({ title: "Ferry changes", standfirst: "Same.", body: doc(p("Boats leave at nine.")) }, { title: "Ferry timetable changes", standfirst: "Same.", body: doc(p("Boats leave at ten.")) });
    expect(title!.parts.filter((x) => x.change === "added").map((x) => x.text.trim())).toEqual(["timetable"]);
    expect(standfirst!.changed).toBe(false);
    expect(body!.changed).toBe(true);
    expect(body!.blocks?.map((b) => b.change)).toEqual(["changed"]);
  });
});
