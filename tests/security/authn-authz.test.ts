import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "../support/people";
import { rawSql, type RawSql } from "../support/sql";
import { useFreshDatabase } from "../support/temp-db";
import { form } from "../support/forms";

/*
 * Authorization of the workflow and article actions, called directly with a faked session cookie
 * (the database re-read is real). Elsewhere: every action × no session / deactivated / stale /
 * role in tests/actions-authorization.test.ts and tests/actions-newsroom.test.ts; the same by raw
 * HTTP (forged tokens, cross-origin, demotion) in e2e/security/authn-authz.spec.ts.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: RawSql;
let w: typeof import("@/lib/actions/workflow");
let a: typeof import("@/lib/actions/articles");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await rawSql();
  w = await import("@/lib/actions/workflow");
  a = await import("@/lib/actions/articles");
  Object.assign(p, await addStaff([["maya", "drafter"], ["tomas", "drafter"], ["helen", "reviser"], ["rafael", "reviser"], ["sam", "admin"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

/** The first column of the first row. */
const pluck = async (text: string, ...params: unknown[]) => {
  const row = await sql.get(text, ...params);
  return row ? Object.values(row)[0] : undefined;
};
const as = async (who: string) => {
  const sv = (await pluck("select session_version from users where id = ?", p[who]!.id)) as number;
  claims.current = { uid: p[who]!.id, sv };
};
const version = async (id: number) => (await pluck("select version from articles where id = ?", id)) as number;
/** Rows a refusal must not touch (audit rows that only record a refusal may be added). */
const snapshot = async () =>
  JSON.stringify([
    await sql.all("select * from articles order by id"),
    await sql.all("select * from revisions order by id"),
    await sql.all("select * from comments order by id"),
    await sql.all("select * from publications order by article_id"),
    await sql.all("select * from audit_log where action not like '%refus%' and action not like '%denied%' and action not like '%forbid%' order by id"),
  ]);

