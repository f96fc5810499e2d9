import { describe, expect, it } from "vitest";
import { contentFingerprint, sameContent } from "@/lib/content/fidelity";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });

describe("sameContent tells whether the editor loaded a body whole", () => {
  const stored = doc(p(t("Hello "), t("world", [{ type: "bold" }, { type: "link", attrs: { href: "/news/x" } }])), { type: "image", attrs: { mediaId: 3, alt: "A", caption: "C" } });

  it("accepts the same content split, ordered or padded differently", () => {
    const loaded = doc(p(t("Hel"), t("lo "), t("world", [{ type: "link", attrs: { href: "/news/x", target: null } }, { type: "bold" }])), { type: "image", attrs: { mediaId: 3, alt: "A", caption: "C" } }, p());
    expect(sameContent(stored, loaded)).toBe(true);
    expect(sameContent({ type: "doc" }, doc(p()))).toBe(true);
  });

  it.each([
    ["a dropped mark", doc(p(t("Hello "), t("world", [{ type: "link", attrs: { href: "/news/x" } }])), { type: "image", attrs: { mediaId: 3, alt: "A", caption: "C" } })],
    ["a changed link", doc(p(t("Hello "), t("world", [{ type: "bold" }, { type: "link", attrs: { href: "/news/y" } }])), { type: "image", attrs: { mediaId: 3, alt: "A", caption: "C" } })],
    ["a dropped photo", doc(p(t("Hello "), t("world", [{ type: "bold" }, { type: "link", attrs: { href: "/news/x" } }])))],
    ["a lost caption", doc(p(t("Hello "), t("world", [{ type: "bold" }, { type: "link", attrs: { href: "/news/x" } }])), { type: "image", attrs: { mediaId: 3, alt: "A", caption: "" } })],
    ["an empty document", doc(p())],
  ])("notices %s", (_name, loaded) => {
    expect(sameContent(stored, loaded)).toBe(false);
  });

  it("tells heading levels and block types apart", () => {
    const h = (level: number) => doc({ type: "heading", attrs: { level }, content: [t("Title")] });
    expect(sameContent(h(2), h(3))).toBe(false);
    expect(sameContent(h(2), doc(p(t("Title"))))).toBe(false);
    expect(contentFingerprint(h(2))).toEqual(["<doc>", "<heading:2>", "text[]:Title", "</heading>", "</doc>"]);
  });
});
