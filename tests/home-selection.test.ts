import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the home page's selection against a fresh migrated SQLite file.
let cleanup: () => Promise<void>;
let home: typeof import("@/lib/public/home");
const topicOf = new Map<string, string[]>();

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  const { immediate, returned } = await import("@/db/client");
  const s = await import("@/db/tables");
  const { writePublication } = await import("@/db/queries/publish");
  home = await import("@/lib/public/home");

  await immediate(async (db) => {
    const drafter = returned(await db.insert(s.users).values({ email: "d@example.edu", name: "Dana Drafter", role: "drafter" }).returning());
    const reviser = returned(await db.insert(s.users).values({ email: "r@example.edu", name: "Rae Reviser", role: "reviser" }).returning());
    const topic = async (slug: string, position: number) => returned(await db.insert(s.topics).values({ slug, name: slug, position }).returning()).id;
    const topics = new Map([["research", await topic("research", 0)], ["arts", await topic("arts", 1)], ["sport", await topic("sport", 2)], ["empty", await topic("empty", 3)]]);
    let day = 1;
    const make = async (slug: string, slugs: string[], status: "published" | "draft" = "published") => {
      const a = returned(await db.insert(s.articles).values({ slug, title: slug, body: { type: "doc", content: [] }, status }).returning());
      await db.insert(s.articleDrafters).values({ articleId: a.id, userId: drafter.id });
      await db.insert(s.articleTopics).values(slugs.map((t, position) => ({ articleId: a.id, topicId: topics.get(t)!, position })));
      topicOf.set(slug, slugs);
      if (status === "published") await writePublication(db, { articleId: a.id, reviserId: reviser.id, at: new Date(Date.UTC(2026, 0, day++)), bodyMediaIds: [] });
    };
    // Oldest first: 8 research pieces (two also arts), 4 arts pieces, 1 sport piece that will be
    // among the 9 latest, and a research draft newer than everything.
    for (let i = 0; i < 8; i++) await make(`research-${i}`, i < 2 ? ["research", "arts"] : ["research"]);
    for (let i = 0; i < 4; i++) await make(`arts-${i}`, ["arts"]);
    await make("sport-0", ["sport"]);
    await make("research-draft", ["research"], "draft");
  });
});

afterAll(() => cleanup());

describe("home page selection", () => {
  it("shows every article at most once across lead, latest news and topic sections", async () => {
    const { lead, latest, sections } = await home.selectHomePage();
    const slugs = [lead!.slug, ...latest.map((c) => c.slug), ...sections.flatMap((s) => s.cards.map((c) => c.slug))];
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).not.toContain("research-draft");
    // 13 live articles: all of them fit (9 latest + the 4 left over in topic sections).
    expect(slugs).toHaveLength(13);
  });

  it("fills topic sections with that topic's next articles, newest first, and omits emptied topics", async () => {
    const { lead, latest, sections } = await home.selectHomePage();
    expect(lead!.slug).toBe("sport-0");
    expect(latest).toHaveLength(8);
    // The 9 latest are sport-0, arts-3…0 and research-7…4; research-3…0 are left.
    const research = sections.find((s) => s.topic.slug === "research");
    expect(research?.cards.map((c) => c.slug)).toEqual(["research-3", "research-2", "research-1", "research-0"]);
    // research-1 and research-0 are arts too, but already shown in Research: arts has nothing left.
    expect(sections.map((s) => s.topic.slug)).toEqual(["research"]);
    for (const section of sections) for (const card of section.cards) expect(topicOf.get(card.slug)).toContain(section.topic.slug);
  });

  it("leads with the newest of the latest that has a photograph, the others in order", () => {
    const card = (slug: string, photo: boolean) =>
      ({ articleId: slug.length, slug, title: slug, standfirst: "", publishedAt: "", topic: null, lead: photo ? ({ id: 1 } as never) : null }) as import("@/db/queries/public").PublicCard;
    const picked = home.pickLead([card("a", false), card("bb", true), card("ccc", true)]);
    expect(picked.lead?.slug).toBe("bb");
    expect(picked.latest.map((c) => c.slug)).toEqual(["a", "ccc"]);
    expect(home.pickLead([card("a", false), card("bb", false)]).lead?.slug).toBe("a");
    expect(home.pickLead([]).lead).toBeNull();
  });
});
