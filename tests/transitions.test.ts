import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Integration: the workflow against a fresh migrated database.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"], ["rafael", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

async function readyDraft(title = "Sediment cores") {
  const id = await e.createDraft(p.maya!, title);
  await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title, standfirst: "Two centuries of industry.", body: body("The river remembers."), topicIds: [topicId], leadMediaId: null });
  return id;
}
const state = async (id: number) => (await sql.get("select status, version from articles where id = ?", id)) as { status: string; version: number };
const live = async (id: number) => (await sql.get("select title, reviser_id from publications where article_id = ?", id)) as { title: string; reviser_id: number } | undefined;
const auditCount = async (id: number) => ((await sql.get("select count(*) n from audit_log where article_id = ?", id)) as { n: number }).n;
const act = async (who: CurrentUser, articleId: number, action: import("@/lib/workflow").WorkflowAction, extra: Record<string, unknown> = {}) =>
  await t.applyTransition(who, { articleId, action, baseVersion: (await state(articleId)).version, ...extra });

describe("the article's life", () => {
  it("submit → request changes (with a comment) → resubmit → approve puts it live with the credits", async () => {
    const id = await readyDraft();
    expect((await act(p.maya!, id, "submit")).to).toBe("in_review");
    expect(await sql.get("select count(*) n from notifications where article_id = ? and kind = 'review'", id)).toEqual({ n: 3 });
    await expect(async () => await act(p.helen!, id, "request_changes", { comment: "  " })).rejects.toThrow(/comment is required/);
    await act(p.helen!, id, "request_changes", { comment: "Name the lab." });
    expect((await state(id)).status).toBe("changes_requested");
    expect(await sql.get("select body from comments where article_id = ?", id)).toEqual({ body: "Name the lab." });
    await act(p.maya!, id, "submit");
    const result = await act(p.helen!, id, "approve");
    expect(result.to).toBe("published");
    expect(result.tags).toEqual(expect.arrayContaining(["articles", "article-slug:sediment-cores", "topic:research"]));
    expect(await live(id)).toEqual({ title: "Sediment cores", reviser_id: p.helen!.id });
    const transitions = await sql.all("select action, from_state, to_state, actor_id from audit_log where article_id = ? and to_state <> from_state order by id", id);
    expect(transitions.map((r) => (r as { action: string }).action)).toEqual(["article.submit", "article.request_changes", "article.submit", "article.approve"]);
  });

  it("four eyes: a reviser cannot approve what they drafted", async () => {
    const id = await e.createDraft(p.helen!, "My own piece");
    await e.saveWorkingCopy(p.helen!, { articleId: id, baseVersion: 1, title: "My own piece", standfirst: "", body: body("Text."), topicIds: [topicId], leadMediaId: null });
    await act(p.helen!, id, "submit");
    await expect(async () => await act(p.helen!, id, "approve")).rejects.toThrow(/four-eyes/);
    expect(await live(id)).toBeUndefined();
    expect((await act(p.rafael!, id, "approve")).to).toBe("published");
  });

  it("approval is for the exact version the reviser saw", async () => {
    const id = await readyDraft("Exact version");
    await act(p.maya!, id, "submit");
    const seen = (await state(id)).version;
    await e.saveWorkingCopy(p.rafael!, { articleId: id, baseVersion: seen, title: "Exact version", standfirst: "", body: body("Changed by another reviser."), topicIds: [topicId], leadMediaId: null });
    const before = await auditCount(id);
    await expect(async () => await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: seen })).rejects.toThrow(/text changed since you opened it/);
    expect((await state(id)).status).toBe("in_review");
    expect(await live(id)).toBeUndefined();
    // The only new audit row is the record of the refusal itself.
    expect(await auditCount(id)).toBe(before + 1);
    expect(await sql.get("select action from audit_log where article_id = ? order by id desc limit 1", id)).toEqual({ action: "article.approve.refused" });
  });

  it("two revisers approving at once: one wins, the other is told", async () => {
    const id = await readyDraft("Race to approve");
    await act(p.maya!, id, "submit");
    const seen = (await state(id)).version;
    await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: seen });
    await expect(async () => await t.applyTransition(p.rafael!, { articleId: id, action: "approve", baseVersion: seen })).rejects.toThrow(/published now; someone may have acted/);
    expect((await live(id))?.reviser_id).toBe(p.helen!.id);
  });

  it("an incomplete draft cannot be submitted, and the reasons are named", async () => {
    const id = await e.createDraft(p.maya!, "");
    await expect(async () => await act(p.maya!, id, "submit")).rejects.toThrow(/Give the article a title\. Write the body\. Choose at least one topic\./);
    expect((await state(id)).status).toBe("draft");
  });

  it("withdraw works only while nobody has acted on the submission", async () => {
    const id = await readyDraft("Withdraw me");
    await act(p.maya!, id, "submit");
    expect((await act(p.maya!, id, "withdraw")).to).toBe("draft");
    await act(p.maya!, id, "submit");
    await sql.run("insert into comments (article_id, author_id, body, created_at) values (?, ?, 'Looking at it', ?)", id, p.helen!.id, new Date(Date.now() + 1));
    await expect(async () => await act(p.maya!, id, "withdraw")).rejects.toThrow(/can no longer be withdrawn/);
  });

  it("editing a live article keeps the live version until the new copy is approved; unpublish takes it down", async () => {
    const id = await readyDraft("Live piece");
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "approve");
    expect((await act(p.helen!, id, "edit_again")).to).toBe("in_review");
    await e.saveWorkingCopy(p.helen!, { articleId: id, baseVersion: (await state(id)).version, title: "Live piece, corrected", standfirst: "", body: body("Corrected."), topicIds: [topicId], leadMediaId: null });
    expect((await live(id))?.title).toBe("Live piece");
    await act(p.rafael!, id, "approve");
    expect(await live(id)).toEqual({ title: "Live piece, corrected", reviser_id: p.rafael!.id });
    // The slug stayed stable although the title changed after publication.
    expect(await sql.get("select slug from articles where id = ?", id)).toEqual({ slug: "live-piece" });
    await expect(async () => await act(p.maya!, id, "unpublish")).rejects.toThrow(/Only revisers and admins/);
    const down = await act(p.sam!, id, "unpublish");
    expect(down.to).toBe("unpublished");
    expect(down.tags).toContain("article-slug:live-piece");
    expect(await live(id)).toBeUndefined();
  });

  it("a scheduled article goes live when due, crediting who scheduled it, and records how late it was", async () => {
    const id = await readyDraft("Scheduled piece");
    await act(p.maya!, id, "submit");
    const now = Date.now();
    await expect(async () => await act(p.helen!, id, "schedule", { scheduledFor: new Date(now - 60_000) })).rejects.toThrow(/future/);
    await act(p.helen!, id, "schedule", { scheduledFor: new Date(now + 60 * 60_000) });
    expect((await state(id)).status).toBe("scheduled");
    expect((await t.publishDueArticles(new Date(now + 30 * 60_000))).published).not.toContain(id);
    expect(await live(id)).toBeUndefined();
    // The server was down: it comes back 2 hours after the scheduled time and publishes at once.
    const { published, tags } = await t.publishDueArticles(new Date(now + 3 * 60 * 60_000));
    expect(published).toContain(id);
    expect(tags).toContain("article-slug:scheduled-piece");
    expect((await live(id))?.reviser_id).toBe(p.helen!.id);
    const details = JSON.parse(((await sql.get("select details from audit_log where article_id = ? and action = 'article.publish_due'", id)) as { details: string }).details);
    expect(details.lateByMs).toBe(2 * 60 * 60_000);
    expect((await t.publishDueArticles(new Date(now + 4 * 60 * 60_000))).published).not.toContain(id);
  });
});

