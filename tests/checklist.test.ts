import { describe, expect, it } from "vitest";
import { altProblem, classifyLink, vagueLinkText } from "@/lib/articles/checklist-rules";
import { blockerReasons, linkedArticleSlugs, runChecklist, type ChecklistInput } from "@/lib/articles/checklist";
import { walkBody } from "@/lib/articles/checklist-walk";
import { getSchema } from "@tiptap/core";
import { bodyExtensions } from "@/components/newsroom/editor/extensions";

/*
 * The checklist's rules, one by one, with their edge cases; the workflow's refusals are in
 * tests/checklist-workflow.test.ts.
 */

const SITE = "https://news.example.edu";
const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const link = (href: string) => ({ type: "link", attrs: { href } });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const h = (level: number, t: string) => ({ type: "heading", attrs: { level }, content: t ? [text(t)] : [] });
const photo = (mediaId: number, alt: string) => ({ type: "image", attrs: { mediaId, alt, caption: "", credit: null } });
const doc = (...content: unknown[]) => ({ type: "doc", content });

const good: ChecklistInput = {
  title: "Glaciologists map the retreat of the ice",
  standfirst: "A field team spent the summer measuring how fast the glacier lost its ice.",
  body: doc(h(2, "On the ice"), p(text("Read "), text("the report", [link("/news/report")]), text(".")), photo(3, "Two researchers on a glacier")),
  topicIds: [1],
  leadMediaId: 3,
  leadAlt: "Library alt",
  siteUrl: SITE,
  liveSlugs: new Map([["report", true]]),
};
const check = (over: Partial<ChecklistInput>) => runChecklist({ ...good, ...over });
const failing = (over: Partial<ChecklistInput>) => check(over).filter((i) => !i.passed).map((i) => i.id);
const one = (over: Partial<ChecklistInput>, id: string) => check(over).find((i) => i.id === id)!;

describe("photo alt text", () => {
  it.each([
    ["", /no alt text/],
    ["   ", /no alt text/],
    ["IMG_0042.jpg", /looks like a file name/],
    ["img_0042", /looks like a file name/],
    ["DSC01234", /looks like a file name/],
    ["PXL_20240501_123456", /looks like a file name/],
    ["glacier-final.JPEG", /looks like a file name/],
    ["photo_final_v2", /looks like a file name/],
    ["20240501-1234", /looks like a file name/],
    ["Image", /does not say what the photo shows/],
    ["PHOTO.", /does not say what the photo shows/],
    ["picture", /does not say what the photo shows/],
    ["img", /looks like a file name|does not say/],
    ["Alt text", /does not say what the photo shows/],
    ["cat", /too short/],
    ["Dog", /too short/],
  ])("%j is refused", (alt, why) => {
    expect(altProblem(alt)).toMatch(why);
  });

  it.each(["A ferry at the quay", "COVID-19 testing tent on the lawn", "Dr. Lee", "Photo of the new library at dusk", "Image of a cell under the microscope"])("%j is a description", (alt) => {
    expect(altProblem(alt)).toBeNull();
  });

  it("names each photo that fails, and blocks", () => {
    const item = one({ body: doc(photo(1, "A ferry at the quay"), photo(2, "IMG_0042.jpg"), photo(3, "")), leadMediaId: 1 }, "photo-alt");
    expect(item).toMatchObject({ level: "blocker", passed: false });
    expect(item.where?.map((w) => w.detail)).toEqual(["Photo 2: the alt text “IMG_0042.jpg” looks like a file name; say what the photo shows.", "Photo 3: it has no alt text."]);
    expect(item.where?.map((w) => w.kind)).toEqual(["photo", "photo"]);
  });

  it("checks the lead's alt text only when the body does not place it", () => {
    expect(failing({ leadMediaId: 9, leadAlt: "" })).toContain("photo-alt");
    expect(one({ leadMediaId: 9, leadAlt: "" }, "photo-alt").where?.[0]).toMatchObject({ kind: "lead", detail: expect.stringContaining("lead image needs alt text") });
    expect(one({ leadMediaId: 9, leadAlt: "lead.png" }, "photo-alt").where?.[0]?.detail).toMatch(/^The lead image: the alt text “lead.png” looks like a file name/);
    // Placed in the body: the placement's words are what readers get, and they are checked there.
    expect(failing({ leadMediaId: 3, leadAlt: "" })).not.toContain("photo-alt");
  });
});

