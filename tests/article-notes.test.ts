import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Integration: corrections and clarifications against a fresh migrated database.
let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let n: typeof import("@/lib/articles/notes");
let pub: typeof import("@/db/queries/public");
let feeds: typeof import("@/db/queries/feeds");
let preview: typeof import("@/lib/articles/preview");
let nq: typeof import("@/db/queries/notes");
let getDb: typeof import("@/db/client").getDb;
const p: Record<string, CurrentUser> = {};
let topicId = 0;
let counter = 0;

beforeAll(async () => {
  // A cache tier is configured, so changes of live content fill the purge outbox.
  process.env.MASTHEAD_PURGE_URL = "http://127.0.0.1:9/";
  ({ cleanup } = await useFreshDatabase());
  getDb = (await import("@/db/client")).getDb;
  sql = await (await import("./support/sql")).rawSql();
  nq = await import("@/db/queries/notes");
  preview = await import("@/lib/articles/preview");
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  n = await import("@/lib/articles/notes");
  pub = await import("@/db/queries/public");
  feeds = await import("@/db/queries/feeds");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(async () => {
  delete process.env.MASTHEAD_PURGE_URL;
  await cleanup();
});

const state = async (id: number) => (await sql.get("select status, version, slug from articles where id = ?", id)) as { status: string; version: number; slug: string };
const act = async (who: CurrentUser, articleId: number, action: import("@/lib/workflow").WorkflowAction) => await t.applyTransition(who, { articleId, action, baseVersion: (await state(articleId)).version });
const notes = async (id: number) => (await sql.all("select kind, text, published_at, withdrawn_at, withdrawn_reason from article_notes where article_id = ? order by id", id)) as { kind: string; text: string; published_at: number | null; withdrawn_at: number | null; withdrawn_reason: string | null }[];
const audit = async (id: number) => (await sql.all("select action, actor_id, details from audit_log where article_id = ? and action like '%note%' order by id", id)) as { action: string; actor_id: number; details: string }[];
const publicNotes = async (id: number) => (await pub.getPublishedArticle((await state(id)).slug))?.notes ?? null;
const feedNotes = async (id: number) => (await feeds.listFeedEntries(50)).find((f) => f.articleId === id)?.notes ?? null;

async function liveArticle(title = `Sediment cores ${++counter}`): Promise<number> {
  const id = await e.createDraft(p.maya!, title);
  await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title, standfirst: "Two centuries of industry.", body: body("The river remembers."), topicIds: [topicId], leadMediaId: null });
  await act(p.maya!, id, "submit");
  await act(p.helen!, id, "approve");
  return id;
}

describe("who may add a correction", () => {
  it("refuses a drafter, even on their own live article, writes nothing and records the refusal", async () => {
    const id = await liveArticle();
    await expect(async () => await n.addNote(p.maya!, { articleId: id, kind: "correction", text: "The river is 40 km long, not 400." })).rejects.toThrow(/Only revisers and admins/);
    expect(await notes(id)).toEqual([]);
    expect(await audit(id)).toEqual([expect.objectContaining({ action: "article.add_note.refused", actor_id: p.maya!.id })]);
    await expect(async () => await n.withdrawNote(p.maya!, { articleId: id, noteId: 1, reason: "because I say so" })).rejects.toThrow(/Only revisers and admins/);
  });

  it("refuses an article that is not live", async () => {
    const id = await e.createDraft(p.maya!, "Never published");
    await expect(async () => await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "Something." })).rejects.toThrow(/Only a live article/);
    const live = await liveArticle();
    await act(p.helen!, live, "unpublish");
    await expect(async () => await n.addNote(p.sam!, { articleId: live, kind: "clarification", text: "Something." })).rejects.toThrow(/Only a live article/);
    expect(await notes(id)).toEqual([]);
    expect(await notes(live)).toEqual([]);
  });
});

