import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FormAction } from "@/lib/actions/define";
import { rawSql, type RawSql } from "./support/sql";
import { useFreshDatabase } from "./support/temp-db";
import { form } from "./support/forms";

/*
 * Integration: every server action called directly, without a session, with each role, as a
 * deactivated person and with a stale session: allowed exactly where the table says, otherwise
 * refused with nothing written. Only the session cookie is faked; the database re-read is real.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let db: RawSql;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  const { hashPassword } = await import("@/lib/auth/password");
  db = await rawSql();
  const hash = await hashPassword("correct horse battery");
  for (const [key, role, active] of [
    ["drafter", "drafter", true],
    ["reviser", "reviser", true],
    ["admin", "admin", true],
    ["admin2", "admin", true],
    ["deactivated", "admin", false],
    ["target", "drafter", true],
  ] as const) {
    const row = await db.get<{ id: number }>("insert into users (email, name, role, password_hash, active) values (?, ?, ?, ?, ?) returning id", `${key}@example.edu`, key, role, hash, active);
    ids[key] = row!.id;
  }
});
afterAll(() => cleanup());

type Identity = "nobody" | "drafter" | "reviser" | "admin" | "deactivated" | "stale";

async function signInAs(identity: Identity) {
  if (identity === "nobody") claims.current = null;
  else if (identity === "stale") claims.current = { uid: ids.admin!, sv: 999 };
  else {
    const row = await db.get<{ sv: number }>("select session_version as sv from users where id = ?", ids[identity]);
    claims.current = { uid: ids[identity]!, sv: row!.sv };
  }
}

/** Everything an action could write, to compare before and after a refusal. */
async function snapshot() {
  return JSON.stringify({
    users: await db.all("select * from users order by id"),
    tokens: await db.all("select * from password_tokens order by id"),
    audit: await db.get("select count(*) n from audit_log"),
  });
}

interface Case {
  name: string;
  allowed: Identity[];
  load: () => Promise<FormAction<unknown>>;
  input: () => Record<string, string> | Promise<Record<string, string>>;
}

let n = 0;
const CASES: Case[] = [
  {
    name: "addStaffAction",
    allowed: ["admin"],
    load: async () => (await import("@/lib/actions/staff")).addStaffAction as FormAction<unknown>,
    input: () => ({ name: "New Person", email: `new${++n}@example.edu`, role: "drafter" }),
  },
  {
    name: "changeRoleAction",
    allowed: ["admin"],
    load: async () => (await import("@/lib/actions/staff")).changeRoleAction as FormAction<unknown>,
    input: async () => {
      const row = await db.get<{ role: string }>("select role from users where id = ?", ids.target);
      return { userId: String(ids.target), role: row!.role === "drafter" ? "reviser" : "drafter" };
    },
  },
  {
    name: "deactivateStaffAction",
    allowed: ["admin"],
    load: async () => (await import("@/lib/actions/staff")).deactivateStaffAction as FormAction<unknown>,
    input: async () => {
      await db.run("update users set active = ? where id = ?", true, ids.target);
      return { userId: String(ids.target) };
    },
  },
  {
    name: "reactivateStaffAction",
    allowed: ["admin"],
    load: async () => (await import("@/lib/actions/staff")).reactivateStaffAction as FormAction<unknown>,
    input: async () => {
      await db.run("update users set active = ? where id = ?", false, ids.target);
      return { userId: String(ids.target) };
    },
  },
  {
    name: "resetPasswordAction",
    allowed: ["admin"],
    load: async () => (await import("@/lib/actions/staff")).resetPasswordAction as FormAction<unknown>,
    input: () => ({ userId: String(ids.target) }),
  },
  {
    name: "renameSelfAction",
    allowed: ["drafter", "reviser", "admin"],
    load: async () => (await import("@/lib/actions/profile")).renameSelfAction as FormAction<unknown>,
    input: () => ({ name: `Renamed ${++n}` }),
  },
  {
    name: "changePasswordAction",
    allowed: ["drafter", "reviser", "admin"],
    load: async () => (await import("@/lib/actions/profile")).changePasswordAction as FormAction<unknown>,
    input: () => ({ currentPassword: "correct horse battery", newPassword: "correct horse battery", confirmPassword: "correct horse battery" }),
  },
];

const IDENTITIES: Identity[] = ["nobody", "drafter", "reviser", "admin", "deactivated", "stale"];

