import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Integration: an article's expiry against a fresh migrated database, with a cache tier
// configured so that the purge outbox is written.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let x: typeof import("@/lib/articles/expiry");
let rules: typeof import("@/lib/articles/expiry-rules");
let q: typeof import("@/db/queries/public");
let feeds: typeof import("@/db/queries/feeds");
let search: typeof import("@/db/queries/search");
let workflow: typeof import("@/db/queries/workflow");
let client: typeof import("@/db/client");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  process.env.MASTHEAD_PURGE_URL = "http://127.0.0.1:9/";
  ({ cleanup } = await useFreshDatabase());
  client = await import("@/db/client");
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  x = await import("@/lib/articles/expiry");
  rules = await import("@/lib/articles/expiry-rules");
  q = await import("@/db/queries/public");
  feeds = await import("@/db/queries/feeds");
  search = await import("@/db/queries/search");
  workflow = await import("@/db/queries/workflow");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(async () => {
  delete process.env.MASTHEAD_PURGE_URL;
  await cleanup();
});

const HOUR = 3_600_000;
const row = async (id: number) =>
  (await sql.get("select status, version, slug, expires_at, expired_at, scheduled_for from articles where id = ?", id)) as { status: ArticleStatus; version: number; slug: string; expires_at: number | null; expired_at: number | null; scheduled_for: number | null };
const live = async (id: number) => (await sql.get("select title from publications where article_id = ?", id)) as { title: string } | undefined;
const audits = async (id: number, like = "article.%") => (await sql.all("select action, actor_id, from_state, to_state, details from audit_log where article_id = ? and action like ? order by id", id, like)) as { action: string; actor_id: number | null; from_state: string; to_state: string; details: string }[];
const outboxTags = async () => ((await sql.all("select tags from cache_purges")) as { tags: string }[]).flatMap((r) => r.tags.split(" "));
const act = async (who: CurrentUser, articleId: number, action: import("@/lib/workflow").WorkflowAction, extra: Record<string, unknown> = {}) =>
  await t.applyTransition(who, { articleId, action, baseVersion: (await row(articleId)).version, ...extra });

async function inReview(title: string) {
  const id = await e.createDraft(p.maya!, title);
  await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title, standfirst: "A standfirst.", body: body(`${title} body text.`), topicIds: [topicId], leadMediaId: null });
  await act(p.maya!, id, "submit");
  return id;
}
async function published(title: string, expiresAt?: Date) {
  const id = await inReview(title);
  await act(p.helen!, id, "approve", expiresAt ? { expiresAt } : {});
  return id;
}

describe("who may set an expiry, and which times are acceptable (pure rules)", () => {
  const facts = (status: ArticleStatus, isLive: boolean) => ({ status, isLive, scheduledFor: null, drafterIds: [1] });
  it("revisers and admins on a live or scheduled piece, drafters never, nobody on what is not public", () => {
    for (const role of ["drafter", "reviser", "admin"] as const) {
      const user = { id: 1, name: "X", email: "x@example.edu", role };
      expect(rules.mayChangeExpiry(user, facts("published", true))).toBe(role !== "drafter");
      expect(rules.mayChangeExpiry(user, facts("scheduled", false))).toBe(role !== "drafter");
      expect(rules.mayChangeExpiry(user, facts("in_review", true))).toBe(role !== "drafter");
      expect(rules.mayChangeExpiry(user, facts("in_review", false))).toBe(false);
      expect(rules.mayChangeExpiry(user, facts("unpublished", false))).toBe(false);
    }
    expect(rules.mayChangeExpiry(null, facts("published", true))).toBe(false);
  });

  it("in the future and after the publication time, with a message that says so", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(rules.expiryProblem(new Date("2026-12-02T09:00:00Z"), now, null, "UTC")).toBe("Choose an expiry time in the future.");
    expect(rules.expiryProblem(new Date("2026-12-03T09:00:00Z"), now, new Date("2026-12-04T09:00:00Z"), "UTC")).toBe("Choose an expiry time after the publication time (Dec 4, 2026, 9:00 AM, UTC time).");
    expect(rules.expiryProblem(new Date("2026-12-05T09:00:00Z"), now, new Date("2026-12-04T09:00:00Z"), "UTC")).toBeNull();
  });
});

