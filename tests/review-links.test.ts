import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { paragraphDoc } from "./support/content";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// Integration: outside review links against a fresh migrated database.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let people: Record<string, CurrentUser> = {};
let topicId = 0;
let m: typeof import("@/lib/review-links/manage");
let o: typeof import("@/lib/review-links/open");
let e: typeof import("@/lib/articles/editing");
let c: typeof import("@/lib/articles/comments");
let t: typeof import("@/lib/articles/trash");

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  people = await addStaff([
    ["maya", "drafter"],
    ["tomas", "drafter"],
    ["helen", "reviser"],
    ["sam", "admin"],
  ]);
  topicId = await addTopic("research", "Research");
  m = await import("@/lib/review-links/manage");
  o = await import("@/lib/review-links/open");
  e = await import("@/lib/articles/editing");
  c = await import("@/lib/articles/comments");
  t = await import("@/lib/articles/trash");
});
afterAll(() => cleanup());

const DAY = 24 * 3_600_000;
const tokenOf = (url: string) => url.split("/review/")[1]!;

async function draft(text: string, title = "Mussels") {
  const id = await e.createDraft(people.maya!, title);
  await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: 1, title, standfirst: "", body: paragraphDoc(text), topicIds: [topicId], leadMediaId: null });
  return id;
}
const versionOf = async (id: number) => ((await sql.get("select version from articles where id = ?", id)) as { version: number }).version;
const audit = async (id: number, action: string) => (await sql.all("select actor_id, details from audit_log where article_id = ? and action = ? order by id", id, action)) as { actor_id: number | null; details: string }[];

describe("making a link", () => {
  it("stores only the SHA-256 of a 32-byte token that appears once, in the URL; the making is audited", async () => {
    const id = await draft("Levels fell by half.");
    const { url, id: linkId } = await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "Prof. Ada Smith, quotes" });
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = (await sql.get("select * from review_links where id = ?", linkId)) as Record<string, unknown>;
    expect(row.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await sql.all("select * from audit_log"))).not.toContain(token);
    expect(row.expires_at).toBe((row.created_at as number) + 7 * DAY);
    expect(await audit(id, "review_link.create")).toEqual([{ actor_id: people.maya!.id, details: expect.stringContaining('"label":"Prof. Ada Smith, quotes"') }]);
  });

  it("refuses an expiry other than 1, 3, 7 or 14 days", async () => {
    const id = await draft("x");
    await expect(async () => await m.createReviewLink(people.maya!, { articleId: id, days: 30, mode: "latest", label: "" })).rejects.toThrow(/1, 3, 7 or 14 days/);
    expect(await sql.get("select count(*) n from review_links where article_id = ?", id)).toEqual({ n: 0 });
  });

  it("is for the article's drafters, and revisers and admins; not another drafter", async () => {
    const id = await draft("x");
    await expect(async () => await m.createReviewLink(people.tomas!, { articleId: id, days: 7, mode: "latest", label: "" })).rejects.toThrow(/does not exist or is not yours/);
    for (const who of ["maya", "helen", "sam"]) expect((await m.createReviewLink(people[who]!, { articleId: id, days: 7, mode: "latest", label: who })).url).toContain("/review/");
    await expect(async () => await m.listReviewLinks(people.tomas!, id)).rejects.toThrow();
    expect(await m.mayManageReviewLinks(people.tomas!, id)).toBe(false);
    const [newest] = await m.listReviewLinks(people.maya!, id);
    await expect(async () => await m.revokeReviewLink(people.tomas!, { articleId: id, linkId: newest!.id })).rejects.toThrow();
    expect((await m.listReviewLinks(people.maya!, id)).map((l) => [l.label, l.state, l.createdBy])).toEqual([
      ["sam", "active", "sam"],
      ["helen", "active", "helen"],
      ["maya", "active", "maya"],
    ]);
  });
});