describe("notifications and comments around review and publication", () => {
  const reviewNotes = async (id: number, userId: number) =>
    ((await sql.get("select count(*) n from notifications where article_id = ? and user_id = ? and kind = 'review'", id, userId)) as { n: number }).n;

  it("a resubmission does not notify again someone who still has the unread one; it does once they read it", async () => {
    const id = await readyDraft("Notified once");
    await act(p.maya!, id, "submit");
    expect(await reviewNotes(id, p.helen!.id)).toBe(1);
    await act(p.maya!, id, "withdraw");
    await act(p.maya!, id, "submit");
    expect(await reviewNotes(id, p.helen!.id)).toBe(1);
    expect(await reviewNotes(id, p.rafael!.id)).toBe(1);
    // Rafael read his; the next resubmission tells him again, Helen still has her unread one.
    await sql.run("update notifications set read_at = ? where user_id = ? and article_id = ?", new Date(), p.rafael!.id, id);
    await act(p.helen!, id, "request_changes", { comment: "One more source." });
    await act(p.maya!, id, "submit");
    expect(await reviewNotes(id, p.helen!.id)).toBe(1);
    expect(await reviewNotes(id, p.rafael!.id)).toBe(2);
  });

  it("publication resolves the article's open review comments, by the approver; other articles keep theirs", async () => {
    const id = await readyDraft("Comments resolved");
    const other = await readyDraft("Comments kept");
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "request_changes", { comment: "Check the figures." });
    await sql.run("insert into comments (article_id, author_id, body, created_at) values (?, ?, 'Another remark', ?)", id, p.rafael!.id, new Date());
    await sql.run("insert into comments (article_id, author_id, body, created_at) values (?, ?, 'Elsewhere', ?)", other, p.rafael!.id, new Date());
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "approve");
    const open = (await sql.get("select count(*) n from comments where article_id = ? and resolved_at is null", id)) as { n: number };
    expect(open.n).toBe(0);
    expect(await sql.all("select distinct resolved_by by from comments where article_id = ?", id)).toEqual([{ by: p.helen!.id }]);
    expect(await sql.get("select resolved_at from comments where article_id = ?", other)).toEqual({ resolved_at: null });
  });

  it("a scheduled publication coming due resolves open comments too", async () => {
    const id = await readyDraft("Due with comments");
    await act(p.maya!, id, "submit");
    await sql.run("insert into comments (article_id, author_id, body, created_at) values (?, ?, 'Nice lede', ?)", id, p.rafael!.id, new Date());
    const now = Date.now();
    await act(p.helen!, id, "schedule", { scheduledFor: new Date(now + 60 * 60_000) });
    await t.publishDueArticles(new Date(now + 2 * 60 * 60_000));
    expect(await sql.get("select resolved_by by from comments where article_id = ?", id)).toEqual({ by: p.helen!.id });
  });
});

