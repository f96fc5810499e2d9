import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormAction } from "@/lib/actions/define";
import { useFreshDatabase } from "./support/temp-db";
import { form } from "./support/forms";

/*
 * Integration: the editor, media and workflow actions called directly, as a forged request
 * would, without a session, as a deactivated person and with a stale session: refused, with
 * nothing written. Then the article-level rules for signed-in people who lack the right.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
const ids: Record<string, number> = {};
let articleId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  for (const [key, role, active] of [["maya", "drafter", true], ["tomas", "drafter", true], ["helen", "reviser", true], ["gone", "admin", false]] as const) {
    ids[key] = (await sql.get<{ id: number }>("insert into users (email, name, role, active) values (?, ?, ?, ?) returning id", `${key}@example.edu`, key, role, active))!.id;
  }
  const topic = ((await sql.get("insert into topics (slug, name) values ('research', 'Research') returning id")) as { id: number }).id;
  const { createDraft, saveWorkingCopy } = await import("@/lib/articles/editing");
  const maya = { id: ids.maya!, name: "maya", email: "maya@example.edu", role: "drafter" as const };
  articleId = await createDraft(maya, "Story");
  await saveWorkingCopy(maya, { articleId, baseVersion: 1, title: "Story", standfirst: "", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] }, topicIds: [topic], leadMediaId: null });
});
afterAll(() => cleanup());

function signIn(who: "nobody" | "gone" | "stale" | "maya" | "tomas" | "helen") {
  if (who === "nobody") claims.current = null;
  else if (who === "stale") claims.current = { uid: ids.maya!, sv: 999 };
  else claims.current = { uid: ids[who]!, sv: 1 };
}
const snapshot = async () =>
  JSON.stringify([
    await sql.all("select * from articles order by id"),
    await sql.get("select count(*) n from revisions"),
    await sql.get("select count(*) n from comments"),
    await sql.get("select count(*) n from publications"),
    await sql.get("select count(*) n from notifications where read_at is not null"),
  ]);
const payload = () => JSON.stringify({ articleId, baseVersion: 2, title: "Hacked", standfirst: "", body: { type: "doc", content: [] }, topicIds: [], leadMediaId: null });

const ACTIONS: [string, () => Promise<FormAction<unknown>>, () => Record<string, string>][] = [
  ["createArticleAction", async () => (await import("@/lib/actions/articles")).createArticleAction as FormAction<unknown>, () => ({ title: "New" })],
  ["saveArticleAction", async () => (await import("@/lib/actions/articles")).saveArticleAction as FormAction<unknown>, () => ({ payload: payload() })],
  ["restoreRevisionAction", async () => (await import("@/lib/actions/articles")).restoreRevisionAction as FormAction<unknown>, () => ({ articleId: String(articleId), revisionId: "1", baseVersion: "2" })],
  ["listLibraryAction", async () => (await import("@/lib/actions/media")).listLibraryAction as FormAction<unknown>, () => ({ query: "" })],
  ["transitionAction", async () => (await import("@/lib/actions/workflow")).transitionAction as FormAction<unknown>, () => ({ articleId: String(articleId), action: "submit", baseVersion: "2" })],
  ["addCommentAction", async () => (await import("@/lib/actions/workflow")).addCommentAction as FormAction<unknown>, () => ({ articleId: String(articleId), body: "Hi" })],
  ["resolveCommentAction", async () => (await import("@/lib/actions/workflow")).resolveCommentAction as FormAction<unknown>, () => ({ articleId: String(articleId), commentId: "1", resolved: "1" })],
  ["changeSlugAction", async () => (await import("@/lib/actions/slug")).changeSlugAction as FormAction<unknown>, () => ({ articleId: String(articleId), slug: "hijacked" })],
  ["markNotificationsReadAction", async () => (await import("@/lib/actions/workflow")).markNotificationsReadAction as FormAction<unknown>, () => ({})],
];

describe.each(ACTIONS)("%s", (_name, load, input) => {
  for (const who of ["nobody", "gone", "stale"] as const) {
    it(`refuses ${who} and writes nothing`, async () => {
      const action = await load();
      signIn(who);
      const before = await snapshot();
      const result = await action(null, form(input()));
      expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await snapshot()).toBe(before);
    });
  }
});

describe("signed in, but not allowed for this article", () => {
  it("another drafter cannot save, submit, comment on or even see the article", async () => {
    const { saveArticleAction } = await import("@/lib/actions/articles");
    const { transitionAction, addCommentAction } = await import("@/lib/actions/workflow");
    signIn("tomas");
    const before = await snapshot();
    expect(await saveArticleAction(null, form({ payload: payload() }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await transitionAction(null, form({ articleId: String(articleId), action: "submit", baseVersion: "2" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await addCommentAction(null, form({ articleId: String(articleId), body: "Hi" }))).toMatchObject({ ok: false, code: "not_found" });
    const { changeSlugAction } = await import("@/lib/actions/slug");
    expect(await changeSlugAction(null, form({ articleId: String(articleId), slug: "hijacked" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot()).toBe(before);
  });

  it("a reviser cannot approve a draft that was never submitted, nor the drafter approve anything", async () => {
    const { transitionAction } = await import("@/lib/actions/workflow");
    signIn("helen");
    const before = await snapshot();
    expect(await transitionAction(null, form({ articleId: String(articleId), action: "approve", baseVersion: "2" }))).toMatchObject({ ok: false, code: "conflict" });
    signIn("maya");
    expect(await transitionAction(null, form({ articleId: String(articleId), action: "submit", baseVersion: "2" }))).toMatchObject({ ok: true });
    expect(await transitionAction(null, form({ articleId: String(articleId), action: "approve", baseVersion: "2" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await sql.get("select count(*) n from publications")).toEqual({ n: 0 });
    expect(await snapshot()).not.toBe(before); // the submit itself went through
  });

  it("the upload route refuses without a session, before reading the file", async () => {
    const { handleUpload } = await import("@/lib/media/upload-route");
    signIn("nobody");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull(c) { pulled += 1; c.enqueue(new Uint8Array(1024)); if (pulled > 5) c.close(); } });
    const response = await handleUpload(new Request("http://127.0.0.1/api/media", { method: "POST", body, headers: { origin: "http://127.0.0.1", host: "127.0.0.1" }, duplex: "half" } as RequestInit));
    expect(response.status).toBe(401);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(await sql.get("select count(*) n from media")).toEqual({ n: 0 });
  });
});