describe("going live", () => {
  it("goes live at once when nothing else is pending: public page, feed, updated date, purge outbox, audit", async () => {
    const id = await liveArticle();
    const before = (await sql.get("select updated_at from publications where article_id = ?", id)) as { updated_at: number };
    const purgesBefore = ((await sql.get("select count(*) c from cache_purges")) as { c: number }).c;
    const at = new Date(before.updated_at + 60_000);
    const result = await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "  The river is\n40 km long,   not 400. ", expectLiveAtOnce: true }, at);
    expect(result.live).toBe(true);
    expect(result.tags).toEqual(expect.arrayContaining(["articles", `article-slug:${(await state(id)).slug}`, "topic:research"]));
    expect(await publicNotes(id)).toEqual([{ kind: "correction", text: "The river is 40 km long, not 400.", notedAt: at.toISOString(), publishedAt: at.toISOString() }]);
    expect(await feedNotes(id)).toHaveLength(1);
    expect(await sql.get("select updated_at from publications where article_id = ?", id)).toEqual({ updated_at: at.getTime() });
    expect(((await sql.get("select count(*) c from cache_purges")) as { c: number }).c).toBe(purgesBefore + 1);
    expect(((await sql.get("select tags from cache_purges order by id desc limit 1")) as { tags: string }).tags.split(" ")).toContain(`article-slug:${(await state(id)).slug}`);
    expect((await audit(id)).map((a) => a.action)).toEqual(["note.add", "note.publish"]);
  });

  it("waits for the next approval while a new version is worked on, and never shows before it", async () => {
    const id = await liveArticle();
    await act(p.helen!, id, "edit_again");
    expect((await state(id)).status).toBe("in_review");
    const result = await n.addNote(p.helen!, { articleId: id, kind: "clarification", text: "The study was funded by the city." });
    expect(result).toMatchObject({ live: false, tags: [] });
    expect((await notes(id))[0]?.published_at).toBeNull();
    expect(await publicNotes(id)).toEqual([]);
    expect(await feedNotes(id)).toEqual([]);
    expect(await n.getNotesPanel(p.helen!, id)).toMatchObject({ liveAtOnce: false, notes: [expect.objectContaining({ publishedAt: null })] });
    // The newsroom's preview shows the page as it will be after the approval: with the note.
    expect((await preview.getPreview(p.helen!, id)).article.notes).toEqual([expect.objectContaining({ text: "The study was funded by the city." })]);
    await act(p.sam!, id, "approve");
    expect(await publicNotes(id)).toEqual([expect.objectContaining({ kind: "clarification", text: "The study was funded by the city." })]);
    expect((await audit(id)).map((a) => [a.action, JSON.parse(a.details).withApproval])).toEqual([
      ["note.add", undefined],
      ["note.publish", true],
    ]);
  });

  it("refuses when the article changed between opening the form and adding (what the person was told no longer holds)", async () => {
    const id = await liveArticle();
    await act(p.helen!, id, "edit_again");
    await expect(async () => await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "Fixed the date.", expectLiveAtOnce: true })).rejects.toThrow(/wait for the next approval/);
    expect(await notes(id)).toEqual([]);
  });

  it("a note of an unpublished article leaves the public read path with it", async () => {
    const id = await liveArticle();
    await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "Fixed the name." });
    expect(await feedNotes(id)).toHaveLength(1);
    await act(p.helen!, id, "unpublish");
    expect((await feeds.listFeedEntries(50)).some((f) => f.articleId === id)).toBe(false);
    expect((await nq.listPublicNotes(getDb(), [id])).get(id)).toBeUndefined();
    expect(await notes(id)).toHaveLength(1);
  });
});

describe("validation", () => {
  it("refuses empty, too long, future and before-publication times with field messages, writing nothing", async () => {
    const id = await liveArticle();
    const published = ((await sql.get("select published_at from publications where article_id = ?", id)) as { published_at: number }).published_at;
    const fields = async (input: Partial<import("@/lib/articles/notes").AddNoteInput>) => {
      try {
        await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "A fine correction.", ...input }, new Date(published + 3_600_000));
      } catch (error) {
        return Object.keys((error as import("@/lib/errors").AppError).fieldErrors ?? {});
      }
      return "accepted";
    };
    expect(await fields({ text: "  \n\t " })).toEqual(["text"]);
    expect(await fields({ text: "x".repeat(1001) })).toEqual(["text"]);
    expect(await fields({ notedAt: new Date(published + 2 * 3_600_000) })).toEqual(["notedAt"]);
    expect(await fields({ notedAt: new Date(published - 86_400_000) })).toEqual(["notedAt"]);
    expect(await notes(id)).toEqual([]);
    expect(await fields({ notedAt: new Date(published + 1_800_000) })).toBe("accepted");
  });
});

describe("never silently removable", () => {
  it("withdrawing needs a reason, keeps the row, is audited, and leaves the public page", async () => {
    const id = await liveArticle();
    const { noteId } = await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "Wrong figure fixed." });
    await expect(async () => await n.withdrawNote(p.helen!, { articleId: id, noteId, reason: "  " })).rejects.toThrow(/Say why/);
    expect((await notes(id))[0]?.withdrawn_at).toBeNull();
    const { tags } = await n.withdrawNote(p.sam!, { articleId: id, noteId, reason: "Added to the wrong article." });
    expect(tags).toContain(`article-slug:${(await state(id)).slug}`);
    expect(await notes(id)).toEqual([expect.objectContaining({ text: "Wrong figure fixed.", withdrawn_reason: "Added to the wrong article." })]);
    expect(await publicNotes(id)).toEqual([]);
    const last = (await audit(id)).at(-1)!;
    expect([last.action, last.actor_id, JSON.parse(last.details).reason]).toEqual(["note.withdraw", p.sam!.id, "Added to the wrong article."]);
    await expect(async () => await n.withdrawNote(p.helen!, { articleId: id, noteId, reason: "Once more, to be sure." })).rejects.toThrow(/already withdrawn/);
  });

  it("the database itself refuses editing the words, deleting a live note, un-publishing or un-withdrawing it", async () => {
    const id = await liveArticle();
    const { noteId } = await n.addNote(p.helen!, { articleId: id, kind: "correction", text: "Original words." });
    await expect(async () => await sql.run("update article_notes set text = 'Other words' where id = ?", noteId)).rejects.toThrow(/never edited/);
    await expect(async () => await sql.run("delete from article_notes where id = ?", noteId)).rejects.toThrow(/never deleted/);
    await expect(async () => await sql.run("update article_notes set published_at = null where id = ?", noteId)).rejects.toThrow(/stays published/);
    await n.withdrawNote(p.helen!, { articleId: id, noteId, reason: "Testing the record." });
    await expect(async () => await sql.run("update article_notes set withdrawn_at = null, withdrawn_by = null, withdrawn_reason = null where id = ?", noteId)).rejects.toThrow(/final/);
    expect(await notes(id)).toEqual([expect.objectContaining({ text: "Original words." })]);
  });
});