async function draft(who: string, title: string, state: "draft" | "in_review" | "published" = "draft") {
  const { createDraft, saveWorkingCopy } = await import("@/lib/articles/editing");
  const { applyTransition } = await import("@/lib/articles/transitions");
  const id = await createDraft(p[who]!, title);
  await saveWorkingCopy(p[who]!, { articleId: id, baseVersion: 1, title, standfirst: "", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${title} text.` }] }] }, topicIds: [topicId], leadMediaId: null });
  if (state !== "draft") await applyTransition(p[who]!, { articleId: id, action: "submit", baseVersion: 2 });
  if (state === "published") await applyTransition(p.rafael!, { articleId: id, action: "approve", baseVersion: 2 });
  return id;
}
const transition = async (articleId: number, action: string, extra: Record<string, string> = {}) =>
  await w.transitionAction(null, form({ articleId, action, baseVersion: await version(articleId), ...extra }));

describe("a drafter calling the reviser's actions", () => {
  it.each([
    ["request_changes", { comment: "Fix it." }, "forbidden", "Only a reviser who did not draft the article can send it back."],
    ["approve", {}, "forbidden", "Only a reviser who did not draft the article can approve it (four-eyes rule)."],
    ["schedule", { scheduledFor: "2031-05-01T09:00" }, "forbidden", "Only a reviser who did not draft the article can schedule it (four-eyes rule)."],
  ] as const)("%s on their own piece under review is refused", async (action, extra, code, message) => {
    const id = await draft("maya", `Own piece ${action}`, "in_review");
    await as("maya");
    const before = await snapshot();
    expect(await transition(id, action, extra)).toMatchObject({ ok: false, code, message });
    expect(await snapshot()).toBe(before);
  });

  it("unpublish on their own live piece is refused; the piece stays live", async () => {
    const id = await draft("maya", "Own live piece", "published");
    await as("maya");
    const before = await snapshot();
    expect(await transition(id, "unpublish")).toMatchObject({ ok: false, code: "forbidden", message: "Only revisers and admins can unpublish." });
    expect(await snapshot()).toBe(before);
    expect(await pluck("select count(*) from publications where article_id = ?", id)).toBe(1);
  });

  it("every transition on another drafter's piece answers as if it did not exist", async () => {
    const id = await draft("tomas", "Tomas's piece", "in_review");
    await as("maya");
    const before = await snapshot();
    for (const action of ["approve", "request_changes", "withdraw", "unpublish", "edit_again"]) {
      expect(await transition(id, action, { comment: "x" }), action).toMatchObject({ ok: false, code: "not_found", message: "That article does not exist or is not yours to open." });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("four eyes through the action", () => {
  it("a reviser can neither approve, schedule nor send back a piece they drafted; another reviser can", async () => {
    const id = await draft("helen", "Helen's own piece", "in_review");
    await as("helen");
    const before = await snapshot();
    for (const action of ["approve", "schedule", "request_changes"]) {
      expect(await transition(id, action, { comment: "x", scheduledFor: "2031-05-01T09:00" }), action).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await snapshot()).toBe(before);
    await as("rafael");
    expect(await transition(id, "approve")).toMatchObject({ ok: true });
  });
});

describe("mid-session changes", () => {
  it("a reviser deactivated between two clicks cannot approve with the session they hold", async () => {
    const id = await draft("maya", "Approve after deactivation", "in_review");
    await as("helen");
    const held = claims.current;
    await as("sam");
    const { deactivateStaffAction, reactivateStaffAction } = await import("@/lib/actions/staff");
    expect(await deactivateStaffAction(null, form({ userId: p.helen!.id }))).toMatchObject({ ok: true });
    claims.current = held;
    const before = await snapshot();
    expect(await transition(id, "approve")).toEqual({ ok: false, code: "unauthenticated", message: "Your session has ended. Please sign in again." });
    expect(await snapshot()).toBe(before);
    await as("sam");
    await reactivateStaffAction(null, form({ userId: p.helen!.id }));
  });

  it("a reviser demoted to drafter and signed in again can no longer read, let alone approve, others' pieces", async () => {
    const id = await draft("maya", "Approve after demotion", "in_review");
    await as("sam");
    const { changeRoleAction } = await import("@/lib/actions/staff");
    expect(await changeRoleAction(null, form({ userId: p.rafael!.id, role: "drafter" }))).toMatchObject({ ok: true });
    await as("rafael");
    const before = await snapshot();
    expect(await transition(id, "approve")).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot()).toBe(before);
    await as("sam");
    await changeRoleAction(null, form({ userId: p.rafael!.id, role: "reviser" }));
  });
});

describe("someone else's ids inside one's own request", () => {
  it("restoring, into one's own draft, a revision of another person's draft is not found", async () => {
    const mine = await draft("maya", "Maya's draft");
    const theirs = await draft("tomas", "Tomas's secret draft");
    const theirRevision = (await pluck("select id from revisions where article_id = ? order by id desc", theirs)) as number;
    await as("maya");
    const before = await snapshot();
    expect(await a.restoreRevisionAction(null, form({ articleId: mine, revisionId: theirRevision, baseVersion: await version(mine) }))).toMatchObject({ ok: false, code: "not_found", message: "That revision does not exist." });
    expect(await snapshot()).toBe(before);
    expect(await pluck("select title from articles where id = ?", mine)).toBe("Maya's draft");
  });

  it("a comment of another article can be neither resolved nor replied to through one's own article", async () => {
    const mine = await draft("maya", "Maya's commented draft");
    const theirs = await draft("tomas", "Tomas's commented draft", "in_review");
    await as("helen");
    const added = await w.addCommentAction(null, form({ articleId: theirs, body: "Reviewer note." }));
    const commentId = (added as { data: { commentId: number } }).data.commentId;
    await as("maya");
    const before = await snapshot();
    expect(await w.resolveCommentAction(null, form({ articleId: mine, commentId, resolved: "1" }))).toMatchObject({ ok: false, code: "not_found", message: "That comment does not exist." });
    expect(await w.addCommentAction(null, form({ articleId: mine, body: "Reply", parentId: commentId }))).toMatchObject({ ok: false, code: "not_found", message: "That comment does not exist." });
    expect(await snapshot()).toBe(before);
  });

  it("the history of one's own article will not compare revisions of another's", async () => {
    const mine = await draft("maya", "Maya's history");
    const theirs = await draft("tomas", "Tomas's hidden words");
    const theirRevision = String(await pluck("select id from revisions where article_id = ? order by id desc", theirs));
    const { getHistory } = await import("@/lib/articles/editor-data");
    const history = await getHistory(p.maya!, mine, { a: theirRevision, b: theirRevision });
    expect(JSON.stringify([history.before, history.after])).not.toContain("hidden words");
    expect(history.after?.revision.articleId).toBe(mine);
  });
});
