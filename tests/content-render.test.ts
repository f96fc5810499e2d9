import { describe, expect, it } from "vitest";
import { bodyMediaIds, bodyText, escapeHtml, renderBody } from "@/lib/content/render";
import type { JsonNode, MediaInfo } from "@/lib/content/types";
import { safeLinkHref } from "@/lib/content/urls";

const photo: MediaInfo = {
  id: 7,
  fileKey: "abc123def456",
  width: 1600,
  height: 1000,
  alt: "Library at dusk",
  caption: "The Aurelius Library",
  credit: "Illustration: News Office",
  focalX: 50,
  focalY: 50,
};
const lookup = (id: number) => (id === photo.id ? photo : undefined);
const doc = (...content: JsonNode[]): JsonNode => ({ type: "doc", content });
const p = (...content: JsonNode[]): JsonNode => ({ type: "paragraph", content });
const text = (value: string, marks?: JsonNode["marks"]): JsonNode => ({ type: "text", text: value, marks });
const render = (...content: JsonNode[]) => renderBody(doc(...content), lookup);
const link = (href: string) => render(p(text("x", [{ type: "link", attrs: { href } }])));

describe("renderBody: every allowed node and mark", () => {
  it("renders paragraphs, headings, lists, quotes, rules and breaks", () => {
    expect(render(p(text("Hello")))).toBe("<p>Hello</p>");
    expect(render({ type: "heading", attrs: { level: 2 }, content: [text("Two")] })).toBe("<h2>Two</h2>");
    expect(render({ type: "heading", attrs: { level: 3 }, content: [text("Three")] })).toBe("<h3>Three</h3>");
    expect(
      render({ type: "bulletList", content: [{ type: "listItem", content: [p(text("a"))] }] }),
    ).toBe("<ul><li><p>a</p></li></ul>");
    expect(
      render({ type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("c"))] }] }),
    ).toBe('<ol start="3"><li><p>c</p></li></ol>');
    expect(render({ type: "blockquote", content: [p(text("q"))] })).toBe("<blockquote><p>q</p></blockquote>");
    expect(render({ type: "horizontalRule" })).toBe("<hr>");
    expect(render(p(text("a"), { type: "hardBreak" }, text("b")))).toBe("<p>a<br>b</p>");
  });

  it("renders bold, italic and links, nested", () => {
    expect(render(p(text("b", [{ type: "bold" }])))).toBe("<p><strong>b</strong></p>");
    expect(render(p(text("i", [{ type: "italic" }])))).toBe("<p><em>i</em></p>");
    expect(render(p(text("both", [{ type: "bold" }, { type: "italic" }])))).toBe(
      "<p><em><strong>both</strong></em></p>",
    );
    expect(link("https://example.edu/a?b=1&c=2")).toBe('<p><a href="https://example.edu/a?b=1&amp;c=2">x</a></p>');
    expect(link("/news/some-story")).toBe('<p><a href="/news/some-story">x</a></p>');
    expect(link("mailto:news@example.edu")).toBe('<p><a href="mailto:news@example.edu">x</a></p>');
  });

  it("renders a photograph as a responsive figure with its caption and credit", () => {
    const html = render({ type: "image", attrs: { mediaId: 7, alt: "Reading room", caption: "Readers <3" } });
    // AVIF first, then WebP; the <img> keeps the JPEG for browsers that take neither.
    expect(html).toMatch(
      /^<figure><picture><source type="image\/avif" srcset="[^"]*1600\.avif 1600w" sizes="[^"]+"><source type="image\/webp" srcset="[^"]*1600\.webp 1600w"/,
    );
    expect(html).toMatch(/<img src="[^"]*960\.jpg" srcset="[^"]*1600\.jpg 1600w"/);
    expect(html).toContain('alt="Reading room"');
    expect(html).toContain('width="1600" height="1000"');
    expect(html).toContain("<figcaption>Readers &lt;3 <span class=\"credit\">Illustration: News Office</span></figcaption>");
  });

  it("falls back to the photo's own alt text when the placement has none", () => {
    expect(render({ type: "image", attrs: { mediaId: 7, alt: "", caption: "" } })).toContain('alt="Library at dusk"');
  });
});

describe("renderBody: what never reaches the output", () => {
  it("escapes text and attribute values", () => {
    expect(render(p(text(`<script>alert("x")</script> & 'q'`)))).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>",
    );
    const html = render({ type: "image", attrs: { mediaId: 7, alt: '"><img src=x onerror=alert(1)>', caption: "" } });
    expect(html).not.toContain("<img src=x");
    expect(html).toContain('alt="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example",
    "ftp://example.edu/file",
    "news/relative",
  ])("drops the link but keeps its text for %j", (href) => {
    expect(link(href)).toBe("<p>x</p>");
  });

  it("drops unknown nodes together with everything inside them", () => {
    const html = render(
      p(text("kept")),
      { type: "script", content: [text("alert(1)")] },
      { type: "iframe", attrs: { src: "https://evil.example" } },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "mention", attrs: { id: "x" }, content: [text("gone")] }] },
    );
    expect(html).toBe("<p>kept</p><h2></h2>");
  });

  it("ignores unknown marks but keeps their text escaped", () => {
    expect(render(p(text("<u>", [{ type: "underline" }, { type: "textStyle", attrs: { style: "x" } }])))).toBe(
      "<p>&lt;u&gt;</p>",
    );
  });

  it("drops a photograph whose media is unknown, and anything that is not a document", () => {
    expect(render({ type: "image", attrs: { mediaId: 999, alt: "x", caption: "y" } })).toBe("");
    expect(render({ type: "image", attrs: { mediaId: "7 or 1=1", alt: "x" } })).toBe("");
    expect(renderBody(null, lookup)).toBe("");
    expect(renderBody("<p>raw html</p>", lookup)).toBe("");
  });

  it("clamps heading levels to the two the body allows", () => {
    expect(render({ type: "heading", attrs: { level: 1 }, content: [text("x")] })).toBe("<h2>x</h2>");
    expect(render({ type: "heading", attrs: { level: '3" onclick="x' }, content: [text("x")] })).toBe("<h2>x</h2>");
  });
});

describe("helpers", () => {
  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("bodyMediaIds and bodyText walk the whole tree", () => {
    const body = doc(p(text("One two")), { type: "image", attrs: { mediaId: 7, caption: "A cap" } }, {
      type: "bulletList",
      content: [{ type: "listItem", content: [p(text("three"))] }],
    });
    expect(bodyMediaIds(body)).toEqual([7]);
    expect(bodyText(body)).toBe("One two A cap three");
  });

  it("safeLinkHref normalises allowed URLs", () => {
    expect(safeLinkHref("HTTPS://Example.edu")).toBe("https://example.edu/");
    expect(safeLinkHref(42)).toBeNull();
    expect(safeLinkHref("")).toBeNull();
  });
});