describe("headings", () => {
  it("passes levels that start at 2 and skip none", () => {
    expect(failing({ body: doc(h(2, "A"), h(3, "B"), h(2, "C"), h(3, "D"), p(text("x"))) })).not.toContain("headings");
  });

  it("warns when the first heading is level 3, a level is skipped, or a heading is empty", () => {
    const item = one({ body: doc(h(3, "Results"), p(text("x")), h(2, ""), h(2, "Method")) }, "headings");
    expect(item).toMatchObject({ level: "warning", passed: false });
    expect(item.where?.map((w) => w.detail)).toEqual(["“Results” is a level-3 heading, but the body’s first heading should be level 2.", "Heading 2 is empty."]);
    // Levels the schema does not allow today are still judged by the same rule.
    expect(one({ body: doc(h(2, "A"), h(4, "B")) }, "headings").where?.[0]?.detail).toBe("“B” jumps from level 2 to level 4.");
  });
});

describe("links", () => {
  it.each(["click here", "Click Here!", "here", "read more", "Read more…", "link", "more"])("link text %j warns", (t) => {
    expect(vagueLinkText(t, "/news/x")).toBe("does not say where it goes");
  });
  it("warns about a bare address as link text, and not about a real description", () => {
    expect(vagueLinkText("https://example.org/report", "https://example.org/report")).toMatch(/bare address/);
    expect(vagueLinkText("www.example.org", "https://www.example.org/")).toMatch(/bare address/);
    expect(vagueLinkText("the 2024 annual report", "/news/report")).toBeNull();
    expect(vagueLinkText("where the ferries go", "/news/ferries")).toBeNull();
  });

  it("knows the newsroom and other private paths, on this site's host or relative", () => {
    expect(classifyLink("/newsroom", SITE)).toEqual({ kind: "newsroom", path: "/newsroom" });
    expect(classifyLink("/newsroom/articles/4?x=1", SITE)).toEqual({ kind: "newsroom", path: "/newsroom/articles/4" });
    expect(classifyLink("/login", SITE)?.kind).toBe("newsroom");
    expect(classifyLink("/api/media/abc", SITE)?.kind).toBe("newsroom");
    expect(classifyLink("/review/tok123", SITE)?.kind).toBe("newsroom");
    expect(classifyLink("http://NEWS.example.edu/Newsroom/x", SITE)?.kind).toBe("newsroom");
    expect(classifyLink("https://other.example.org/newsroom", SITE)).toBeNull();
    expect(classifyLink("/newsroomy", SITE)).toBeNull();
    expect(classifyLink("/apiary-tour", SITE)).toBeNull();
    expect(classifyLink("mailto:press@example.edu", SITE)).toBeNull();
  });

  it("finds article links by slug, with the site's host or without, and nothing else", () => {
    expect(classifyLink("/news/ice-core", SITE)).toEqual({ kind: "article", slug: "ice-core" });
    expect(classifyLink("https://news.example.edu/news/ice-core/#facts", SITE)).toEqual({ kind: "article", slug: "ice-core" });
    expect(classifyLink("/news", SITE)).toBeNull();
    expect(classifyLink("/news?page=2", SITE)).toBeNull();
    expect(classifyLink("/topics/research", SITE)).toEqual({ kind: "topic", slug: "research" });
    expect(classifyLink("https://news.example.edu/topics/Research/page/2", SITE)).toEqual({ kind: "topic", slug: "research" });
    expect(classifyLink("/topics", SITE)).toBeNull();
    expect(classifyLink("https://elsewhere.org/news/ice-core", SITE)).toBeNull();
    const body = doc(p(text("a", [link("/news/one")]), text("b", [link(`${SITE}/news/two`)]), text("c", [link("/news/one")]), text("d", [link("https://x.org/news/three")])));
    expect(linkedArticleSlugs(body, SITE)).toEqual(["one", "two"]);
  });

  it("blocks links into the newsroom and to articles that are not live; unknown slugs wait for the lookup", () => {
    const body = doc(p(text("our dashboard", [link("/newsroom")]), text(" and "), text("the draft", [link("/news/draft-piece")]), text(" and "), text("the other", [link("/news/unknown")])));
    const items = check({ body, liveSlugs: new Map([["draft-piece", false]]) });
    expect(items.find((i) => i.id === "newsroom-links")?.where?.map((w) => w.detail)).toEqual(["The link “our dashboard” goes to /newsroom, which readers cannot open."]);
    expect(items.find((i) => i.id === "unpublished-links")?.where?.map((w) => w.detail)).toEqual(["The link “the draft” goes to /news/draft-piece, which is not published."]);
    expect(items.find((i) => i.id === "link-text")?.passed).toBe(true);
  });

  it("treats a link split by bold as one link", () => {
    const body = doc(p(text("click ", [link("/news/a")]), text("here", [link("/news/a"), { type: "bold" }]), text(" now")));
    const parts = walkBody(body);
    expect(parts.links).toEqual([{ href: "/news/a", text: "click here", from: 1, to: 11 }]);
    expect(one({ body }, "link-text").where?.[0]?.detail).toBe("The link “click here” does not say where it goes.");
  });
});