describe.each(CASES)("$name", ({ allowed, load, input }) => {
  for (const identity of IDENTITIES) {
    const expectAllowed = allowed.includes(identity);
    it(`${expectAllowed ? "runs" : "refuses"} for ${identity}`, async () => {
      const action = await load();
      const values = await input();
      await signInAs(identity);
      const before = await snapshot();
      const result = await action(null, form(values));
      if (expectAllowed) {
        expect(result).toMatchObject({ ok: true });
        expect(await snapshot()).not.toBe(before);
      } else {
        expect(result).toMatchObject({ ok: false });
        expect(result.ok ? "" : result.code).toBe(identity === "nobody" || identity === "deactivated" || identity === "stale" ? "unauthenticated" : "forbidden");
        expect(await snapshot()).toBe(before);
      }
    });
  }
});

describe("staff rules hold for every caller", () => {
  beforeEach(async () => await signInAs("admin"));

  it("refuses bad input with field errors, echoes no password and writes nothing", async () => {
    const { addStaffAction } = await import("@/lib/actions/staff");
    const before = await snapshot();
    const result = await addStaffAction(null, form({ name: "", email: "not-an-address", role: "emperor" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["email", "name", "role"]);
    expect(await snapshot()).toBe(before);

    const { changePasswordAction } = await import("@/lib/actions/profile");
    const weak = await changePasswordAction(null, form({ currentPassword: "correct horse battery", newPassword: "short-pass", confirmPassword: "short-pass" }));
    expect(JSON.stringify(weak)).not.toContain("short-pass");
    expect(weak).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot()).toBe(before);
  });

  it("will not add the same address twice", async () => {
    const { addStaffAction } = await import("@/lib/actions/staff");
    const result = await addStaffAction(null, form({ name: "Dup", email: "DRAFTER@example.edu", role: "drafter" }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });

  it("keeps at least one active admin and refuses self-deactivation", async () => {
    const { changeRoleAction, deactivateStaffAction } = await import("@/lib/actions/staff");
    expect(await deactivateStaffAction(null, form({ userId: String(ids.admin) }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await changeRoleAction(null, form({ userId: String(ids.admin2), role: "reviser" }))).toMatchObject({ ok: true });
    await signInAs("admin");
    expect(await changeRoleAction(null, form({ userId: String(ids.admin), role: "drafter" }))).toMatchObject({ ok: false, code: "conflict" });
  });

  it("a role change ends the person's sessions (their old claims are refused)", async () => {
    const { changeRoleAction } = await import("@/lib/actions/staff");
    const { renameSelfAction } = await import("@/lib/actions/profile");
    await signInAs("reviser");
    const reviserClaims = claims.current;
    await signInAs("admin");
    expect(await changeRoleAction(null, form({ userId: String(ids.reviser), role: "drafter" }))).toMatchObject({ ok: true });
    claims.current = reviserClaims;
    expect(await renameSelfAction(null, form({ name: "Still here?" }))).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("a one-time link sets a password once; the hash never leaves the data layer", async () => {
    const { resetPasswordAction } = await import("@/lib/actions/staff");
    const { setPasswordWithTokenAction } = await import("@/lib/actions/password");
    await db.run("update users set active = ? where id = ?", true, ids.target);
    const reset = await resetPasswordAction(null, form({ userId: String(ids.target) }));
    expect(reset.ok).toBe(true);
    const link = (reset as { data: { link: string } }).data.link;
    expect(JSON.stringify(reset)).not.toMatch(/argon2/);
    const token = new URL(link).searchParams.get("token")!;
    claims.current = null;
    const values = { token, password: "a brand new password", confirmPassword: "a brand new password" };
    expect(await setPasswordWithTokenAction(null, form(values))).toMatchObject({ ok: true });
    expect(await setPasswordWithTokenAction(null, form(values))).toMatchObject({ ok: false, code: "invalid" });
    const { authenticate } = await import("@/lib/auth/sign-in");
    await expect(authenticate({ email: "target@example.edu", password: "a brand new password" }, "127.0.0.1")).resolves.toMatchObject({ id: ids.target });
  });

  it("a link for a deactivated person cannot be used", async () => {
    const { resetPasswordAction } = await import("@/lib/actions/staff");
    const { setPasswordWithTokenAction } = await import("@/lib/actions/password");
    const reset = (await resetPasswordAction(null, form({ userId: String(ids.target) }))) as { data: { link: string } };
    await db.run("update users set active = ? where id = ?", false, ids.target);
    const token = new URL(reset.data.link).searchParams.get("token")!;
    const result = await setPasswordWithTokenAction(null, form({ token, password: "another new password", confirmPassword: "another new password" }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });

  it("audit rows cannot be changed or deleted", async () => {
    expect((await db.get<{ n: number }>("select count(*) n from audit_log"))!.n).toBeGreaterThan(0);
    await expect(db.run("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.run("delete from audit_log")).rejects.toThrow(/append-only/);
  });
});
