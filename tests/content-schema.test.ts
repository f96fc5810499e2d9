import { getSchema } from "@tiptap/core";
import type { ContentMatch, NodeType, Schema } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { bodyExtensions } from "@/components/newsroom/editor/extensions";
import { RENDERED_MARKS, RENDERED_NODES, renderBody } from "@/lib/content/render";
import { BODY_MARKS, BODY_NODES, INLINE_NODES } from "@/lib/content/schema";
import type { MediaInfo } from "@/lib/content/types";
import { validateBody } from "@/lib/content/validate";

/*
 * The editor, the server's allow-list and the renderer are built from one schema; this test is
 * what keeps them so. It reads the ProseMirror schema the editor really uses (getSchema needs no
 * DOM) and fails when the editor allows a node, mark, attribute or nesting that the validator
 * would refuse or the renderer could not draw.
 */

const editorSchema: Schema = getSchema(bodyExtensions());

/** Every node type that may appear directly inside `type`, by walking its content automaton. */
function childTypes(type: NodeType): Set<string> {
  const seen = new Set<ContentMatch>();
  const names = new Set<string>();
  const visit = (match: ContentMatch) => {
    if (seen.has(match)) return;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      visit(edge.next);
    }
  };
  visit(type.contentMatch);
  return names;
}

describe("the editor's schema is the body schema", () => {
  const nodes = Object.values(editorSchema.nodes);
  const marks = Object.values(editorSchema.marks);

  it.each(nodes.map((n) => [n.name, n] as const))("node %s is allowed, drawn, and holds only what the validator allows", (name, type) => {
    const spec = BODY_NODES.get(name);
    expect(spec, `${name} is missing from lib/content/schema.ts`).toBeDefined();
    expect(RENDERED_NODES.has(name), `${name} has no drawing in render.ts`).toBe(true);
    const allowed = spec!.content === "inline" ? INLINE_NODES : spec!.content === "none" ? [] : spec!.content;
    for (const child of childTypes(type)) expect(allowed, `${name} may hold ${child} in the editor`).toContain(child);
    for (const [attr, def] of Object.entries(type.spec.attrs ?? {})) {
      const rule = spec!.attrs.get(attr);
      expect(rule, `${name}.${attr} is made by the editor but refused by the validator`).toBeDefined();
      // What the editor stores when nothing was set must be accepted (required ones are always set).
      if (!rule!.required) expect(rule!.check(def.default), `${name}.${attr} default ${JSON.stringify(def.default)}`).toBeNull();
    }
  });

  it.each(marks.map((m) => [m.name, m] as const))("mark %s is allowed and drawn, with only allowed attributes", (name, type) => {
    const spec = BODY_MARKS.get(name);
    expect(spec, `${name} is missing from lib/content/schema.ts`).toBeDefined();
    expect(RENDERED_MARKS.has(name), `${name} has no drawing in render.ts`).toBe(true);
    for (const [attr, def] of Object.entries(type.spec.attrs ?? {})) {
      const rule = spec!.attrs.get(attr);
      expect(rule, `${name}.${attr} is made by the editor but refused by the validator`).toBeDefined();
      if (!rule!.required) expect(rule!.check(def.default), `${name}.${attr} default`).toBeNull();
    }
  });

  it("offers nothing the schema lacks, and the schema nothing the editor lacks", () => {
    expect(new Set(nodes.map((n) => n.name))).toEqual(new Set(BODY_NODES.keys()));
    expect(new Set(marks.map((m) => m.name))).toEqual(new Set(BODY_MARKS.keys()));
  });
});

describe("a document using every node and mark survives editor → validate → render", () => {
  const photo: MediaInfo = { id: 9, fileKey: "abcdef123456", width: 1200, height: 800, alt: "Library alt", caption: "Library caption", credit: "Library credit", focalX: 30, focalY: 70 };
  const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
  const p = (...content: unknown[]) => ({ type: "paragraph", content });
  const body = {
    type: "doc",
    content: [
      p(text("Plain, "), text("bold", [{ type: "bold" }]), text(" and "), text("italic", [{ type: "italic" }]), { type: "hardBreak" }, text("a link", [{ type: "link", attrs: { href: "https://example.edu/a?b=1" } }]), text(" with "), text("a comment", [{ type: "comment", attrs: { id: "c-abc123" } }])),
      { type: "heading", attrs: { level: 2 }, content: [text("Second level")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Third level")] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("bullet")), { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("nested"))] }] }] }] },
      { type: "orderedList", attrs: { start: 4 }, content: [{ type: "listItem", content: [p(text("fourth"))] }] },
      { type: "blockquote", content: [p(text("A quotation"))] },
      { type: "horizontalRule" },
      { type: "image", attrs: { mediaId: 9, alt: "Readers in the hall", caption: "The hall\nat night", credit: "Photo: A. Person" } },
    ],
  };

  it("uses every node and mark of the editor (so a new one must be added here)", () => {
    const used = { nodes: new Set<string>(["doc"]), marks: new Set<string>() };
    const walk = (n: { type: string; content?: unknown[]; marks?: { type: string }[] }) => {
      used.nodes.add(n.type);
      n.marks?.forEach((m) => used.marks.add(m.type));
      (n.content as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(body);
    expect(used.nodes).toEqual(new Set(Object.keys(editorSchema.nodes)));
    expect(used.marks).toEqual(new Set(Object.keys(editorSchema.marks)));
  });

  it("is a valid editor document, passes the validator unchanged, and renders every part", () => {
    const loaded = editorSchema.nodeFromJSON(body);
    loaded.check();
    // What the editor would save (with its defaults filled in) is what the server accepts.
    const saved = loaded.toJSON();
    const result = validateBody(saved);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const html = renderBody(saved, (id) => (id === photo.id ? photo : undefined));
    for (const tag of ["<strong>bold</strong>", "<em>italic</em>", "<br>", '<a href="https://example.edu/a?b=1">a link</a>', "<h2>Second level</h2>", "<h3>Third level</h3>", "<ul><li><p>bullet</p><ol>", '<ol start="4">', "<blockquote><p>A quotation</p></blockquote>", "<hr>"]) {
      expect(html).toContain(tag);
    }
    expect(html).toContain("a comment");
    expect(html).not.toContain("c-abc123");
    expect(html).toContain('alt="Readers in the hall"');
    expect(html).toContain('<figcaption>The hall<br>at night <span class="credit">Photo: A. Person</span></figcaption>');
  });

  it("a photo placed without its own credit shows the library's", () => {
    const saved = editorSchema.nodeFromJSON({ type: "doc", content: [{ type: "image", attrs: { mediaId: 9, alt: "A", caption: "C" } }] }).toJSON();
    expect(saved.content[0].attrs.credit).toBeNull();
    expect(validateBody(saved).ok).toBe(true);
    expect(renderBody(saved, () => photo)).toContain('<span class="credit">Library credit</span>');
  });

  it("the page's lead photo is not drawn again in the body", () => {
    const html = renderBody(body, () => photo, { leadMediaId: 9 });
    expect(html).not.toContain("<figure>");
    expect(renderBody(body, () => photo, { leadMediaId: 10 })).toContain("<figure>");
  });
});
