import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

/*
 * The lead image's words (alt text, caption, credit) belong to the article's working copy, its
 * revisions and its live version, like a body photo's: a drafter's edit reaches readers only once
 * a reviser approved it, and two articles may caption one library photo differently. The focal
 * point stays the photo's, and moving it purges every live page that shows the photo.
 */
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let q: typeof import("@/db/queries/public");
let feeds: typeof import("@/db/queries/feeds");
let m: typeof import("@/lib/media/describe");
let preview: typeof import("@/lib/articles/preview");
let searchPublished: typeof import("@/db/queries/search").searchPublished;
let toMatchExpression: typeof import("@/lib/search/query").toMatchExpression;
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  // A cache tier is configured, so changes of live content fill the purge outbox.
  process.env.MASTHEAD_PURGE_URL = "http://127.0.0.1:9/";
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  q = await import("@/db/queries/public");
  feeds = await import("@/db/queries/feeds");
  m = await import("@/lib/media/describe");
  preview = await import("@/lib/articles/preview");
  ({ searchPublished } = await import("@/db/queries/search"));
  ({ toMatchExpression } = await import("@/lib/search/query"));
  Object.assign(p, await addStaff([["maya", "drafter"], ["ben", "drafter"], ["helen", "reviser"]] as const));
  topicId = await addTopic("campus", "Campus");
});
afterAll(async () => {
  delete process.env.MASTHEAD_PURGE_URL;
  await cleanup();
});

const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
const insertPhoto = async (key: string) =>
  ((await sql.get("insert into media (file_key, mime_type, width, height, bytes, alt, caption, credit) values (?, 'image/jpeg', 1600, 1000, 1000, 'Library alt', 'Library caption', 'Library credit') returning id", key)) as { id: number }).id;
const version = async (id: number) => ((await sql.get("select version from articles where id = ?", id)) as { version: number }).version;
type Words = { leadAlt?: string | null; leadCaption?: string | null; leadCredit?: string | null; noFold?: boolean };

async function save(user: CurrentUser, id: number, title: string, lead: number | null, words: Words = {}) {
  return await e.saveWorkingCopy(user, { articleId: id, baseVersion: (await version(id)), title, standfirst: "", body, topicIds: [topicId], leadMediaId: lead, ...words });
}
async function publish(user: CurrentUser, title: string, lead: number, words: Words = {}) {
  const id = await e.createDraft(user, title);
  await save(user, id, title, lead, words);
  await t.applyTransition(user, { articleId: id, action: "submit", baseVersion: (await version(id)) });
  await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: (await version(id)) });
  return id;
}
const slugOf = async (id: number) => ((await sql.get("select slug from publications where article_id = ?", id)) as { slug: string }).slug;