describe("setting an expiry when approving and scheduling", () => {
  it("approve with an expiry puts it live with the expiry, and audits both", async () => {
    const at = new Date(Date.now() + 2 * HOUR);
    const id = await published("Approved with expiry", at);
    expect(await row(id)).toMatchObject({ status: "published", expires_at: at.getTime() });
    expect((await audits(id)).map((a) => a.action).slice(-2)).toEqual(["article.approve", "article.expiry_set"]);
    expect(JSON.parse((await audits(id, "article.expiry_set"))[0]!.details)).toMatchObject({ expiresAt: at.toISOString(), previously: null });
  });

  it("an expiry in the past is refused, with a message, and nothing changes", async () => {
    const id = await inReview("Past expiry");
    await expect(async () => await act(p.helen!, id, "approve", { expiresAt: new Date(Date.now() - 60_000) })).rejects.toThrow("Choose an expiry time in the future.");
    expect(await row(id)).toMatchObject({ status: "in_review", expires_at: null });
    expect(await live(id)).toBeUndefined();
    expect((await audits(id)).at(-1)?.action).toBe("article.approve.refused");
  });

  it("an expiry before the scheduled time is refused; after it, it is kept with the schedule", async () => {
    const id = await inReview("Scheduled with expiry");
    const scheduledFor = new Date(Date.now() + 3 * HOUR);
    await expect(async () => await act(p.helen!, id, "schedule", { scheduledFor, expiresAt: new Date(Date.now() + 2 * HOUR) })).rejects.toThrow(/after the publication time/);
    expect(await row(id)).toMatchObject({ status: "in_review", scheduled_for: null, expires_at: null });
    const expiresAt = new Date(Date.now() + 5 * HOUR);
    await act(p.helen!, id, "schedule", { scheduledFor, expiresAt });
    expect(await row(id)).toMatchObject({ status: "scheduled", scheduled_for: scheduledFor.getTime(), expires_at: expiresAt.getTime() });
    // A new time past the expiry is refused while the expiry stays as it is.
    await expect(async () => await act(p.helen!, id, "reschedule", { scheduledFor: new Date(Date.now() + 6 * HOUR) })).rejects.toThrow(/set to expire before then/);
    expect(await row(id)).toMatchObject({ scheduled_for: scheduledFor.getTime(), expires_at: expiresAt.getTime() });
    // Given with the new time, a later expiry is accepted.
    await act(p.helen!, id, "reschedule", { scheduledFor: new Date(Date.now() + 6 * HOUR), expiresAt: new Date(Date.now() + 8 * HOUR) });
    expect((await audits(id, "article.expiry_%")).map((a) => a.action)).toEqual(["article.expiry_set", "article.expiry_changed"]);
  });
});

