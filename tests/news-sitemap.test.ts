import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the Google News sitemap lists live articles of the last 48 hours and nothing else.
let cleanup: () => Promise<void>;
let build: typeof import("@/lib/public/news-sitemap").buildNewsSitemap;
const NOW = new Date("2026-12-01T12:00:00Z");

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  const { immediate, returned } = await import("@/db/client");
  const s = await import("@/db/tables");
  const { writePublication } = await import("@/db/queries/publish");
  ({ buildNewsSitemap: build } = await import("@/lib/public/news-sitemap"));
  const { rae } = await addStaff([["rae", "reviser"]] as const);
  await immediate(async (db) => {
    const make = async (slug: string, title: string, status: "published" | "draft", hoursAgo: number) => {
      const a = returned(await db.insert(s.articles).values({ slug, title, body: { type: "doc", content: [] }, status }).returning());
      if (status === "published") await writePublication(db, { articleId: a.id, reviserId: rae!.id, at: new Date(NOW.getTime() - hoursAgo * 3600_000), bodyMediaIds: [] });
    };
    await make("fresh", `Fish & chips <b>"fresh"</b>`, "published", 2);
    await make("yesterday", "Yesterday's news", "published", 30);
    await make("old", "Last week", "published", 49);
    await make("draft", "Not yet", "draft", 0);
  });
});
afterAll(() => cleanup());

describe("/news-sitemap.xml", () => {
  it("lists live articles published in the last 48 hours, newest first, with the news: fields", async () => {
    const xml = await build(NOW);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(["http://localhost:3000/news/fresh", "http://localhost:3000/news/yesterday"]);
    expect(xml).toContain("<news:publication_date>2026-12-01T10:00:00.000Z</news:publication_date>");
    expect(xml).toContain("<news:name>Halden University News</news:name><news:language>en</news:language>");
  });

  it("escapes titles and never lists a draft or an older article", async () => {
    const xml = await build(NOW);
    expect(xml).toContain("<news:title>Fish &amp; chips &lt;b&gt;&quot;fresh&quot;&lt;/b&gt;</news:title>");
    expect(xml).not.toContain("Not yet");
    expect(xml).not.toContain("Last week");
  });
});