describe("opening a link", () => {
  it("“this version” keeps showing the version it was made for; “latest” follows saves (also folded autosaves)", async () => {
    const id = await draft("The first wording.");
    const pinned = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "version", label: "" })).url);
    const latest = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "" })).url);
    // Within the fold window, by the same person: without the pin this save would rewrite the shown revision.
    await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: (await versionOf(id)), title: "Mussels", standfirst: "", body: paragraphDoc("The second wording."), topicIds: [topicId], leadMediaId: null });
    expect((await o.openReviewLink(pinned))!.html).toContain("The first wording.");
    expect((await o.openReviewLink(pinned))!.pinned).toBe(true);
    expect((await o.openReviewLink(latest))!.html).toContain("The second wording.");
    expect((await o.openReviewLink(latest))!.article.title).toBe("Mussels");
    expect((await m.listReviewLinks(people.maya!, id)).find((l) => l.mode === "version")!.version).toBe(2);
  });

  it("is null alike for expired, revoked, unknown and malformed tokens, and for a deleted article", async () => {
    const id = await draft("x");
    const url = (await m.createReviewLink(people.maya!, { articleId: id, days: 1, mode: "latest", label: "" })).url;
    const token = tokenOf(url);
    expect(await o.openReviewLink(token)).not.toBeNull();
    expect(await o.openReviewLink(token, new Date(Date.now() + DAY + 1000))).toBeNull();
    expect(await o.openReviewLink("A".repeat(43))).toBeNull();
    expect(await o.openReviewLink("not a token")).toBeNull();
    const [link] = await m.listReviewLinks(people.maya!, id);
    await m.revokeReviewLink(people.maya!, { articleId: id, linkId: link!.id });
    expect(await o.openReviewLink(token)).toBeNull();
    await expect(async () => await m.revokeReviewLink(people.maya!, { articleId: id, linkId: link!.id })).rejects.toThrow(/already revoked/);
    expect((await m.listReviewLinks(people.maya!, id))[0]).toMatchObject({ state: "revoked", revokedBy: "maya" });
    expect(await audit(id, "review_link.revoke")).toHaveLength(1);

    const other = await draft("y", "Other piece");
    const live = tokenOf((await m.createReviewLink(people.maya!, { articleId: other, days: 7, mode: "latest", label: "" })).url);
    await t.deleteArticle(people.maya!, other);
    expect(await o.openReviewLink(live)).toBeNull();
  });

  it("writes one audit entry per link per hour, not one per request", async () => {
    const id = await draft("x");
    const token = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "Ada" })).url);
    const now = Date.now();
    for (let i = 0; i < 5; i++) await o.openReviewLink(token, new Date(now + i * 60_000));
    expect(await audit(id, "review_link.view")).toEqual([{ actor_id: null, details: expect.stringContaining('"label":"Ada"') }]);
    await o.openReviewLink(token, new Date(now + 3_600_000 + 1));
    expect(await audit(id, "review_link.view")).toHaveLength(2);
  });
});

describe("outside comments", () => {
  it("are stored without a staff author, under the given name, and shown as outside comments; hostile text stays text", async () => {
    const id = await draft("Levels fell by half.");
    const token = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "" })).url);
    const hostile = `<img src=x onerror=alert(1)> "quoted" & more`;
    await o.addOutsideComment(token, { name: "  Ada Smith ", body: hostile, quote: "fell by half" });
    const row = await sql.get("select author_id, outside_name, review_link_id, body, quote from comments where article_id = ?", id);
    expect(row).toMatchObject({ author_id: null, outside_name: "Ada Smith", body: hostile, quote: "fell by half" });
    expect(await c.getComments(people.helen!, id)).toMatchObject([{ author: "Ada Smith", outside: true, body: hostile, quote: "fell by half" }]);
    expect(await audit(id, "review_link.comment")).toEqual([{ actor_id: null, details: expect.stringContaining('"name":"Ada Smith"') }]);
    // Staff comments are not marked outside.
    await c.addComment(people.helen!, { articleId: id, body: "Thanks." });
    expect((await c.getComments(people.maya!, id)).map((x) => [x.author, x.outside])).toEqual([
      ["Ada Smith", true],
      ["helen", false],
    ]);
    // The drafter hears of it.
    expect(await sql.all("select message from notifications where user_id = ? and article_id = ?", people.maya!.id, id)).toContainEqual({ message: "Ada Smith left an outside comment on “Mussels”." });
  });

  it("need a name and text within the limits, a valid link, and stop at the hourly limit", async () => {
    const id = await draft("x");
    const token = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "" })).url);
    const count = async () => ((await sql.get("select count(*) n from comments where article_id = ?", id)) as { n: number }).n;
    await expect(async () => await o.addOutsideComment(token, { name: " ", body: "Hi" })).rejects.toThrow(/your name/);
    await expect(async () => await o.addOutsideComment(token, { name: "Ada", body: "x".repeat(2001) })).rejects.toThrow(/2,000/);
    await expect(async () => await o.addOutsideComment("B".repeat(43), { name: "Ada", body: "Hi" })).rejects.toThrow(/not valid/);
    expect(await count()).toBe(0);
    for (let i = 0; i < o.OUTSIDE_COMMENTS_PER_HOUR; i++) await o.addOutsideComment(token, { name: "Ada", body: `Note ${i}` });
    await expect(async () => await o.addOutsideComment(token, { name: "Ada", body: "One more" })).rejects.toThrow(/a lot of comments/);
    expect(await count()).toBe(o.OUTSIDE_COMMENTS_PER_HOUR);
    const [link] = await m.listReviewLinks(people.maya!, id);
    await m.revokeReviewLink(people.helen!, { articleId: id, linkId: link!.id });
    await expect(async () => await o.addOutsideComment(token, { name: "Ada", body: "Later" }, new Date(Date.now() + 2 * 3_600_000))).rejects.toThrow(/not valid/);
  });
});

