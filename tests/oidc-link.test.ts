import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv, oidcSettings } from "@/lib/env";
import { readRefusal, refusalPath, signInProblem } from "@/lib/auth/oidc-refusal";
import { useFreshDatabase } from "./support/temp-db";

/*
 * University sign-on without the provider: settings from the environment, which claims count as
 * a verified address, the linking rule, and the signed refusal shown on /login. The real flow
 * against a real OpenID provider is e2e/oidc.spec.ts.
 */

const OIDC = { MASTHEAD_OIDC_ISSUER: "https://login.example.edu/realms/staff", MASTHEAD_OIDC_CLIENT_ID: "masthead", MASTHEAD_OIDC_CLIENT_SECRET: "s3cret" };

describe("OIDC settings", () => {
  it("are off without the variables, and when they are set but empty", () => {
    expect(oidcSettings(parseEnv({}))).toBeNull();
    expect(oidcSettings(parseEnv({ MASTHEAD_OIDC_ISSUER: "", MASTHEAD_OIDC_CLIENT_ID: " ", MASTHEAD_OIDC_CLIENT_SECRET: "" }))).toBeNull();
  });

  it("take the issuer without a trailing slash, a default name, and drafter creation off", () => {
    expect(oidcSettings(parseEnv({ ...OIDC, MASTHEAD_OIDC_ISSUER: "https://login.example.edu/realms/staff/" }))).toEqual({
      issuer: "https://login.example.edu/realms/staff",
      clientId: "masthead",
      clientSecret: "s3cret",
      name: "university account",
      createDrafters: false,
    });
    const named = oidcSettings(parseEnv({ ...OIDC, MASTHEAD_OIDC_NAME: "Halden ID", MASTHEAD_OIDC_CREATE_DRAFTERS: "1" }));
    expect(named).toMatchObject({ name: "Halden ID", createDrafters: true });
  });

  it("refuse a partial configuration, naming the variables", () => {
    expect(() => parseEnv({ MASTHEAD_OIDC_ISSUER: OIDC.MASTHEAD_OIDC_ISSUER })).toThrow(/MASTHEAD_OIDC_CLIENT_ID and MASTHEAD_OIDC_CLIENT_SECRET together/);
    expect(() => parseEnv({ MASTHEAD_OIDC_CLIENT_ID: "x", MASTHEAD_OIDC_CLIENT_SECRET: "y" })).toThrow(/MASTHEAD_OIDC_ISSUER/);
  });

  it("refuse a plain-http issuer except on loopback, and issuers with a query", () => {
    expect(() => parseEnv({ ...OIDC, MASTHEAD_OIDC_ISSUER: "http://login.example.edu" })).toThrow(/https URL/);
    expect(() => parseEnv({ ...OIDC, MASTHEAD_OIDC_ISSUER: "https://login.example.edu/?x=1" })).toThrow(/https URL/);
    expect(() => parseEnv({ ...OIDC, MASTHEAD_OIDC_ISSUER: "not a url" })).toThrow(/MASTHEAD_OIDC_ISSUER/);
    expect(oidcSettings(parseEnv({ ...OIDC, MASTHEAD_OIDC_ISSUER: "http://127.0.0.1:4100" }))?.issuer).toBe("http://127.0.0.1:4100");
  });

  it("refuse a drafter-creation flag that is neither on nor off", () => {
    expect(() => parseEnv({ ...OIDC, MASTHEAD_OIDC_CREATE_DRAFTERS: "maybe" })).toThrow(/MASTHEAD_OIDC_CREATE_DRAFTERS/);
    expect(oidcSettings(parseEnv({ ...OIDC, MASTHEAD_OIDC_CREATE_DRAFTERS: "0" }))?.createDrafters).toBe(false);
  });
});