describe("the lead image's words", () => {
  it("typed by a drafter on a live article stay off the public page until a reviser approves them", async () => {
    const photo = await insertPhoto("leadwords001");
    const id = await publish(p.maya!, "Snow on the quad", photo, { leadAlt: "The quad under snow", leadCaption: "First snow of the year", leadCredit: "Photo: Maya" });
    expect((await q.getPublishedArticle(await slugOf(id)))?.lead).toMatchObject({ alt: "The quad under snow", caption: "First snow of the year", credit: "Photo: Maya" });

    await t.applyTransition(p.maya!, { articleId: id, action: "edit_again", baseVersion: (await version(id)) });
    await save(p.maya!, id, "Snow on the quad", photo, { leadAlt: "Students on the quad", leadCaption: "Unreviewed caption", leadCredit: "Photo: someone else" });
    // Neither the live page, the cards, the feed nor the library changed.
    expect((await q.getPublishedArticle(await slugOf(id)))?.lead).toMatchObject({ alt: "The quad under snow", caption: "First snow of the year", credit: "Photo: Maya" });
    expect((await q.listPublishedCards(10)).find((c) => c.articleId === id)?.lead?.alt).toBe("The quad under snow");
    expect((await feeds.listFeedEntries(10)).find((f) => f.articleId === id)?.lead).toMatchObject({ alt: "The quad under snow", caption: "First snow of the year" });
    expect(await sql.get("select alt, caption, credit from media where id = ?", photo)).toEqual({ alt: "Library alt", caption: "Library caption", credit: "Library credit" });
    // The preview shows the new words to the newsroom.
    expect((await preview.getPreview(p.maya!, id)).article.lead).toMatchObject({ alt: "Students on the quad", caption: "Unreviewed caption", credit: "Photo: someone else" });

    // Search finds the approved caption only.
    const found = async (words: string) => (await searchPublished(toMatchExpression(words)!, { open: "[", close: "]" }, 50, 0)).map((hit) => hit.card.articleId);
    expect(await found("first snow")).toContain(id);
    expect(await found("unreviewed")).not.toContain(id);

    await t.applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: (await version(id)) });
    await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: (await version(id)) });
    expect((await q.getPublishedArticle(await slugOf(id)))?.lead).toMatchObject({ alt: "Students on the quad", caption: "Unreviewed caption", credit: "Photo: someone else" });
    expect(await found("unreviewed")).toContain(id);
  });

  it("differ between two articles that lead with the same library photo", async () => {
    const photo = await insertPhoto("leadwords002");
    const a = await publish(p.maya!, "The new library opens", photo, { leadAlt: "The library's atrium", leadCaption: "Opening day" });
    const b = await publish(p.ben!, "Exams begin", photo, { leadCaption: "Quiet week in the reading room" });
    expect((await q.getPublishedArticle(await slugOf(a)))?.lead).toMatchObject({ alt: "The library's atrium", caption: "Opening day", credit: "Library credit" });
    // Words left unset are the library's, as they were when the version went live.
    expect((await q.getPublishedArticle(await slugOf(b)))?.lead).toMatchObject({ alt: "Library alt", caption: "Quiet week in the reading room", credit: "Library credit" });
  });

  it("are kept in the revision of each save", async () => {
    const photo = await insertPhoto("leadwords003");
    const id = await e.createDraft(p.maya!, "Revisions");
    const saved = await save(p.maya!, id, "Revisions", photo, { leadAlt: "Alt one", leadCaption: "", leadCredit: null });
    expect(await sql.get("select lead_alt as alt, lead_caption as caption, lead_credit as credit from revisions where id = ?", saved.revisionId)).toEqual({ alt: "Alt one", caption: "", credit: null });
  });

  it("are compared between versions when both wrote their own, and come back with a restore", async () => {
    const { compareVersions } = await import("@/lib/articles/diff");
    const base = { title: "T", standfirst: "", body };
    const sections = compareVersions({ ...base, leadCaption: "Opening day" }, { ...base, leadCaption: "Opening week" });
    expect(sections.find((s) => s.label === "Lead caption")).toMatchObject({ changed: true });
    expect(compareVersions({ ...base, leadCaption: null }, { ...base, leadCaption: "Opening week" }).map((s) => s.label)).toEqual(["Title", "Standfirst", "Body"]);

    const photo = await insertPhoto("leadwords007");
    const id = await e.createDraft(p.maya!, "Restore");
    const first = await save(p.maya!, id, "Restore", photo, { leadAlt: "First alt", leadCaption: "First caption" });
    // A revision of its own (not folded into the first).
    await save(p.maya!, id, "Restore", photo, { leadAlt: "Second alt", leadCaption: "Second caption", noFold: true });
    await e.restoreRevision(p.maya!, { articleId: id, revisionId: first.revisionId, baseVersion: (await version(id)) });
    expect(await sql.get("select lead_alt as alt, lead_caption as caption from articles where id = ?", id)).toEqual({ alt: "First alt", caption: "First caption" });
  });

  it("need alt text before review, with a clear message", async () => {
    const photo = await insertPhoto("leadwords004");
    const id = await e.createDraft(p.maya!, "No alt");
    await save(p.maya!, id, "No alt", photo, { leadAlt: "  " });
    await expect(async () => await t.applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: (await version(id)) })).rejects.toThrow(/lead image needs alt text/);
  });

  it("are plain text within the limits", async () => {
    const { saveArticleSchema } = await import("@/lib/validation/article");
    const input = { articleId: 1, baseVersion: 1, title: "T", standfirst: "", body, topicIds: [], leadMediaId: 1 };
    expect(saveArticleSchema.parse({ ...input, leadAlt: " Rowers " })).toMatchObject({ leadAlt: "Rowers" });
    expect(saveArticleSchema.safeParse({ ...input, leadCaption: "x".repeat(601) }).error?.issues[0]?.message).toBe("The lead caption is longer than 600 characters.");
    expect(saveArticleSchema.safeParse({ ...input, leadCredit: "a\u0001b" }).error?.issues[0]?.message).toBe("The lead credit contains control characters.");
  });
});

describe("moving the focal point of a photo live articles show", () => {
  it("expires those articles' pages and every list, in the purge outbox too", async () => {
    const photo = await insertPhoto("leadwords005");
    const id = await publish(p.maya!, "Rowing at dawn", photo, { leadAlt: "Rowers" });
    await sql.run("delete from cache_purges");
    const tags = await m.setFocalPoint(p.maya!, { mediaId: photo, focalX: 10, focalY: 90 });
    expect(tags).toEqual(expect.arrayContaining(["articles", `article-slug:${(await slugOf(id))}`, "topic:campus"]));
    const outbox = ((await sql.all("select tags from cache_purges")) as { tags: string }[]).flatMap((r) => r.tags.split(" "));
    expect(outbox).toEqual(expect.arrayContaining(["articles", `article-slug:${(await slugOf(id))}`]));
    expect((await q.getPublishedArticle(await slugOf(id)))?.lead).toMatchObject({ focalX: 10, focalY: 90 });
  });

  it("of a photo no live article shows purges nothing", async () => {
    const photo = await insertPhoto("leadwords006");
    await sql.run("delete from cache_purges");
    expect(await m.setFocalPoint(p.maya!, { mediaId: photo, focalX: 30, focalY: 30 })).toEqual([]);
    expect(await sql.get("select count(*) as n from cache_purges")).toEqual({ n: 0 });
  });
});
