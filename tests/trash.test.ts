import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ARTICLE_STATUSES, ROLES } from "@/db/schema";
import { canDeleteArticle, type DeleteFacts } from "@/lib/articles/delete-rules";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";

// Delete to the trash, restore from it, and no empty drafts left behind: the rule exhaustively,
// then the data layer and the actions against a fresh migrated database.
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let e: typeof import("@/lib/articles/editing");
let trash: typeof import("@/lib/articles/trash");
let list: typeof import("@/lib/newsroom/article-list");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  e = await import("@/lib/articles/editing");
  trash = await import("@/lib/articles/trash");
  list = await import("@/lib/newsroom/article-list");
  Object.assign(p, await addStaff([["maya", "drafter"], ["tomas", "drafter"], ["helen", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

async function draft(who: CurrentUser, title: string) {
  const id = await e.createDraft(who, title);
  await e.saveWorkingCopy(who, { articleId: id, baseVersion: 1, title, standfirst: "", body: body("Text."), topicIds: [topicId], leadMediaId: null });
  return id;
}
const setStatus = async (id: number, status: string) => (await sql.run("update articles set status = ? where id = ?", status, id));
const goLive = async (id: number) =>
  await sql.run("insert into publications (article_id, slug, title, body, published_at, updated_at) select id, slug, title, body, created_at, created_at from articles where id = ?", id);
const row = async (id: number) => (await sql.get("select deleted_at, deleted_by, status from articles where id = ?", id)) as { deleted_at: number | null; deleted_by: number | null; status: string };
const audits = async (id: number, action: string) => ((await sql.get("select count(*) n from audit_log where article_id = ? and action = ?", id, action)) as { n: number }).n;
const listIds = async (who: CurrentUser) => (await list.getArticleList(who, list.parseArticleListParams({}))).rows.map((r) => r.id);

describe("who may delete what (every role × state × ownership × live)", () => {
  const person = (role: CurrentUser["role"]): CurrentUser => ({ id: 1, role, name: "P", email: "p@example.edu" });
  for (const role of ROLES) {
    for (const status of ARTICLE_STATUSES) {
      for (const own of [true, false]) {
        for (const isLive of [true, false]) {
          for (const everPublished of [true, false]) {
            const facts: DeleteFacts = { status, drafterIds: own ? [1] : [2], isLive, everPublished: everPublished || isLive };
            const expected =
              !isLive && status !== "published" && status !== "scheduled" && (role !== "drafter" || (own && status === "draft" && !everPublished));
            it(`${role}, ${status}, ${own ? "own" : "other's"}, ${isLive ? "live" : "not live"}, ${everPublished ? "once published" : "never published"}: ${expected ? "may" : "may not"}`, () => {
              expect(canDeleteArticle(person(role), facts)).toBe(expected);
            });
          }
        }
      }
    }
  }
  it("nobody signed in deletes nothing", () => {
    expect(canDeleteArticle(null, { status: "draft", drafterIds: [], isLive: false, everPublished: false })).toBe(false);
  });
});

describe("deleting to the trash", () => {
  it("a drafter deletes their own draft: it leaves every list, its editor data and the workflow, with an audit row", async () => {
    const id = await draft(p.maya!, "Soon gone");
    expect(await listIds(p.maya!)).toContain(id);
    expect((await trash.deleteArticle(p.maya!, id)).title).toBe("Soon gone");
    expect(await row(id)).toMatchObject({ deleted_by: p.maya!.id, status: "draft" });
    expect((await row(id)).deleted_at).toBeGreaterThan(0);
    expect(await audits(id, "article.delete")).toBe(1);
    expect(await listIds(p.maya!)).not.toContain(id);
    expect(await listIds(p.helen!)).not.toContain(id);
    const { getDashboard } = await import("@/lib/newsroom/dashboard");
    expect((await getDashboard(p.maya!)).mine.map((a) => a.id)).not.toContain(id);
    const { getEditorPageData } = await import("@/lib/articles/editor-data");
    await expect(async () => await getEditorPageData(p.maya!, id)).rejects.toThrow(/does not exist/);
    const { applyTransition } = await import("@/lib/articles/transitions");
    await expect(async () => await applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: 2 })).rejects.toThrow(/does not exist/);
    // Its editor says where it went; the trash lists it with who deleted it.
    expect(await trash.getTrashedArticleFor(p.maya!, id)).toMatchObject({ title: "Soon gone", deletedBy: "maya", mayRestore: false });
    expect(await trash.getTrashedArticleFor(p.tomas!, id)).toBeNull();
    expect((await list.getTrash(p.helen!, 1)).rows.map((r) => [r.id, r.deletedBy])).toContainEqual([id, "maya"]);
    expect((await list.getTrash(p.tomas!, 1)).rows.map((r) => r.id)).not.toContain(id);
    await expect(async () => await trash.deleteArticle(p.maya!, id)).rejects.toThrow(/does not exist/);
  });

  it("a drafter may not delete someone else's draft, their own piece under review, or a draft that was once published", async () => {
    const others = await draft(p.tomas!, "Tomas's piece");
    await expect(async () => await trash.deleteArticle(p.maya!, others)).rejects.toThrow(/does not exist or is not yours/);
    const inReview = await draft(p.maya!, "Under review");
    await setStatus(inReview, "in_review");
    await expect(async () => await trash.deleteArticle(p.maya!, inReview)).rejects.toThrow(/only your own drafts that were never published/);
    const once = await draft(p.maya!, "Was live once");
    await sql.run("insert into audit_log (actor_id, action, article_id, from_state, to_state) values (?, 'article.approve', ?, 'in_review', 'published')", p.helen!.id, once);
    await expect(async () => await trash.deleteArticle(p.maya!, once)).rejects.toThrow(/only your own drafts/);
    for (const id of [others, inReview, once]) expect((await row(id)).deleted_at).toBeNull();
  });

  it("revisers delete any article that is not live or scheduled; a live piece must be unpublished first", async () => {
    const live = await draft(p.maya!, "Live piece");
    await setStatus(live, "published");
    await goLive(live);
    await expect(async () => await trash.deleteArticle(p.helen!, live)).rejects.toThrow(/Unpublish it first/);
    const scheduled = await draft(p.maya!, "Scheduled piece");
    await setStatus(scheduled, "scheduled");
    await expect(async () => await trash.deleteArticle(p.sam!, scheduled)).rejects.toThrow(/scheduled to go live/);
    const correcting = await draft(p.maya!, "New copy of a live piece");
    await goLive(correcting);
    await expect(async () => await trash.deleteArticle(p.helen!, correcting)).rejects.toThrow(/live on the site/);
    expect(await Promise.all([live, scheduled, correcting].map(async (id) => (await row(id)).deleted_at))).toEqual([null, null, null]);
    const unpublished = await draft(p.maya!, "Taken down");
    await setStatus(unpublished, "unpublished");
    await trash.deleteArticle(p.helen!, unpublished);
    expect((await row(unpublished)).deleted_by).toBe(p.helen!.id);
  });
});

describe("restoring from the trash", () => {
  it("admins restore, back in the state it was deleted in, with an audit row; revisers and drafters may not", async () => {
    const id = await draft(p.maya!, "Bring me back");
    await setStatus(id, "changes_requested");
    await trash.deleteArticle(p.helen!, id);
    await expect(async () => await trash.restoreArticle(p.helen!, id)).rejects.toThrow(/Only admins/);
    await expect(async () => await trash.restoreArticle(p.maya!, id)).rejects.toThrow(/Only admins/);
    expect((await row(id)).deleted_at).not.toBeNull();
    expect((await list.getTrash(p.helen!, 1)).mayRestore).toBe(false);
    expect((await list.getTrash(p.sam!, 1)).mayRestore).toBe(true);
    await trash.restoreArticle(p.sam!, id);
    expect(await row(id)).toMatchObject({ deleted_at: null, deleted_by: null, status: "changes_requested" });
    expect(await audits(id, "article.restore_deleted")).toBe(1);
    expect(await listIds(p.maya!)).toContain(id);
    await expect(async () => await trash.restoreArticle(p.sam!, id)).rejects.toThrow(/not in the trash/);
  });
});

describe("the delete and restore actions", () => {
  const form = (values: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(values)) f.set(k, v);
    return f;
  };
  it("refuse without a session, refuse the wrong person, and write nothing", async () => {
    const { deleteArticleAction, restoreArticleAction } = await import("@/lib/actions/articles");
    const id = await draft(p.maya!, "Action target");
    claims.current = null;
    expect(await deleteArticleAction(null, form({ articleId: String(id) }))).toMatchObject({ ok: false, code: "unauthenticated" });
    claims.current = { uid: p.tomas!.id, sv: 1 };
    expect(await deleteArticleAction(null, form({ articleId: String(id) }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteArticleAction(null, form({ articleId: "nope" }))).toMatchObject({ ok: false, code: "invalid" });
    expect((await row(id)).deleted_at).toBeNull();
    claims.current = { uid: p.maya!.id, sv: 1 };
    await expect(deleteArticleAction(null, form({ articleId: String(id) }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await row(id)).deleted_by).toBe(p.maya!.id);
    claims.current = { uid: p.helen!.id, sv: 1 };
    expect(await restoreArticleAction(null, form({ articleId: String(id) }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await row(id)).deleted_at).not.toBeNull();
  });
});

describe("no empty drafts left behind", () => {
  it("“New article” reuses the person's own untouched empty draft, never one that was typed into or someone else's", async () => {
    const first = await e.createDraft(p.tomas!);
    expect(await e.createDraft(p.tomas!)).toBe(first);
    expect(await e.createDraft(p.maya!)).not.toBe(first);
    await e.saveWorkingCopy(p.tomas!, { articleId: first, baseVersion: 1, title: "", standfirst: "", body: body("One word"), topicIds: [], leadMediaId: null });
    const second = await e.createDraft(p.tomas!);
    expect(second).not.toBe(first);
    // A titled "new article" is always a new one.
    expect(await e.createDraft(p.tomas!, "A real title")).not.toBe(second);
  });

  it("untouched empty drafts older than a day are discarded (not listed in the trash); one typed into never is", async () => {
    const now = Date.now();
    const old = now - e.EMPTY_DRAFT_TTL_MS - 60_000;
    const untouched = await e.createDraft(p.sam!);
    const typed = await e.createDraft(p.helen!);
    await e.saveWorkingCopy(p.helen!, { articleId: typed, baseVersion: 1, title: "", standfirst: "", body: body("Something"), topicIds: [], leadMediaId: null });
    await sql.run("update articles set created_at = ? where id in (?, ?)", new Date(old), untouched, typed);
    const fresh = await e.createDraft(p.tomas!, "Fresh", new Date(now));
    expect((await row(untouched)).deleted_at).not.toBeNull();
    expect(await audits(untouched, "article.discard_empty")).toBe(1);
    expect((await row(typed)).deleted_at).toBeNull();
    expect((await row(fresh)).deleted_at).toBeNull();
    expect((await list.getTrash(p.sam!, 1)).rows.map((r) => r.id)).not.toContain(untouched);
    expect(await listIds(p.sam!)).not.toContain(untouched);
    // The person's next "New article" is a new draft, not the discarded one.
    expect(await e.createDraft(p.sam!)).not.toBe(untouched);
  });
});
