import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the FTS5 index, its triggers and the ranked search against a fresh database.
let cleanup: () => Promise<void>;
let search: typeof import("@/db/queries/search");
let query: typeof import("@/lib/search/query");
let db: typeof import("@/db/client");
let schema: typeof import("@/db/schema");
let publish: (slug: string, title: string, text: string, opts?: { standfirst?: string; caption?: string }) => number;
const marks = { open: "[", close: "]" };

function find(q: string) {
  const match = query.toMatchExpression(q);
  if (!match) return [];
  return search.searchPublished(match, marks, 50, 0);
}
const slugs = (q: string) => find(q).map((h) => h.card.slug);

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  db = await import("@/db/client");
  schema = await import("@/db/schema");
  search = await import("@/db/queries/search");
  query = await import("@/lib/search/query");
  const { writePublication } = await import("@/db/queries/publish");
  const s = schema;
  const ids = db.immediate((tx) => {
    const reviser = tx.insert(s.users).values({ email: "r@example.edu", name: "Rae", role: "reviser" }).returning().get().id;
    const topic = tx.insert(s.topics).values({ slug: "research", name: "Research" }).returning().get().id;
    const photo = tx
      .insert(s.media)
      .values({ fileKey: "photo00000001", mimeType: "image/jpeg", width: 1600, height: 1000, bytes: 1, alt: "a" })
      .returning()
      .get().id;
    return { reviser, topic, photo };
  });
  let day = 1;
  publish = (slug, title, text, opts = {}) =>
    db.immediate((tx) => {
      const body = {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text }] },
          ...(opts.caption ? [{ type: "image", attrs: { mediaId: ids.photo, alt: "x", caption: opts.caption } }] : []),
        ],
      };
      const a = tx.insert(s.articles).values({ slug, title, standfirst: opts.standfirst ?? "", body, status: "published" }).returning().get();
      tx.insert(s.articleTopics).values({ articleId: a.id, topicId: ids.topic }).run();
      writePublication(tx, { articleId: a.id, reviserId: ids.reviser, at: new Date(Date.UTC(2026, 0, day++)), bodyMediaIds: opts.caption ? [ids.photo] : [] });
      return a.id;
    });
  publish("in-body", "A quiet week on campus", "The harbour mussels were measured again by the marine station.");
  publish("in-title", "Harbour mussels carry fewer microplastics", "A survey of the bay.");
  publish("in-standfirst", "Survey results", "Nothing more.", { standfirst: "Mussels in the harbour, again." });
  publish("accented", "Zoë Brontë opens the café", "Crème brûlée for everyone at the opening.");
  publish("chinese", "Visiting scholars", "大学新闻 was the headline in the partner paper.");
  publish("hyphen", "State-of-the-art laboratory opens", "Climate-change research gets a new home.");
  publish("captioned", "Photo essay", "Pictures from the week.", { caption: "Lanterns reflected in the canal" });
  db.immediate((tx) => {
    const draft = tx
      .insert(s.articles)
      .values({ slug: "draft-harbour", title: "Secret harbour plans", body: { type: "doc", content: [] }, status: "draft" })
      .returning()
      .get();
    return draft.id;
  });
});

afterAll(() => cleanup());

describe("search finds live articles, ranked", () => {
  it("ranks a title match above a standfirst match above a body match", () => {
    expect(slugs("harbour mussels")).toEqual(["in-title", "in-standfirst", "in-body"]);
  });

  it("never finds a draft", () => {
    expect(slugs("secret")).toEqual([]);
    expect(slugs("harbour")).not.toContain("draft-harbour");
  });

  it("searches captions and topics, folds accents and stems English", () => {
    expect(slugs("lanterns canal")).toEqual(["captioned"]);
    expect(slugs("research")).toContain("in-body"); // every article is in the Research topic
    expect(slugs("zoe bronte cafe")).toEqual(["accented"]);
    expect(slugs("creme brulee")).toEqual(["accented"]);
    expect(slugs("measure")).toEqual(["in-body"]); // "measured"
  });

  it("treats hyphenated words and quoted text as phrases", () => {
    expect(slugs("state-of-the-art")).toEqual(["hyphen"]);
    expect(slugs('"climate change"')).toEqual(["hyphen"]);
    expect(slugs('"change climate"')).toEqual([]);
  });

  it("finds Chinese text by its beginning", () => {
    expect(slugs("大学")).toEqual(["chinese"]);
    expect(slugs("大学新闻")).toEqual(["chinese"]);
  });

  it("highlights the matched words in the title and the snippet", () => {
    const [hit] = find("microplastics");
    expect(hit!.title).toBe("Harbour mussels carry fewer [microplastics]");
    const [bodyHit] = find("marine");
    expect(bodyHit!.snippet).toContain("[marine]");
  });

  it.each(['"', "*", "NEAR", "NEAR(a b, 2)", "(", ")", "a AND", "OR", "-", "^x", "col:x", '"a" NEAR/3 "b"', "大学\"*(", "'", "\\", "%_", "\u0000"])(
    "input %j never raises an error",
    (input) => {
      const match = query.toMatchExpression(input);
      if (match) {
        expect(() => search.countSearch(match)).not.toThrow();
        expect(() => search.searchPublished(match, marks, 10, 0)).not.toThrow();
      }
    },
  );
});

describe("the index follows publishing at once", () => {
  it("adds, updates and removes rows with the publication", async () => {
    const { writePublication } = await import("@/db/queries/publish");
    const { eq } = await import("drizzle-orm");
    const id = publish("follow-me", "Glacier expedition returns", "Ice cores from the north.");
    expect(slugs("glacier")).toEqual(["follow-me"]);

    // An edit going live replaces the indexed text.
    db.immediate((tx) => {
      tx.update(schema.articles).set({ title: "Fjord expedition returns" }).where(eq(schema.articles.id, id)).run();
      const reviser = tx.select().from(schema.users).get()!;
      writePublication(tx, { articleId: id, reviserId: reviser.id, at: new Date(), bodyMediaIds: [] });
    });
    expect(slugs("glacier")).toEqual([]);
    expect(slugs("fjord")).toEqual(["follow-me"]);

    // Unpublishing removes it.
    db.immediate((tx) => tx.delete(schema.publications).where(eq(schema.publications.articleId, id)).run());
    expect(slugs("fjord")).toEqual([]);
  });

  it("follows a topic rename", async () => {
    const { eq } = await import("drizzle-orm");
    db.immediate((tx) => tx.update(schema.topics).set({ name: "Oceanography" }).where(eq(schema.topics.slug, "research")).run());
    expect(slugs("oceanography").length).toBeGreaterThanOrEqual(7);
  });

  it("counts matches for pagination", () => {
    expect(search.countSearch(query.toMatchExpression("harbour")!)).toBe(3);
    const page2 = search.searchPublished(query.toMatchExpression("harbour")!, marks, 2, 2);
    expect(page2.map((h) => h.card.slug)).toEqual(["in-body"]);
  });
});
