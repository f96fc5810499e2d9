import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { callAction, signInByRequest, transition, writeArticle } from "../support/actions";
import { storageState } from "../support/auth";
import { withDb } from "../support/db";
import { dbSnapshot } from "../support/snapshot";

/*
 * Authentication and authorization, by raw request against the real server: server actions are
 * POSTed with the `Next-Action` header (as a script would), cookies are forged by hand.
 *
 * Elsewhere (not repeated here):
 * - every action without a session, deactivated, stale session, per role: tests/actions-authorization.test.ts,
 *   tests/actions-newsroom.test.ts; reviser actions by a drafter, four-eyes through the action,
 *   deactivation and role change mid-session, other people's ids: tests/security/authn-authz.test.ts
 * - forged x-middleware-subrequest on pages, drafter 403 on /newsroom/staff, deactivated person's
 *   next click, sign-out: e2e/sign-in.spec.ts
 */

const SESSION_COOKIE = "next-auth.session-token";
const SESSION_ENDED = "Your session has ended. Please sign in again.";

function dataDir(): string {
  return fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
}
function serverSecret(): string {
  return fs.readFileSync(path.join(dataDir(), "nextauth-secret"), "utf8").trim();
}
function savedSessionCookie(role: "drafter" | "reviser" | "admin"): string {
  const state = JSON.parse(fs.readFileSync(storageState(role), "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`No session cookie saved for ${role}.`);
  return cookie.value;
}
function person(email: string): { id: number; sv: number } {
  return withDb((db) => db.prepare("select id, session_version sv from users where email = ?").get(email)) as { id: number; sv: number };
}
const topicIds = () => withDb((db) => db.prepare("select id from topics order by id limit 1").pluck().all()) as number[];

let anonymous: APIRequestContext;
test.beforeEach(async ({ playwright, baseURL }) => {
  anonymous = await playwright.request.newContext({ baseURL });
});
test.afterEach(async () => anonymous.dispose());

/** A server action POSTed with exactly this session cookie (or none). */
function asCookie(value: string | null, name = "renameSelfAction", fields: Record<string, string> = { name: "Changed by a forger" }, headers: Record<string, string> = {}) {
  return callAction(anonymous, name, fields, { page: "/newsroom/profile", headers: { ...(value === null ? {} : { Cookie: `${SESSION_COOKIE}=${value}` }), ...headers } });
}

test("a forged session proves nothing: no cookie, a forged middleware header, a tampered, foreign-signed or expired token", async () => {
  const drafter = person("drafter@example.edu");
  const valid = savedSessionCookie("drafter");
  const tampered = valid.slice(0, -6) + (valid.slice(-6, -5) === "A" ? "B" : "A") + valid.slice(-5);
  const wrongSecret = await encode({ token: { uid: drafter.id, sv: drafter.sv }, secret: "not-the-server-secret-but-long-enough-to-pass", maxAge: 3600 });
  const expired = await encode({ token: { uid: drafter.id, sv: drafter.sv }, secret: serverSecret(), maxAge: -3600 });
  const before = dbSnapshot();
  for (const [label, cookie, headers] of [
    ["no cookie", null, {}],
    ["no cookie, forged x-middleware-subrequest", null, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }],
    ["a session cookie that is no token at all", "garbage", {}],
    ["tampered token", tampered, {}],
    ["token signed with another secret", wrongSecret, {}],
    ["expired token", expired, {}],
  ] as const) {
    const call = await asCookie(cookie, "renameSelfAction", { name: "Changed by a forger" }, headers);
    if (cookie === null) {
      // Without any session cookie the proxy answers first: the action never runs.
      expect(call.status, label).toBe(307);
      expect(call.response.headers()["location"], label).toContain("/login?callbackUrl=");
    } else {
      expect(call.result, label).toEqual({ ok: false, code: "unauthenticated", message: SESSION_ENDED });
    }
    const page = await anonymous.get("/newsroom/profile", { headers: cookie === null ? headers : { Cookie: `${SESSION_COOKIE}=${cookie}` }, maxRedirects: 0 });
    expect(page.status(), label).toBe(307);
    expect(page.headers()["location"], label).toMatch(/^\/login\?callbackUrl=%2Fnewsroom%2Fprofile$|\/login\?callbackUrl=/);
  }
  expect(dbSnapshot()).toBe(before);

  // Control: the same forging with the server's secret and a live expiry does sign in, so the
  // refusals above are about the token, not about how the test builds requests.
  const genuine = await encode({ token: { uid: drafter.id, sv: drafter.sv }, secret: serverSecret(), maxAge: 3600 });
  const ok = await asCookie(genuine, "markNotificationsReadAction", {});
  expect(ok.result).toMatchObject({ ok: true, message: "All caught up." });
});

test("a drafter calling the reviser's transitions by request is refused, and nothing changes", async ({ playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const { id, version } = await writeArticle(drafter, { title: "Security: drafter tries reviser actions", topicIds: topicIds() });
  expect((await transition(drafter, id, "submit", version)).result).toMatchObject({ ok: true });
  const before = dbSnapshot();
  for (const [action, extra, message] of [
    ["approve", {}, "Only a reviser who did not draft the article can approve it (four-eyes rule)."],
    ["schedule", { scheduledFor: "2031-01-01T09:00" }, "Only a reviser who did not draft the article can schedule it (four-eyes rule)."],
    ["request_changes", { comment: "Please fix." }, "Only a reviser who did not draft the article can send it back."],
  ] as const) {
    const call = await transition(drafter, id, action, version, extra);
    expect(call.result, action).toMatchObject({ ok: false, code: "forbidden", message });
  }
  // Another drafter's article, by its id: the same answer as for an article that does not exist.
  const other = withDb((db) => db.prepare("select a.id, a.version from articles a join article_drafters d on d.article_id = a.id join users u on u.id = d.user_id where u.email = 'drafter2@example.edu' order by a.id limit 1").get()) as { id: number; version: number };
  for (const action of ["approve", "unpublish", "submit"]) {
    const call = await transition(drafter, other.id, action, other.version);
    expect(call.result, action).toMatchObject({ ok: false, code: "not_found", message: "That article does not exist or is not yours to open." });
  }
  const page = await drafter.get(`/newsroom/articles/${other.id}`, { maxRedirects: 0 });
  expect(page.status()).toBe(404);
  expect(dbSnapshot()).toBe(before);
  await drafter.dispose();
});

test("four eyes by request: a reviser cannot approve or schedule a piece they drafted", async ({ playwright, baseURL }) => {
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const { id, version } = await writeArticle(reviser, { title: "Security: reviser approves own piece", topicIds: topicIds() });
  expect((await transition(reviser, id, "submit", version)).result).toMatchObject({ ok: true });
  const before = dbSnapshot();
  expect((await transition(reviser, id, "approve", version)).result).toMatchObject({
    ok: false,
    code: "forbidden",
    message: "Only a reviser who did not draft the article can approve it (four-eyes rule).",
  });
  expect((await transition(reviser, id, "schedule", version, { scheduledFor: "2031-01-01T09:00" })).result).toMatchObject({ ok: false, code: "forbidden" });
  expect(dbSnapshot()).toBe(before);
  expect(withDb((db) => db.prepare("select count(*) from publications where article_id = ?").pluck().get(id))).toBe(0);
  await reviser.dispose();
});

test("a role change mid-session ends the session; signed in again, the lower role is refused", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageState("admin") });
  const email = `role-change-${Date.now()}@example.edu`;
  const added = await callAction(admin, "addStaffAction", { name: "Rhea Roles", email, role: "reviser" }, { page: "/newsroom/staff" });
  expect(added.result).toMatchObject({ ok: true });
  const link = (added.result!.data as { link: string }).link;
  const token = new URL(link).searchParams.get("token")!;
  const set = await callAction(anonymous, "setPasswordWithTokenAction", { token, password: "rhea's long password", confirmPassword: "rhea's long password" }, { page: "/set-password" });
  expect(set.result).toMatchObject({ ok: true });

  const rhea = await playwright.request.newContext({ baseURL });
  expect((await signInByRequest(rhea, email, "rhea's long password")).error).toBeNull();
  // A piece under review by someone else, that Rhea (a reviser) could approve right now.
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const { id, version } = await writeArticle(drafter, { title: "Security: approve after a demotion", topicIds: topicIds() });
  await transition(drafter, id, "submit", version);
  expect((await rhea.get(`/newsroom/articles/${id}`)).status()).toBe(200);

  const rheaId = person(email).id;
  expect((await callAction(admin, "changeRoleAction", { userId: String(rheaId), role: "drafter" }, { page: "/newsroom/staff" })).result).toMatchObject({ ok: true });
  const before = dbSnapshot();
  expect((await transition(rhea, id, "approve", version)).result).toEqual({ ok: false, code: "unauthenticated", message: SESSION_ENDED });
  expect(dbSnapshot()).toBe(before);

  expect((await signInByRequest(rhea, email, "rhea's long password")).error).toBeNull();
  expect((await transition(rhea, id, "approve", version)).result).toMatchObject({ ok: false, code: "not_found" });
  expect(dbSnapshot()).toBe(before);
  await Promise.all([admin.dispose(), rhea.dispose(), drafter.dispose()]);
});

test("a server action POSTed from another site is refused by Next, with nothing changed", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageState("admin") });
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const { id, version } = await writeArticle(drafter, { title: "Security: cross-origin submit", topicIds: topicIds() });
  const before = dbSnapshot();
  for (const origin of ["https://evil.example", "http://127.0.0.1.evil.example", "null"]) {
    const rename = await callAction(admin, "renameSelfAction", { name: "Renamed from evil" }, { page: "/newsroom/profile", headers: { Origin: origin } });
    expect(rename.status, origin).toBe(500);
    expect(rename.result, origin).toBeNull();
    const submit = await callAction(drafter, "transitionAction", { articleId: String(id), action: "submit", baseVersion: String(version) }, { page: `/newsroom/articles/${id}`, headers: { Origin: origin } });
    expect(submit.status, origin).toBe(500);
    expect(submit.result, origin).toBeNull();
  }
  expect(dbSnapshot()).toBe(before);
  // Control: the same call from the site itself goes through.
  expect((await transition(drafter, id, "submit", version, {})).result).toMatchObject({ ok: true });
  await Promise.all([admin.dispose(), drafter.dispose()]);
});