describe("OIDC linking", () => {
  let cleanup: () => Promise<void>;
  let sql: import("./support/sql").RawSql;
  let link: typeof import("@/lib/auth/oidc-link");
  const claims = (over: Record<string, unknown>) => ({ sub: "u-1", email_verified: true, ...over });
  /** Audit rows with their details read (PostgreSQL's jsonb keeps no key order). */
  const audit = async () =>
    (await sql.all<{ action: string; actorId: number | null; subjectId: number | null; details: string }>('select action, actor_id "actorId", subject_user_id "subjectId", details from audit_log order by id')).map((r) => ({
      ...r,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));

  beforeAll(async () => {
    ({ cleanup } = await useFreshDatabase());
    sql = await (await import("./support/sql")).rawSql();
    link = await import("@/lib/auth/oidc-link");
    const add = async (...values: unknown[]) => await sql.run("insert into users (email, name, role, active) values (?, ?, ?, ?)", ...values);
    await add("reviser@example.edu", "Rita Reviser", "reviser", true);
    await add("gone@example.edu", "Gone Person", "admin", false);
    // A row written before addresses were normalised.
    await add("Mixed.Case@Example.edu", "Mixed Case", "drafter", true);
  });
  afterAll(() => cleanup());

  it("counts an address only when the provider says it verified it", () => {
    expect(link.readOidcIdentity(claims({ email: "A@Example.edu", name: " Ann Author " }))).toEqual({ ok: true, email: "a@example.edu", name: "Ann Author" });
    expect(link.readOidcIdentity(claims({ email: "a@example.edu", email_verified: "true", given_name: "Ann", family_name: "Author" }))).toMatchObject({ ok: true, name: "Ann Author" });
    expect(link.readOidcIdentity(claims({ email: "a@example.edu", email_verified: false }))).toEqual({ ok: false, reason: "unverified_email", email: "a@example.edu" });
    expect(link.readOidcIdentity(claims({ email: "a@example.edu", email_verified: undefined }))).toMatchObject({ reason: "unverified_email" });
    expect(link.readOidcIdentity(claims({ email: "a@example.edu", email_verified: "yes" }))).toMatchObject({ reason: "unverified_email" });
    expect(link.readOidcIdentity(claims({}))).toEqual({ ok: false, reason: "no_email", email: null });
    expect(link.readOidcIdentity(claims({ email: "not an address" }))).toMatchObject({ reason: "no_email" });
    expect(link.readOidcIdentity({ email: "a@example.edu", email_verified: true })).toMatchObject({ reason: "no_email" });
    expect(link.readOidcIdentity(claims({ email: "ann@example.edu" }))).toMatchObject({ ok: true, name: "ann" });
  });

  it("decides: an active account signs in, a deactivated one is refused, an unknown one is refused or created", () => {
    const identity = { ok: true as const, email: "x@example.edu", name: "X" };
    expect(link.decideOidcSignIn(identity, { id: 7, active: true }, false)).toEqual({ kind: "sign_in", userId: 7 });
    expect(link.decideOidcSignIn(identity, { id: 7, active: true }, true)).toEqual({ kind: "sign_in", userId: 7 });
    expect(link.decideOidcSignIn(identity, { id: 7, active: false }, true)).toEqual({ kind: "refuse", reason: "deactivated", email: "x@example.edu", userId: 7 });
    expect(link.decideOidcSignIn(identity, null, false)).toEqual({ kind: "refuse", reason: "no_account", email: "x@example.edu", userId: null });
    expect(link.decideOidcSignIn(identity, null, true)).toEqual({ kind: "create", email: "x@example.edu", name: "X" });
    // An unverified address is refused even when accounts are created.
    expect(link.decideOidcSignIn({ ok: false, reason: "unverified_email", email: "x@example.edu" }, { id: 7, active: true }, true)).toMatchObject({ kind: "refuse", reason: "unverified_email" });
  });

  it("signs a known address in whatever its case, with the Masthead role, and audits it", async () => {
    const before = (await audit()).length;
    const result = await link.signInWithOidc(claims({ email: "REVISER@example.EDU", role: "admin", groups: ["admins"] }), { createDrafters: false, address: "192.0.2.1" });
    const row = (await sql.get<{ id: number; role: string; sv: number }>("select id, role, session_version sv from users where email = 'reviser@example.edu'"))!;
    expect(result).toEqual({ ok: true, id: row.id, sessionVersion: row.sv });
    expect(row.role).toBe("reviser");
    const rows = (await audit()).slice(before);
    expect(rows).toEqual([{ action: "sign_in", actorId: row.id, subjectId: row.id, details: { address: "192.0.2.1", method: "oidc" } }]);
    const mixed = await link.signInWithOidc(claims({ email: "mixed.case@example.edu" }), { createDrafters: false, address: "192.0.2.1" });
    expect(mixed).toMatchObject({ ok: true });
  });

  it("refuses an unknown and a deactivated address with an audit row, creating nobody", async () => {
    const users = async () => (await sql.get<{ n: number }>("select count(*) n from users"))!.n;
    const count = await users();
    const before = (await audit()).length;
    expect(await link.signInWithOidc(claims({ email: "stranger@example.edu" }), { createDrafters: false, address: "192.0.2.2" })).toEqual({ ok: false, reason: "no_account", email: "stranger@example.edu" });
    expect(await link.signInWithOidc(claims({ email: "gone@example.edu" }), { createDrafters: true, address: "192.0.2.2" })).toEqual({ ok: false, reason: "deactivated", email: "gone@example.edu" });
    expect(await users()).toBe(count);
    const rows = (await audit()).slice(before);
    expect(rows.map((r) => [r.action, r.details.reason, r.details.email])).toEqual([
      ["sign_in.refused", "no_account", "stranger@example.edu"],
      ["sign_in.refused", "deactivated", "gone@example.edu"],
    ]);
    expect(rows[1]!.subjectId).not.toBeNull();
  });

  it("creates a drafter on first sign-in when configured, whatever role the provider claims", async () => {
    const result = await link.signInWithOidc(claims({ email: "New.Person@example.edu", name: "New Person", role: "admin" }), { createDrafters: true, address: "192.0.2.3" });
    const row = (await sql.get<{ id: number; name: string; role: string; active: number; hash: string | null }>("select id, name, role, active, password_hash hash from users where email = 'new.person@example.edu'"))!;
    expect(result).toMatchObject({ ok: true, id: row.id });
    expect(row).toMatchObject({ name: "New Person", role: "drafter", active: 1, hash: null });
    expect((await audit()).slice(-2).map((r) => r.action)).toEqual(["staff.add", "sign_in"]);
    // The second time it is the same account, not a new one.
    expect(await link.signInWithOidc(claims({ email: "new.person@example.edu" }), { createDrafters: true, address: "192.0.2.3" })).toMatchObject({ ok: true, id: row.id });
  });
});

describe("OIDC refusal on the sign-in page", () => {
  const secret = "x".repeat(40);
  const params = (path: string) => Object.fromEntries(new URL(path, "http://h").searchParams);

  it("names the address only when the link was signed by this server", () => {
    const path = refusalPath("no_account", "stranger@example.edu", secret);
    expect(readRefusal(params(path), secret)).toEqual({ reason: "no_account", email: "stranger@example.edu" });
    expect(signInProblem(params(path), "university account", secret)).toBe("No Masthead account for stranger@example.edu; ask an admin to add you.");
    const forged = { ...params(path), account: "ceo@example.edu" };
    expect(signInProblem(forged, "university account", secret)).toBe("No Masthead account for this address; ask an admin to add you.");
    expect(readRefusal(params(path), "y".repeat(40))?.email).toBeNull();
    expect(readRefusal({ sso: "constructor" }, secret)).toBeNull();
  });

  it("explains next-auth's failures and says nothing when there was none", () => {
    expect(signInProblem({}, "Halden ID", secret)).toBeNull();
    expect(signInProblem({ error: "OAuthCallback" }, "Halden ID", secret)).toMatch(/^Sign-in with your Halden ID did not complete/);
    expect(signInProblem({ error: "CredentialsSignin" }, "Halden ID", secret)).toBe("Wrong email or password.");
    expect(signInProblem({ error: "<script>" }, "Halden ID", secret)).toBe("Sign-in did not complete. Please try again.");
  });
});