describe("the photos of the version a link shows", () => {
  // Draft photos are not public (/media serves them to staff only): the link serves its own.
  const photo = async (key: string) => ((await sql.get("insert into media (file_key, mime_type, width, height, bytes, alt, caption, credit) values (?, 'image/jpeg', 1600, 1000, 1000, 'A diver counts mussels on the reef', '', '') returning id", key)) as { id: number }).id;
  const withPhoto = (mediaId: number) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Counted." }] }, { type: "image", attrs: { mediaId, alt: "A diver counts mussels on the reef", caption: "", credit: null } }] });

  it("are served under the link's path, only those of its version, and only while the link is valid", async () => {
    const [bodyPhoto, leadPhoto, later] = [await photo("reviewbody001"), await photo("reviewlead001"), await photo("reviewlater01")];
    (await photo("reviewother01")); // in the library, in no version of this article
    const id = await e.createDraft(people.maya!, "Mussels");
    await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: 1, title: "Mussels", standfirst: "", body: withPhoto(bodyPhoto), topicIds: [topicId], leadMediaId: leadPhoto });
    const pinned = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "version", label: "" })).url);
    const latest = tokenOf((await m.createReviewLink(people.maya!, { articleId: id, days: 7, mode: "latest", label: "" })).url);
    const page = (await o.openReviewLink(pinned))!;
    expect(page.html).toContain(`/review/${pinned}/media/reviewbody001/`);
    expect(page.html).not.toMatch(/"\/media\//);
    expect(await o.reviewLinkShowsPhoto(pinned, "reviewbody001")).toBe(true);
    expect(await o.reviewLinkShowsPhoto(pinned, "reviewlead001")).toBe(true);
    expect(await o.reviewLinkShowsPhoto(pinned, "reviewother01")).toBe(false);
    expect(await o.reviewLinkShowsPhoto("x".repeat(43), "reviewbody001")).toBe(false);
    // The drafter swaps the body photo: the pinned link keeps showing the old one, the latest the new.
    await e.saveWorkingCopy(people.maya!, { articleId: id, baseVersion: (await versionOf(id)), title: "Mussels", standfirst: "", body: withPhoto(later), topicIds: [topicId], leadMediaId: leadPhoto });
    expect(await o.reviewLinkShowsPhoto(pinned, "reviewbody001")).toBe(true);
    expect(await o.reviewLinkShowsPhoto(pinned, "reviewlater01")).toBe(false);
    expect(await o.reviewLinkShowsPhoto(latest, "reviewlater01")).toBe(true);
    expect(await o.reviewLinkShowsPhoto(latest, "reviewbody001")).toBe(false);
    // Revoked: nothing.
    const linkId = ((await sql.get("select id from review_links where token_hash = ?", createHash("sha256").update(latest).digest("hex"))) as { id: number }).id;
    await m.revokeReviewLink(people.maya!, { articleId: id, linkId });
    expect(await o.reviewLinkShowsPhoto(latest, "reviewlater01")).toBe(false);
  });
});
