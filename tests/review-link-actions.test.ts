import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

/*
 * Integration: the review-link server actions called directly with a faked session cookie (the
 * database re-read of the person is real): who may make and revoke links for which article,
 * and the public comment action, which carries its own proof (the token).
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let people: Record<string, CurrentUser> = {};
let actions: typeof import("@/lib/actions/review-links");
let mayaArticle = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  people = await addStaff([
    ["maya", "drafter"],
    ["tomas", "drafter"],
    ["helen", "reviser"],
    ["gone", "admin"],
  ]);
  await sql.run("update users set active = ? where id = ?", false, people.gone!.id);
  actions = await import("@/lib/actions/review-links");
  const { createDraft } = await import("@/lib/articles/editing");
  mayaArticle = await createDraft(people.maya!, "Seagrass");
});
afterAll(() => cleanup());

function as(who: string | null) {
  claims.current = who ? { uid: people[who]!.id, sv: 1 } : null;
}
function form(values: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, String(v));
  return f;
}
const links = async () => ((await sql.get("select count(*) n from review_links where article_id = ?", mayaArticle)) as { n: number }).n;
const make = () => actions.createReviewLinkAction(null, form({ articleId: mayaArticle, days: 7, mode: "version", label: "" }));

describe("making and revoking links", () => {
  it("refuses nobody, a deactivated account and another drafter, writing nothing", async () => {
    as(null);
    expect(await make()).toMatchObject({ ok: false, code: "unauthenticated" });
    as("gone");
    expect(await make()).toMatchObject({ ok: false, code: "unauthenticated" });
    as("tomas");
    expect(await make()).toMatchObject({ ok: false, code: "not_found" });
    expect(await links()).toBe(0);
  });

  it("lets the drafter and a reviser make one, and only them revoke it", async () => {
    as("maya");
    const mine = await make();
    expect(mine).toMatchObject({ ok: true, data: { url: expect.stringMatching(/\/review\/[A-Za-z0-9_-]{43}$/) } });
    as("helen");
    expect(await make()).toMatchObject({ ok: true });
    expect(await links()).toBe(2);
    const linkId = ((await sql.get("select min(id) id from review_links where article_id = ?", mayaArticle)) as { id: number }).id;
    as("tomas");
    expect(await actions.revokeReviewLinkAction(null, form({ articleId: mayaArticle, linkId }))).toMatchObject({ ok: false, code: "not_found" });
    as("helen");
    expect(await actions.revokeReviewLinkAction(null, form({ articleId: mayaArticle, linkId }))).toMatchObject({ ok: true, data: { links: [{ state: "active" }, { state: "revoked", revokedBy: "helen" }] } });
  });

  it("refuses an expiry not offered", async () => {
    as("maya");
    expect(await actions.createReviewLinkAction(null, form({ articleId: mayaArticle, days: 365, mode: "latest", label: "" }))).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("the public comment action", () => {
  it("needs no session but a valid token, a name and a comment", async () => {
    as("maya");
    const made = await actions.createReviewLinkAction(null, form({ articleId: mayaArticle, days: 1, mode: "latest", label: "" }));
    const token = (made.ok && made.data ? made.data.url : "").split("/review/")[1]!;
    as(null);
    expect(await actions.addOutsideCommentAction(null, form({ token, name: "", body: "Hi" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: ["Give your name."] } });
    expect(await actions.addOutsideCommentAction(null, form({ token: "x".repeat(43), name: "Ada", body: "Hi" }))).toMatchObject({ ok: false, code: "not_found", message: "This link is not valid." });
    expect(await actions.addOutsideCommentAction(null, form({ token, name: "Ada", body: "The quote is right." }))).toMatchObject({ ok: true });
    expect(await sql.all("select author_id, outside_name, body from comments where article_id = ?", mayaArticle)).toEqual([{ author_id: null, outside_name: "Ada", body: "The quote is right." }]);
  });
});