describe("Set expiry / Remove expiry on a live or scheduled piece", () => {
  it("a reviser sets, changes and removes it, each audited; a drafter is refused, and the refusal recorded", async () => {
    const id = await published("Changeable expiry");
    const first = new Date(Date.now() + HOUR);
    await expect(async () => await x.setArticleExpiry(p.maya!, { articleId: id, expiresAt: first })).rejects.toThrow(/Only revisers and admins/);
    expect((await row(id)).expires_at).toBeNull();
    expect((await audits(id)).at(-1)).toMatchObject({ action: "article.set_expiry.refused", actor_id: p.maya!.id });
    await x.setArticleExpiry(p.helen!, { articleId: id, expiresAt: first });
    await x.setArticleExpiry(p.sam!, { articleId: id, expiresAt: new Date(first.getTime() + HOUR) });
    expect((await row(id)).expires_at).toBe(first.getTime() + HOUR);
    await x.setArticleExpiry(p.helen!, { articleId: id, expiresAt: null });
    expect((await row(id)).expires_at).toBeNull();
    expect((await audits(id, "article.expiry_%")).map((a) => [a.action, a.actor_id])).toEqual([
      ["article.expiry_set", p.helen!.id],
      ["article.expiry_changed", p.sam!.id],
      ["article.expiry_removed", p.helen!.id],
    ]);
    expect(await live(id)).toBeDefined();
  });

  it("refuses a past time, a time before the schedule, and a piece that is not public", async () => {
    const id = await published("Refusals");
    await expect(async () => await x.setArticleExpiry(p.helen!, { articleId: id, expiresAt: new Date(Date.now() - 1_000) })).rejects.toThrow("Choose an expiry time in the future.");
    const scheduled = await inReview("Not yet live");
    await expect(async () => await x.setArticleExpiry(p.helen!, { articleId: scheduled, expiresAt: new Date(Date.now() + HOUR) })).rejects.toThrow(/Only a live or scheduled article/);
    await act(p.helen!, scheduled, "schedule", { scheduledFor: new Date(Date.now() + 3 * HOUR) });
    await expect(async () => await x.setArticleExpiry(p.helen!, { articleId: scheduled, expiresAt: new Date(Date.now() + 2 * HOUR) })).rejects.toThrow(/after the publication time/);
    expect([(await row(id)).expires_at, (await row(scheduled)).expires_at]).toEqual([null, null]);
  });
});

