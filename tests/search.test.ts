import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the FTS5 index, its triggers and the ranked search against a fresh database.
let cleanup: () => Promise<void>;
let search: typeof import("@/db/queries/search");
let query: typeof import("@/lib/search/query");
let db: typeof import("@/db/client");
let schema: typeof import("@/db/tables");
let publish: (slug: string, title: string, text: string, opts?: { standfirst?: string; caption?: string }) => Promise<number>;
const marks = { open: "[", close: "]" };

async function find(q: string) {
  const match = query.toMatchExpression(q);
  if (!match) return [];
  return await search.searchPublished(match, marks, 50, 0);
}
const slugs = async (q: string) => (await find(q)).map((h) => h.card.slug);

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  db = await import("@/db/client");
  schema = await import("@/db/tables");
  search = await import("@/db/queries/search");
  query = await import("@/lib/search/query");
  const { writePublication } = await import("@/db/queries/publish");
  const s = schema;
  const ids = await db.immediate(async (tx) => {
    const reviser = db.returned(await tx.insert(s.users).values({ email: "r@example.edu", name: "Rae", role: "reviser" }).returning()).id;
    const topic = db.returned(await tx.insert(s.topics).values({ slug: "research", name: "Research" }).returning()).id;
    const photo = db.returned(await tx
          .insert(s.media)
          .values({ fileKey: "photo00000001", mimeType: "image/jpeg", width: 1600, height: 1000, bytes: 1, alt: "a" })
          .returning()).id;
    return { reviser, topic, photo };
  });
  let day = 1;
  publish = async (slug, title, text, opts = {}) =>
    await db.immediate(async (tx) => {
      const body = {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text }] },
          ...(opts.caption ? [{ type: "image", attrs: { mediaId: ids.photo, alt: "x", caption: opts.caption } }] : []),
        ],
      };
      const a = db.returned(await tx.insert(s.articles).values({ slug, title, standfirst: opts.standfirst ?? "", body, status: "published" }).returning());
      await tx.insert(s.articleTopics).values({ articleId: a.id, topicId: ids.topic });
      await writePublication(tx, { articleId: a.id, reviserId: ids.reviser, at: new Date(Date.UTC(2026, 0, day++)), bodyMediaIds: opts.caption ? [ids.photo] : [] });
      return a.id;
    });
  await publish("in-body", "A quiet week on campus", "The harbour mussels were measured again by the marine station.");
  await publish("in-title", "Harbour mussels carry fewer microplastics", "A survey of the bay.");
  await publish("in-standfirst", "Survey results", "Nothing more.", { standfirst: "Mussels in the harbour, again." });
  await publish("accented", "Zoë Brontë opens the café", "Crème brûlée for everyone at the opening.");
  await publish("chinese", "Visiting scholars", "大学新闻 was the headline in the partner paper.");
  await publish("hyphen", "State-of-the-art laboratory opens", "Climate-change research gets a new home.");
  await publish("captioned", "Photo essay", "Pictures from the week.", { caption: "Lanterns reflected in the canal" });
  await db.immediate(async (tx) => {
    const draft = db.returned(await tx
          .insert(s.articles)
          .values({ slug: "draft-harbour", title: "Secret harbour plans", body: { type: "doc", content: [] }, status: "draft" })
          .returning());
    return draft.id;
  });
});

afterAll(() => cleanup());

describe("search finds live articles, ranked", () => {
  it("ranks a title match above a standfirst match above a body match", async () => {
    expect(await slugs("harbour mussels")).toEqual(["in-title", "in-standfirst", "in-body"]);
  });

  it("never finds a draft", async () => {
    expect(await slugs("secret")).toEqual([]);
    expect(await slugs("harbour")).not.toContain("draft-harbour");
  });

  it("searches captions and topics, folds accents and stems English", async () => {
    expect(await slugs("lanterns canal")).toEqual(["captioned"]);
    expect(await slugs("research")).toContain("in-body"); // every article is in the Research topic
    expect(await slugs("zoe bronte cafe")).toEqual(["accented"]);
    expect(await slugs("creme brulee")).toEqual(["accented"]);
    expect(await slugs("measure")).toEqual(["in-body"]); // "measured"
  });

  it("treats hyphenated words and quoted text as phrases", async () => {
    expect(await slugs("state-of-the-art")).toEqual(["hyphen"]);
    expect(await slugs('"climate change"')).toEqual(["hyphen"]);
    expect(await slugs('"change climate"')).toEqual([]);
  });

  it("finds Chinese text by its beginning", async () => {
    expect(await slugs("大学")).toEqual(["chinese"]);
    expect(await slugs("大学新闻")).toEqual(["chinese"]);
  });

  it("highlights the matched words in the title and the snippet", async () => {
    const [hit] = await find("microplastics");
    expect(hit!.title).toBe("Harbour mussels carry fewer [microplastics]");
    const [bodyHit] = await find("marine");
    expect(bodyHit!.snippet).toContain("[marine]");
  });

  it.each(['"', "*", "NEAR", "NEAR(a b, 2)", "(", ")", "a AND", "OR", "-", "^x", "col:x", '"a" NEAR/3 "b"', "大学\"*(", "'", "\\", "%_", "\u0000"])(
    "input %j never raises an error",
    async (input) => {
      const match = query.toMatchExpression(input);
      if (match) {
        await expect(search.countSearch(match)).resolves.toBeTypeOf("number");
        await expect(search.searchPublished(match, marks, 10, 0)).resolves.toBeInstanceOf(Array);
      }
    },
  );
});

describe("the index follows publishing at once", () => {
  it("adds, updates and removes rows with the publication", async () => {
    const { writePublication } = await import("@/db/queries/publish");
    const { eq } = await import("drizzle-orm");
    const id = await publish("follow-me", "Glacier expedition returns", "Ice cores from the north.");
    expect(await slugs("glacier")).toEqual(["follow-me"]);

    // An edit going live replaces the indexed text.
    await db.immediate(async (tx) => {
      await tx.update(schema.articles).set({ title: "Fjord expedition returns" }).where(eq(schema.articles.id, id));
      const reviser = (await tx.select().from(schema.users))[0]!;
      await writePublication(tx, { articleId: id, reviserId: reviser.id, at: new Date(), bodyMediaIds: [] });
    });
    expect(await slugs("glacier")).toEqual([]);
    expect(await slugs("fjord")).toEqual(["follow-me"]);

    // Unpublishing removes it.
    await db.immediate(async (tx) => await tx.delete(schema.publications).where(eq(schema.publications.articleId, id)));
    expect(await slugs("fjord")).toEqual([]);
  });

  it("follows a topic rename", async () => {
    const { eq } = await import("drizzle-orm");
    await db.immediate(async (tx) => await tx.update(schema.topics).set({ name: "Oceanography" }).where(eq(schema.topics.slug, "research")));
    expect((await slugs("oceanography")).length).toBeGreaterThanOrEqual(7);
  });

  it("counts matches for pagination", async () => {
    expect(await search.countSearch(query.toMatchExpression("harbour")!)).toBe(3);
    const page2 = await search.searchPublished(query.toMatchExpression("harbour")!, marks, 2, 2);
    expect(page2.map((h) => h.card.slug)).toEqual(["in-body"]);
  });
});
