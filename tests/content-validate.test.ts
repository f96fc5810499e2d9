import { describe, expect, it } from "vitest";
import type { JsonNode } from "@/lib/content/types";
import { BODY_LIMITS, validateBody } from "@/lib/content/validate";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (t: string, marks?: unknown[]) => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });
const link = (href: unknown, extra: Record<string, unknown> = {}) => doc(p(text("x", [{ type: "link", attrs: { href, ...extra } }])));
const problems = (input: unknown) => {
  const r = validateBody(input);
  return r.ok ? [] : r.problems;
};

describe("validateBody accepts everything the editor makes", () => {
  it("accepts every allowed node and mark", () => {
    const body = doc(
      p(text("plain "), text("bold", [{ type: "bold" }]), text("both", [{ type: "bold" }, { type: "italic" }]), { type: "hardBreak" }),
      { type: "heading", attrs: { level: 2 }, content: [text("Two")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Three")] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("a")), { type: "bulletList", content: [{ type: "listItem", content: [p(text("nested"))] }] }] }] },
      { type: "orderedList", attrs: { start: 3, type: null }, content: [{ type: "listItem", content: [p(text("c"))] }] },
      { type: "blockquote", content: [p(text("q"))] },
      { type: "horizontalRule" },
      { type: "image", attrs: { mediaId: 4, alt: "A library", caption: "The reading room" } },
      p(text("site", [{ type: "link", attrs: { href: "/news/x", target: null, rel: null, class: null } }])),
      p(text("mail", [{ type: "link", attrs: { href: "mailto:a@example.edu" } }])),
      p(),
    );
    const result = validateBody(body);
    expect(result).toMatchObject({ ok: true, mediaIds: [4] });
  });

  it("accepts TipTap's default link attributes", () => {
    expect(problems(link("https://example.edu", { target: "_blank", rel: "noopener noreferrer nofollow", class: null }))).toEqual([]);
  });
});

describe("validateBody refuses, naming the problem", () => {
  it.each([
    ["script", { type: "script", content: [text("alert(1)")] }],
    ["iframe", { type: "iframe", attrs: { src: "https://evil.example" } }],
    ["codeBlock", { type: "codeBlock", content: [text("x")] }],
    ["table", { type: "table", content: [] }],
    ["html", { type: "html", text: "<b>x</b>" }],
    ["a nested doc", doc()],
    ["text at block level", text("loose")],
    ["a list item outside a list", { type: "listItem", content: [p(text("x"))] }],
  ])("a %s node", (name, node) => {
    expect(problems(doc(node)).join(" ")).toMatch(/is not allowed here/);
  });

  it("a heading inside a paragraph and an image inside a list item", () => {
    expect(problems(doc(p({ type: "heading", attrs: { level: 2 }, content: [] })))).toHaveLength(1);
    expect(problems(doc({ type: "bulletList", content: [{ type: "listItem", content: [{ type: "image", attrs: { mediaId: 1 } }] }] }))).toHaveLength(1);
  });

  it.each(["underline", "strike", "code", "textStyle", "highlight", "subscript"])("the %s mark", (mark) => {
    expect(problems(doc(p(text("x", [{ type: mark }])))).join(" ")).toContain(`formatting "${mark}" is not allowed`);
  });

  it("attributes that are not in the allow-list", () => {
    expect(problems(doc({ type: "paragraph", attrs: { style: "color:red" }, content: [] }))[0]).toContain('attribute "style" is not allowed');
    expect(problems(doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }))[0]).toContain("level must be 2 or 3");
    expect(problems(doc({ type: "heading", attrs: { level: "2" }, content: [text("x")] }))[0]).toContain("level must be 2 or 3");
    expect(problems(doc({ type: "heading", content: [text("x")] }))[0]).toContain("needs level");
    expect(problems(doc(p(text("x", [{ type: "bold", attrs: { onclick: "x" } }]))))[0]).toContain('"onclick" is not allowed');
    expect(problems(doc({ type: "orderedList", attrs: { start: -1 }, content: [] }))[0]).toContain("start");
    expect(problems(doc({ type: "paragraph", content: [], onmouseover: "x" }))[0]).toContain('property "onmouseover"');
    expect(problems(link("https://example.edu", { class: "evil" }))[0]).toContain("class is not allowed");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "javascript\t:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "DATA:text/html,x",
    "vbscript:x",
    "file:///etc/passwd",
    "ftp://example.edu",
    "//evil.example",
    "/\\evil.example",
    "relative/path",
    "",
    42,
    null,
  ])("the link %j", (href) => {
    expect(problems(link(href)).join(" ")).toMatch(/href must be|needs href/);
  });

  it("photographs without a media id, with HTML in the caption, or with odd attributes", () => {
    expect(problems(doc({ type: "image", attrs: { alt: "x" } }))[0]).toContain("needs mediaId");
    expect(problems(doc({ type: "image", attrs: { mediaId: "1" } }))[0]).toContain("mediaId must refer");
    expect(problems(doc({ type: "image", attrs: { mediaId: 1, caption: "<img src=x onerror=alert(1)>" } }))[0]).toContain("plain text");
    expect(problems(doc({ type: "image", attrs: { mediaId: 1, src: "https://evil.example/x.png" } }))[0]).toContain('"src" is not allowed');
    expect(problems(doc({ type: "image", attrs: { mediaId: 1, alt: "a".repeat(BODY_LIMITS.maxAltLength + 1) } }))[0]).toContain("longer than");
  });

  it("malformed documents", () => {
    expect(problems(null)).toEqual(["The body must be a document."]);
    expect(problems("<p>html</p>")).toEqual(["The body must be a document."]);
    expect(problems({ type: "paragraph" })).toEqual(["The body must be a document."]);
    expect(problems(doc(p({ type: "text", text: "" })))[0]).toContain("text must not be empty");
    expect(problems(doc({ type: "paragraph", content: "x" }))[0]).toContain("content must be a list");
    expect(problems(doc({ type: "horizontalRule", content: [text("x")] }))[0]).toContain("may not contain anything");
    expect(problems(doc({ type: "paragraph", marks: [{ type: "bold" }], content: [] }))[0]).toContain("only text can be formatted");
  });

  it("bodies over the limits of size, depth and node count", () => {
    let list: JsonNode = { type: "bulletList", content: [{ type: "listItem", content: [p(text("x"))] }] } as JsonNode;
    for (let i = 0; i < 10; i++) list = { type: "bulletList", content: [{ type: "listItem", content: [p(text("x")), list] }] } as JsonNode;
    expect(problems(doc(list)).join(" ")).toContain("nesting is deeper");
    expect(problems(doc(p(text("x".repeat(BODY_LIMITS.maxBytes))))).join(" ")).toContain("too large");
    const many = Array.from({ length: BODY_LIMITS.maxNodes + 10 }, () => ({ type: "horizontalRule" }));
    expect(problems(doc(...many)).join(" ")).toContain("more than");
  });
});