describe("the scheduler carries out expiries", () => {
  it("takes an expired piece off every public read, exactly once, as an unpublish does", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const id = await published("Glacier survey expires", expiresAt);
    const { slug } = await row(id);
    await sql.run("insert into slug_redirects (slug, article_id) values (?, ?)", `old-${slug}`, id);
    expect((await x.expireDueArticles(new Date(expiresAt.getTime() - 1_000))).expired).not.toContain(id);
    expect(await q.getPublishedArticle(slug)).not.toBeNull();
    expect(await search.countSearch('"Glacier survey expires"')).toBe(1);
    await sql.run("delete from cache_purges");

    const { expired, tags } = await x.expireDueArticles(new Date(expiresAt.getTime() + 1_000));
    expect(expired).toEqual([id]);
    expect(tags).toEqual(expect.arrayContaining(["articles", `article-slug:${slug}`, `article-slug:old-${slug}`, "topic:research"]));
    expect(await outboxTags()).toEqual(expect.arrayContaining(["articles", `article-slug:${slug}`, "topic:research"]));
    expect(await row(id)).toMatchObject({ status: "unpublished", expires_at: null, expired_at: expiresAt.getTime() + 1_000 });
    expect(await live(id)).toBeUndefined();
    expect(await q.getPublishedArticle(slug)).toBeNull();
    expect((await q.listPublishedCards(50)).map((c) => c.slug)).not.toContain(slug);
    expect((await q.listTopicCards(topicId, 50)).map((c) => c.slug)).not.toContain(slug);
    expect((await feeds.listFeedEntries(50)).map((f) => f.slug)).not.toContain(slug);
    expect((await feeds.listSitemapArticles()).map((s) => s.slug)).not.toContain(slug);
    expect((await feeds.listRecentPublications(new Date(0))).map((s) => s.slug)).not.toContain(slug);
    expect(await search.countSearch('"Glacier survey expires"')).toBe(0);
    // Former URLs keep pointing at the article (they answer 404 now, as after an unpublish).
    expect(await sql.get("select count(*) n from slug_redirects where article_id = ?", id)).toEqual({ n: 1 });
    const expiry = await audits(id, "article.expire");
    expect(expiry).toHaveLength(1);
    expect(expiry[0]).toMatchObject({ actor_id: null, from_state: "published", to_state: "unpublished" });
    expect(JSON.parse(expiry[0]!.details)).toMatchObject({ by: "scheduler", expiresAt: expiresAt.toISOString(), lateByMs: 1_000, wasLive: true });
    expect(await sql.get("select message from notifications where article_id = ? and kind = 'expired'", id)).toEqual({ message: "“Glacier survey expires” expired and left the public site." });

    // A second run finds nothing to do.
    expect((await x.expireDueArticles(new Date(expiresAt.getTime() + 2 * HOUR))).expired).not.toContain(id);
    expect(await audits(id, "article.expire")).toHaveLength(1);

    // Like an unpublished piece it can be edited and published again, and is no longer "expired".
    await act(p.helen!, id, "edit_again");
    await act(p.helen!, id, "approve");
    expect(await row(id)).toMatchObject({ status: "published", expired_at: null, expires_at: null });
  });

  it("catches up on start with an expiry missed while the server was down, recording how late", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const id = await published("Missed expiry", expiresAt);
    const { expired } = await x.expireDueArticles(new Date(expiresAt.getTime() + 3 * HOUR));
    expect(expired).toContain(id);
    expect(JSON.parse((await audits(id, "article.expire"))[0]!.details).lateByMs).toBe(3 * HOUR);
    expect(await live(id)).toBeUndefined();
  });

  it("a scheduled piece whose time and expiry both passed during downtime ends up off the site", async () => {
    const id = await inReview("Both missed");
    const scheduledFor = new Date(Date.now() + HOUR);
    await act(p.helen!, id, "schedule", { scheduledFor, expiresAt: new Date(Date.now() + 2 * HOUR) });
    const later = new Date(Date.now() + 5 * HOUR);
    expect((await t.publishDueArticles(later)).published).toContain(id);
    expect((await x.expireDueArticles(later)).expired).toContain(id);
    expect((await row(id)).status).toBe("unpublished");
    expect(await live(id)).toBeUndefined();
  });

  it("a live piece being edited again loses only its live version; the working copy stays in review", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const id = await published("Edited while live", expiresAt);
    await act(p.helen!, id, "edit_again");
    expect((await row(id)).status).toBe("in_review");
    await x.expireDueArticles(new Date(expiresAt.getTime() + 1_000));
    expect(await row(id)).toMatchObject({ status: "in_review", expires_at: null });
    expect(await live(id)).toBeUndefined();
  });

  it("an expiry removed in time, or a piece unpublished by hand, is not carried out", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const removed = await published("Expiry removed", expiresAt);
    await x.setArticleExpiry(p.helen!, { articleId: removed, expiresAt: null });
    const unpublished = await published("Unpublished by hand", expiresAt);
    await act(p.helen!, unpublished, "unpublish");
    expect((await row(unpublished)).expires_at).toBeNull();
    const { expired } = await x.expireDueArticles(new Date(expiresAt.getTime() + HOUR));
    expect(expired).not.toContain(removed);
    expect(expired).not.toContain(unpublished);
    expect(await live(removed)).toBeDefined();
  });

  it("Undo after an unpublish puts the expiry back with the live version, and the scheduler then carries it out", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const id = await published("Unpublished and put back", expiresAt);
    await act(p.helen!, id, "unpublish");
    expect((await row(id)).expires_at).toBeNull();
    await act(p.helen!, id, "undo_unpublish");
    expect(await live(id)).toBeDefined();
    expect((await row(id)).expires_at).toBe(expiresAt.getTime());
    expect(JSON.parse((await audits(id, "article.undo_unpublish")).at(-1)!.details)).toMatchObject({ expiresAt: expiresAt.toISOString() });
    expect((await x.expireDueArticles(new Date(expiresAt.getTime() + 1_000))).expired).toContain(id);
    expect(await live(id)).toBeUndefined();
  });

  it("Undo is refused once the expiry it would put back has passed, and nothing changes", async () => {
    const expiresAt = new Date(Date.now() + 10_000);
    const id = await published("Expiry passes during the undo window", expiresAt);
    await act(p.helen!, id, "unpublish");
    const before = await row(id);
    const late = new Date(expiresAt.getTime() + 1_000);
    await expect(async () => await t.applyTransition(p.helen!, { articleId: id, action: "undo_unpublish", baseVersion: before.version }, late)).rejects.toThrow(/expir/i);
    expect(await row(id)).toEqual(before);
    expect(await live(id)).toBeUndefined();
  });

  it("nextDueAt wakes the scheduler for the next expiry as well as the next publication", async () => {
    // Clear what earlier tests left due, so only this test's times count.
    await sql.run("update articles set expires_at = null, scheduled_for = null");
    await sql.run("update articles set status = 'in_review' where status = 'scheduled'");
    expect(await client.immediate(async (db) => await workflow.nextDueAt(db))).toBeNull();
    const expiresAt = new Date(Date.now() + HOUR);
    await published("Wakes the scheduler", expiresAt);
    expect((await client.immediate(async (db) => await workflow.nextDueAt(db)))?.getTime()).toBe(expiresAt.getTime());
    const scheduled = await inReview("Earlier publication");
    const scheduledFor = new Date(Date.now() + 30 * 60_000);
    await act(p.helen!, scheduled, "schedule", { scheduledFor });
    expect((await client.immediate(async (db) => await workflow.nextDueAt(db)))?.getTime()).toBe(scheduledFor.getTime());
  });
});