describe("lengths, lead image, topics, title and body", () => {
  it("warns about titles outside 20–70 characters", () => {
    expect(one({ title: "Short" }, "title-length")).toMatchObject({ level: "warning", passed: false, message: expect.stringContaining("5 characters") });
    expect(one({ title: "x".repeat(71) }, "title-length").message).toMatch(/71 characters; search results cut it after about 70/);
    expect(one({ title: "x".repeat(70) }, "title-length").passed).toBe(true);
    expect(one({ title: "x".repeat(20) }, "title-length").passed).toBe(true);
  });

  it("warns about standfirsts outside 50–200 characters, and an empty one", () => {
    expect(one({ standfirst: "" }, "standfirst-length").message).toMatch(/^Write a standfirst/);
    expect(one({ standfirst: "x".repeat(49) }, "standfirst-length").passed).toBe(false);
    expect(one({ standfirst: "x".repeat(50) }, "standfirst-length").passed).toBe(true);
    expect(one({ standfirst: "x".repeat(200) }, "standfirst-length").passed).toBe(true);
    expect(one({ standfirst: "x".repeat(201) }, "standfirst-length").message).toMatch(/201 characters/);
  });

  it("warns without a lead image and blocks without a topic, a title or a body", () => {
    expect(one({ leadMediaId: null }, "lead-image")).toMatchObject({ level: "warning", passed: false });
    expect(one({ topicIds: [] }, "topics")).toMatchObject({ level: "blocker", passed: false, message: "Choose at least one topic." });
    expect(one({ title: "  " }, "title")).toMatchObject({ level: "blocker", passed: false, message: "Give the article a title." });
    expect(one({ body: doc(p()) }, "body")).toMatchObject({ level: "blocker", passed: false, message: "Write the body." });
    // A photo with a caption is text readers see.
    expect(one({ body: doc({ type: "image", attrs: { mediaId: 1, alt: "A ferry at the quay", caption: "The ferry" } }) }, "body").passed).toBe(true);
  });

  it("passes a good article whole, and says why a bad one is blocked", () => {
    expect(failing({})).toEqual([]);
    const reasons = blockerReasons(check({ topicIds: [], body: doc(p(text("x")), photo(1, "IMG_1.png")), leadMediaId: null, title: "x" }));
    expect(reasons).toEqual(["Choose at least one topic.", "Photo 1: the alt text “IMG_1.png” looks like a file name; say what the photo shows."]);
  });

  it("copes with bodies that are not documents", () => {
    for (const body of [null, "text", 42, { type: "paragraph" }, { type: "doc", content: "nope" }]) {
      expect(one({ body }, "body").passed).toBe(false);
    }
  });
});

describe("positions", () => {
  it("match the editor's own ProseMirror positions", () => {
    const body = doc(h(2, "Intro"), p(text("See "), text("the map", [link("/news/map")]), text(".")), { type: "bulletList", content: [{ type: "listItem", content: [p(text("x", [link("/x")]))] }] }, photo(4, "A map of the glacier"));
    const node = getSchema(bodyExtensions()).nodeFromJSON(body);
    const parts = walkBody(body);
    const found: { kind: string; pos: number }[] = [];
    node.descendants((n, pos) => {
      if (n.type.name === "heading") found.push({ kind: "heading", pos });
      if (n.type.name === "image") found.push({ kind: "photo", pos });
      if (n.isText && n.marks.some((m) => m.type.name === "link")) found.push({ kind: "link", pos });
    });
    expect(found).toEqual([
      { kind: "heading", pos: parts.headings[0]!.pos },
      { kind: "link", pos: parts.links[0]!.from },
      { kind: "link", pos: parts.links[1]!.from },
      { kind: "photo", pos: parts.photos[0]!.pos },
    ]);
    expect(node.textBetween(parts.links[0]!.from, parts.links[0]!.to)).toBe("the map");
  });
});

describe("links to topic pages", () => {
  const linking = (href: string) => doc(p(text("More in "), text("the research section", [link(href)]), text(".")));
  const topicSlugs = new Set(["research", "campus-life"]);

  it("flags a link to a topic the site does not have, as a blocker naming the address", () => {
    const item = one({ body: linking("/topics/reserch"), topicSlugs }, "unpublished-links");
    expect(item.passed).toBe(false);
    expect(item.level).toBe("blocker");
    expect(item.where?.map((w) => w.detail)).toEqual(["The link “the research section” goes to /topics/reserch, which is not one of the site's topics."]);
  });

  it("passes links to the site's topics, their numbered pages and with the site's host", () => {
    for (const href of ["/topics/research", "/topics/campus-life/page/2", "https://news.example.edu/topics/research/"]) {
      expect(failing({ body: linking(href), topicSlugs })).not.toContain("unpublished-links");
    }
  });

  it("checks nothing about topic links when the topics are not known", () => {
    expect(failing({ body: linking("/topics/reserch") })).not.toContain("unpublished-links");
  });
});
