import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";
import { paragraphDoc as body } from "./support/content";
import { form } from "./support/forms";

/*
 * Integration: the correction server actions called directly, as a forged request would: the
 * session cookie is faked, the database re-read and every rule behind it are real.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let actions: typeof import("@/lib/actions/notes");
let people: Record<string, import("@/lib/permissions").CurrentUser>;
let articleId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  actions = await import("@/lib/actions/notes");
  const e = await import("@/lib/articles/editing");
  const t = await import("@/lib/articles/transitions");
  people = await addStaff([["maya", "drafter"], ["helen", "reviser"]] as const);
  const topicId = await addTopic("research", "Research");
  articleId = await e.createDraft(people.maya!, "Tide gauges");
  await e.saveWorkingCopy(people.maya!, { articleId, baseVersion: 1, title: "Tide gauges", standfirst: "", body: body("Sea level."), topicIds: [topicId], leadMediaId: null });
  await t.applyTransition(people.maya!, { articleId, action: "submit", baseVersion: 2 });
  await t.applyTransition(people.helen!, { articleId, action: "approve", baseVersion: 2 });
});
afterAll(() => cleanup());

const signInAs = async (key: string | null) => {
  claims.current = key ? { uid: people[key]!.id, sv: ((await sql.get("select session_version sv from users where id = ?", people[key]!.id)) as { sv: number }).sv } : null;
};
const count = async () => ((await sql.get("select count(*) n from article_notes")) as { n: number }).n;

describe("addNoteAction", () => {
  it("refuses a drafter with a clear message and writes no note; refuses nobody", async () => {
    await signInAs("maya");
    const result = await actions.addNoteAction(null, form({ articleId: String(articleId), kind: "correction", text: "Quietly fixed." }));
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("Only revisers and admins") });
    await signInAs(null);
    expect(await actions.addNoteAction(null, form({ articleId: String(articleId), kind: "correction", text: "x" }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await count()).toBe(0);
  });

  it("refuses an unknown kind and a malformed time with field errors", async () => {
    await signInAs("helen");
    expect(await actions.addNoteAction(null, form({ articleId: String(articleId), kind: "retraction", text: "x" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { kind: [expect.any(String)] } });
    expect(await actions.addNoteAction(null, form({ articleId: String(articleId), kind: "correction", text: "x", notedAt: "yesterday" }))).toMatchObject({ ok: false, fieldErrors: { notedAt: ["Enter a date and time."] } });
    expect(await count()).toBe(0);
  });

  it("lets a reviser add one, live at once, and withdraw it only with a reason", async () => {
    await signInAs("helen");
    const added = await actions.addNoteAction(null, form({ articleId: String(articleId), kind: "correction", text: "The gauge is in Halden, not Moss.", expectLiveAtOnce: "1" }));
    expect(added).toMatchObject({ ok: true, message: "Correction added: it is on the public page now.", data: { live: true } });
    const noteId = ((await sql.get("select id from article_notes")) as { id: number }).id;
    await signInAs("maya");
    expect(await actions.withdrawNoteAction(null, form({ articleId: String(articleId), noteId: String(noteId), reason: "I prefer it gone." }))).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs("helen");
    expect(await actions.withdrawNoteAction(null, form({ articleId: String(articleId), noteId: String(noteId), reason: "" }))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await actions.withdrawNoteAction(null, form({ articleId: String(articleId), noteId: String(noteId), reason: "Wrong article." }))).toMatchObject({ ok: true });
    expect(await sql.get("select withdrawn_reason r from article_notes where id = ?", noteId)).toEqual({ r: "Wrong article." });
  });
});
