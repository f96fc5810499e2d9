import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/content/render";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the RSS documents (parsed back with rss-parser) and the sitemap's data.
let cleanup: () => Promise<void>;
let feeds: typeof import("@/lib/public/feeds");
let feedQ: typeof import("@/db/queries/feeds");
const ids = { topic: 0, other: 0, fileKey: "" };
const TRICKY = `Fish & chips <b>"quoted"</b> ]]> 'apostrophe' — Zoë`;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  const { immediate, returned } = await import("@/db/client");
  const s = await import("@/db/tables");
  const { writePublication } = await import("@/db/queries/publish");
  feeds = await import("@/lib/public/feeds");
  feedQ = await import("@/db/queries/feeds");
  // A real stored photo, so the enclosed JPEG size can be made and served like in production.
  const sharp = (await import("sharp")).default;
  const { storeOriginal } = await import("@/lib/media/store");
  const original = await storeOriginal(
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#3a6ea5" } }).png().toBuffer(),
  );
  ids.fileKey = original.fileKey;
  await immediate(async (db) => {
    const d1 = returned(await db.insert(s.users).values({ email: "d1@example.edu", name: "Dana Drafter", role: "drafter" }).returning()).id;
    const d2 = returned(await db.insert(s.users).values({ email: "d2@example.edu", name: "Ola Second", role: "drafter" }).returning()).id;
    const reviser = returned(await db.insert(s.users).values({ email: "r@example.edu", name: "Rae", role: "reviser" }).returning()).id;
    ids.topic = returned(await db.insert(s.topics).values({ slug: "research", name: "Research & Data", position: 0 }).returning()).id;
    ids.other = returned(await db.insert(s.topics).values({ slug: "events", name: "Events", position: 1 }).returning()).id;
    const photo = returned(await db
          .insert(s.media)
          .values({ ...original, alt: "A lab <bench>" })
          .returning()).id;
    const make = async (slug: string, title: string, status: "published" | "draft", topicId: number, day: number) => {
      const a = returned(await db
              .insert(s.articles)
              .values({ slug, title, standfirst: `${title} — summary`, body: { type: "doc", content: [] }, status, leadMediaId: photo })
              .returning());
      await db.insert(s.articleDrafters).values([{ articleId: a.id, userId: d1, position: 0 }, { articleId: a.id, userId: d2, position: 1 }]);
      await db.insert(s.articleTopics).values({ articleId: a.id, topicId });
      if (status === "published") await writePublication(db, { articleId: a.id, reviserId: reviser, at: new Date(Date.UTC(2026, 2, day, 10)), bodyMediaIds: [] });
    };
    await make("tricky", TRICKY, "published", ids.topic, 18);
    await make("event-one", "Open day", "published", ids.other, 10);
    await make("hidden-draft", "Not yet", "draft", ids.topic, 1);
  });
});

afterAll(() => cleanup());

describe("RSS feeds", () => {
  it("parse back with every field, correctly escaped", async () => {
    const entries = await feedQ.listFeedEntries(20);
    const xml = feeds.buildRss(
      { title: "Site", description: "Tagline & more", pagePath: "/", feedPath: "/feed.xml" },
      entries,
      await feeds.enclosureLengths(entries),
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = await new Parser({ customFields: { item: ["dc:creator", "enclosure", "content:encoded"] } }).parseString(xml);
    expect(parsed.title).toBe("Site");
    expect(parsed.description).toBe("Tagline & more");
    expect(parsed.link).toBe("http://localhost:3000/");
    expect(parsed.items).toHaveLength(2);
    const [first, second] = parsed.items;
    expect(first!.title).toBe(TRICKY);
    expect(first!.link).toBe("http://localhost:3000/news/tricky");
    expect(first!.guid).toBe("http://localhost:3000/news/tricky");
    expect(first!.content).toBe(escapeHtml(`${TRICKY} — summary`));
    expect(new Date(first!.pubDate!).toISOString()).toBe("2026-03-18T10:00:00.000Z");
    expect(first!.categories).toEqual(["Research & Data"]);
    expect(first!["dc:creator"]).toBe("Dana Drafter, Ola Second");
    expect(first!.enclosure).toMatchObject({ url: `http://localhost:3000/media/${ids.fileKey}/1280.jpg`, type: "image/jpeg" });
    expect(first!["content:encoded"]).toContain('alt="A lab &lt;bench&gt;"');
    expect(second!.title).toBe("Open day");
    expect(xml).not.toContain("Not yet");
  });

  it("a topic's feed lists that topic's live articles only", async () => {
    const xml = feeds.buildRss(
      { title: "Research", description: "d", pagePath: "/topics/research", feedPath: "/topics/research/feed.xml" },
      await feedQ.listFeedEntries(20, ids.topic),
    );
    const parsed = await new Parser().parseString(xml);
    expect(parsed.items.map((i) => i.link)).toEqual(["http://localhost:3000/news/tricky"]);
  });
});

describe("RSS enclosures", () => {
  it("state the byte length of exactly what the media route serves at their URL", async () => {
    const entries = await feedQ.listFeedEntries(20);
    const xml = feeds.buildRss({ title: "Site", description: "d", pagePath: "/", feedPath: "/feed.xml" }, entries, await feeds.enclosureLengths(entries));
    const enclosures = [...xml.matchAll(/<enclosure url="([^"]+)" length="(\d+)"/g)];
    expect(enclosures).toHaveLength(2);
    const { servePublicMedia } = await import("@/lib/media/serve");
    for (const [, url, length] of enclosures) {
      const [, key, file] = /\/media\/([^/]+)\/([^/]+)$/.exec(url!)!;
      const response = await servePublicMedia(key!, file!);
      expect(response.status).toBe(200);
      const served = (await response.arrayBuffer()).byteLength;
      expect(served).toBeGreaterThan(1000);
      expect(Number(length)).toBe(served);
    }
  });

  it("are left out, never written with length 0, when the length is not known", async () => {
    const xml = feeds.buildRss({ title: "Site", description: "d", pagePath: "/", feedPath: "/feed.xml" }, await feedQ.listFeedEntries(20));
    expect(xml).not.toContain("<enclosure");
  });
});

describe("sitemap", () => {
  it("lists live articles and topics with last-modified dates, never a draft", async () => {
    const articles = await feedQ.listSitemapArticles();
    expect(articles.map((a) => a.slug)).toEqual(["tricky", "event-one"]);
    expect(articles[0]!.updatedAt).toBe("2026-03-18T10:00:00.000Z");
    expect(await feedQ.listSitemapTopics()).toEqual([
      { slug: "research", updatedAt: "2026-03-18T10:00:00.000Z" },
      { slug: "events", updatedAt: "2026-03-10T10:00:00.000Z" },
    ]);
  });
});
