import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the public read path against a fresh migrated SQLite file.
let cleanup: () => Promise<void>;
let q: typeof import("@/db/queries/public");
let mediaQ: typeof import("@/db/queries/media");
const ids = { live: 0, draft: 0, liveTopic: 0, otherTopic: 0, livePhoto: 0, draftPhoto: 0 };

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  const { immediate, returned } = await import("@/db/client");
  const s = await import("@/db/tables");
  const { writePublication } = await import("@/db/queries/publish");
  q = await import("@/db/queries/public");
  mediaQ = await import("@/db/queries/media");

  await immediate(async (db) => {
    const drafter = returned(await db.insert(s.users).values({ email: "d@example.edu", name: "Dana Drafter", role: "drafter" }).returning());
    const reviser = returned(await db.insert(s.users).values({ email: "r@example.edu", name: "Rae Reviser", role: "reviser" }).returning());
    ids.liveTopic = returned(await db.insert(s.topics).values({ slug: "research", name: "Research", position: 1 }).returning()).id;
    ids.otherTopic = returned(await db.insert(s.topics).values({ slug: "events", name: "Events", position: 0 }).returning()).id;
    const photo = async (fileKey: string) =>
      returned(await db.insert(s.media).values({ fileKey, mimeType: "image/jpeg", width: 1600, height: 1000, bytes: 1, alt: "a" }).returning()).id;
    ids.livePhoto = await photo("livephoto0001");
    ids.draftPhoto = await photo("draftphoto001");
    const body = (mediaId: number) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }, { type: "image", attrs: { mediaId, alt: "x", caption: "c" } }],
    });
    const make = async (slug: string, status: "published" | "draft", mediaId: number) => {
      const a = returned(await db.insert(s.articles).values({ slug, title: slug.toUpperCase(), body: body(mediaId), status, leadMediaId: null }).returning());
      await db.insert(s.articleDrafters).values({ articleId: a.id, userId: drafter.id });
      await db.insert(s.articleTopics).values({ articleId: a.id, topicId: ids.liveTopic });
      return a.id;
    };
    ids.live = await make("live-story", "published", ids.livePhoto);
    ids.draft = await make("draft-story", "draft", ids.draftPhoto);
    await writePublication(db, { articleId: ids.live, reviserId: reviser.id, at: new Date("2026-03-18T10:00:00Z"), bodyMediaIds: [ids.livePhoto] });
    for (let i = 0; i < 14; i++) {
      const id = await make(`older-${i}`, "published", ids.livePhoto);
      await writePublication(db, { articleId: id, reviserId: reviser.id, at: new Date(Date.UTC(2026, 0, 1 + i)), bodyMediaIds: [ids.livePhoto] });
    }
  });
});

afterAll(() => cleanup());

describe("public queries see live articles only", () => {
  it("lists live articles newest first and never a draft", async () => {
    const all = await q.listPublishedCards(100);
    expect(all).toHaveLength(15);
    expect(all[0]!.slug).toBe("live-story");
    expect(all.map((c) => c.slug)).not.toContain("draft-story");
    expect(await q.countPublished()).toBe(15);
    const dates = all.map((c) => c.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("pages through with limit and offset without overlap", async () => {
    const first = (await q.listPublishedCards(12, 0)).map((c) => c.slug);
    const second = (await q.listPublishedCards(12, 12)).map((c) => c.slug);
    expect(first).toHaveLength(12);
    expect(second).toHaveLength(3);
    expect(first.filter((s) => second.includes(s))).toEqual([]);
  });

  it("returns the article with its credits from the workflow", async () => {
    const article = await q.getPublishedArticle("live-story");
    expect(article).toMatchObject({
      title: "LIVE-STORY",
      drafters: ["Dana Drafter"],
      reviser: "Rae Reviser",
      topics: [{ slug: "research", name: "Research" }],
      publishedAt: "2026-03-18T10:00:00.000Z",
    });
    expect(await q.getPublishedArticle("draft-story")).toBeNull();
    expect(await q.getPublishedArticle("no-such-story")).toBeNull();
  });

  it("counts and lists a topic's live articles only", async () => {
    expect(await q.countTopicPublished(ids.liveTopic)).toBe(15);
    expect((await q.listTopicCards(ids.liveTopic, 100)).map((c) => c.slug)).not.toContain("draft-story");
    expect(await q.countTopicPublished(ids.otherTopic)).toBe(0);
    expect((await q.listTopics()).map((t) => t.slug)).toEqual(["events", "research"]);
  });

  it("serves a photo to readers only when a live article shows it", async () => {
    expect(await mediaQ.getPublicMediaByKey("livephoto0001")).not.toBeNull();
    expect(await mediaQ.getPublicMediaByKey("draftphoto001")).toBeNull();
  });

  it("follows a former slug only to a live article", async () => {
    const { immediate } = await import("@/db/client");
    const s = await import("@/db/tables");
    await immediate(async (db) => {
      await db.insert(s.slugRedirects).values({ slug: "old-live", articleId: ids.live });
      await db.insert(s.slugRedirects).values({ slug: "old-draft", articleId: ids.draft });
    });
    expect(await q.getRedirectTarget("old-live")).toBe("live-story");
    expect(await q.getRedirectTarget("old-draft")).toBeNull();
  });
});

describe("pages about the site and unknown URLs in the page cache", () => {
  it("keeps about, accessibility and privacy as public pages under the site and menu tags", async () => {
    const { classifyPublicRequest } = await import("@/lib/public/cacheable");
    for (const path of ["/about", "/accessibility", "/privacy"]) {
      expect(classifyPublicRequest("GET", path, {})).toMatchObject({ key: path, tags: ["site", "topics"] });
    }
    // An unknown URL's 404 is never a public page: no cache keeps it.
    expect(classifyPublicRequest("GET", "/nothing-here", {})).toBeNull();
    expect(classifyPublicRequest("GET", "/accessibility/more", {})).toBeNull();
  });
});