describe("a scheduled piece: reschedule, cancel", () => {
  it("reschedule changes the time (four-eyes), is audited, and credits who set the new time", async () => {
    const id = await readyDraft("Moved in time");
    await act(p.maya!, id, "submit");
    const now = Date.now();
    await act(p.helen!, id, "schedule", { scheduledFor: new Date(now + 60 * 60_000) });
    await expect(async () => await act(p.maya!, id, "reschedule", { scheduledFor: new Date(now + 2 * 60 * 60_000) })).rejects.toThrow(/four-eyes/);
    await expect(async () => await act(p.rafael!, id, "reschedule", { scheduledFor: new Date(now - 60_000) })).rejects.toThrow(/future/);
    expect((await act(p.rafael!, id, "reschedule", { scheduledFor: new Date(now + 2 * 60 * 60_000) })).to).toBe("scheduled");
    expect(await sql.get("select scheduled_for at from articles where id = ?", id)).toEqual({ at: now + 2 * 60 * 60_000 });
    expect((await t.publishDueArticles(new Date(now + 90 * 60_000))).published).not.toContain(id);
    expect((await t.publishDueArticles(new Date(now + 3 * 60 * 60_000))).published).toContain(id);
    expect((await live(id))?.reviser_id).toBe(p.rafael!.id);
    expect(await sql.get("select count(*) n from audit_log where article_id = ? and action = 'article.reschedule'", id)).toEqual({ n: 1 });
  });

  it("cancel puts it back in review with no time; it can then be edited and is not published when the old time comes", async () => {
    const id = await readyDraft("Called off");
    await act(p.maya!, id, "submit");
    const now = Date.now();
    await act(p.helen!, id, "schedule", { scheduledFor: new Date(now + 60 * 60_000) });
    const result = await act(p.helen!, id, "cancel_schedule");
    expect(result).toEqual({ from: "scheduled", to: "in_review", tags: [] });
    expect(await sql.get("select status, scheduled_for at from articles where id = ?", id)).toEqual({ status: "in_review", at: null });
    await e.saveWorkingCopy(p.helen!, { articleId: id, baseVersion: (await state(id)).version, title: "Called off", standfirst: "", body: body("Edited after cancelling."), topicIds: [topicId], leadMediaId: null });
    expect((await t.publishDueArticles(new Date(now + 2 * 60 * 60_000))).published).not.toContain(id);
    expect(await live(id)).toBeUndefined();
  });
});