describe("the audit log says what happened to an expiry", () => {
  it("in sentences, with the scheduler as the one who took the piece down", async () => {
    const { describeAudit } = await import("@/lib/newsroom/audit-sentence");
    const base = { actor: "Helen", subject: null, articleId: 1, articleTitle: "T", fromState: "published", toState: "published" };
    expect(describeAudit({ ...base, action: "article.expiry_set", details: { expiresAt: "2026-12-03T09:00:00.000Z" } })).toMatchObject({ who: "Helen", before: "set", after: " to expire on 2026-12-03 09:00 UTC" });
    expect(describeAudit({ ...base, action: "article.expiry_changed", details: { expiresAt: "2026-12-04T09:00:00.000Z" } })).toMatchObject({ before: "changed when", after: " expires to 2026-12-04 09:00 UTC" });
    expect(describeAudit({ ...base, action: "article.expiry_removed", details: {} })).toMatchObject({ before: "removed the expiry of", after: "" });
    expect(describeAudit({ ...base, actor: null, action: "article.expire", details: { by: "scheduler" } })).toMatchObject({ who: "The scheduler", before: "took", after: " off the public site at its expiry time" });
    expect(describeAudit({ ...base, action: "article.set_expiry.refused", details: { message: "Only revisers and admins can set or remove an expiry." } })).toMatchObject({ before: "tried to change the expiry of", refused: true, reason: "Only revisers and admins can set or remove an expiry." });
  });
});

describe("the dashboard's Expiring soon", () => {
  it("lists what expires in the next 7 days, soonest first, for revisers and admins only", async () => {
    const { listExpiringSoon, fromNow } = await import("@/lib/newsroom/expiring");
    const now = new Date();
    const later = await published("Expires in three days", new Date(now.getTime() + 3 * 86_400_000));
    const sooner = await published("Expires in five hours", new Date(now.getTime() + 5 * HOUR));
    const beyond = await published("Expires in nine days", new Date(now.getTime() + 9 * 86_400_000));
    const ids = (await listExpiringSoon(p.helen!, now)).map((a) => a.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    expect(ids).toContain(later);
    expect(ids).not.toContain(beyond);
    expect(await listExpiringSoon(p.maya!, now)).toEqual([]);
    expect((await listExpiringSoon(p.sam!, now)).find((a) => a.id === sooner)?.fromNow).toBe("in 5 hours");
    expect([fromNow(40 * 60_000), fromNow(3 * 86_400_000)]).toEqual(["in 40 minutes", "in 3 days"]);
  });
});