describe("undo an unpublish", () => {
  async function livePiece(title: string) {
    const id = await readyDraft(title);
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "approve");
    return id;
  }
  const snapshot = async (id: number) => ({
    pub: (await sql.get("select slug, title, standfirst, body, lead_media_id, reviser_id, published_at, updated_at from publications where article_id = ?", id)),
    topics: (await sql.all("select topic_id, position, published_at from publication_topics where article_id = ?", id)),
    media: (await sql.all("select media_id from publication_media where article_id = ?", id)),
  });

  it("puts back exactly the version that was live, audited, with the cache tags to purge", async () => {
    const id = await livePiece("Back in a moment");
    const before = await snapshot(id);
    const at = new Date();
    await t.applyTransition(p.rafael!, { articleId: id, action: "unpublish", baseVersion: (await state(id)).version }, at);
    expect(await live(id)).toBeUndefined();
    const undone = await t.applyTransition(p.rafael!, { articleId: id, action: "undo_unpublish", baseVersion: (await state(id)).version }, new Date(at.getTime() + 10_000));
    expect(undone.to).toBe("published");
    expect(undone.tags).toEqual(expect.arrayContaining(["articles", "article-slug:back-in-a-moment", "topic:research"]));
    expect(await snapshot(id)).toEqual(before);
    expect((await state(id)).status).toBe("published");
    expect(await sql.get("select action, from_state, to_state from audit_log where article_id = ? order by id desc limit 1", id)).toEqual({ action: "article.undo_unpublish", from_state: "unpublished", to_state: "published" });
  });

  it("refuses after the window, and changes nothing", async () => {
    const id = await livePiece("Too late");
    const at = new Date();
    await t.applyTransition(p.rafael!, { articleId: id, action: "unpublish", baseVersion: (await state(id)).version }, at);
    expect(await t.getUndoOffer(p.rafael!, id, new Date(at.getTime() + 1000))).toEqual({ until: at.getTime() + t.UNDO_WINDOW_MS, version: (await state(id)).version });
    expect(await t.getUndoOffer(p.maya!, id, new Date(at.getTime() + 1000))).toBeNull();
    expect(await t.getUndoOffer(p.rafael!, id, new Date(at.getTime() + t.UNDO_WINDOW_MS + 1))).toBeNull();
    await expect(async () => await t.applyTransition(p.rafael!, { articleId: id, action: "undo_unpublish", baseVersion: (await state(id)).version }, new Date(at.getTime() + t.UNDO_WINDOW_MS + 1))).rejects.toThrow(/too late to undo/);
    expect((await state(id)).status).toBe("unpublished");
    expect(await live(id)).toBeUndefined();
  });

  it("refuses if anything changed since, and to a drafter", async () => {
    const id = await livePiece("Changed since");
    const at = new Date();
    await t.applyTransition(p.rafael!, { articleId: id, action: "unpublish", baseVersion: (await state(id)).version }, at);
    await expect(async () => await t.applyTransition(p.maya!, { articleId: id, action: "undo_unpublish", baseVersion: (await state(id)).version }, new Date(at.getTime() + 1000))).rejects.toThrow(/Only revisers and admins/);
    // Someone touched the article after the unpublish (here: a later write to the row).
    await sql.run("update articles set updated_at = ? where id = ?", new Date(at.getTime() + 500), id);
    await expect(async () => await t.applyTransition(p.rafael!, { articleId: id, action: "undo_unpublish", baseVersion: (await state(id)).version }, new Date(at.getTime() + 1000))).rejects.toThrow(/changed since/);
    expect(await live(id)).toBeUndefined();
  });

  it("refuses when nothing was live to put back (a scheduled piece taken off)", async () => {
    const id = await readyDraft("Never live");
    await act(p.maya!, id, "submit");
    await act(p.helen!, id, "schedule", { scheduledFor: new Date(Date.now() + 60 * 60_000) });
    await act(p.helen!, id, "unpublish");
    await expect(async () => await act(p.helen!, id, "undo_unpublish")).rejects.toThrow(/nothing to put back/i);
    expect((await state(id)).status).toBe("unpublished");
  });
});

describe("wall-clock times in the newsroom's zone", () => {
  it("converts both ways, across daylight saving", async () => {
    const { dateToZonedLocal, zonedLocalToDate } = await import("@/lib/time");
    expect(zonedLocalToDate("2026-07-01T09:30", "Europe/Oslo")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(zonedLocalToDate("2026-12-01T09:30", "Europe/Oslo")?.toISOString()).toBe("2026-12-01T08:30:00.000Z");
    expect(zonedLocalToDate("2026-12-01T09:30", "America/New_York")?.toISOString()).toBe("2026-12-01T14:30:00.000Z");
    expect(dateToZonedLocal(new Date("2026-12-01T14:30:00Z"), "America/New_York")).toBe("2026-12-01T09:30");
    expect(zonedLocalToDate("not a date", "UTC")).toBeNull();
  });
});
