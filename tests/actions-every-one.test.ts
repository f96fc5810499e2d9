import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormAction } from "@/lib/actions/define";
import { rawSql, type RawSql } from "./support/sql";
import { useFreshDatabase } from "./support/temp-db";

/*
 * Every server action there is, found by reading lib/actions rather than listed by hand, so an
 * action added later is covered the day it is added: called as a forged request would call it,
 * with no session, a deactivated person's and a stale one, each is refused as "unauthenticated"
 * with nothing written. Only the two that carry their own proof (a one-time link) may be called
 * without a session, and they are named here. The role-by-role rules are in
 * actions-authorization, actions-newsroom and security/authn-authz.
 */
const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const PUBLIC = ["addOutsideCommentAction", "setPasswordWithTokenAction"];
const ACTIONS_DIR = path.resolve(import.meta.dirname, "..", "lib", "actions");

let cleanup: () => Promise<void>;
let sql: RawSql;
const ids: Record<string, number> = {};
let articleId = 0;
const actions: [string, FormAction<unknown>][] = [];

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await rawSql();
  for (const [key, role, active] of [["maya", "drafter", true], ["tomas", "drafter", true], ["gone", "admin", false]] as const) {
    ids[key] = (await sql.get<{ id: number }>("insert into users (email, name, role, active) values (?, ?, ?, ?) returning id", `${key}@example.edu`, key, role, active))!.id;
  }
  const { createDraft } = await import("@/lib/articles/editing");
  articleId = await createDraft({ id: ids.maya!, name: "maya", email: "maya@example.edu", role: "drafter" }, "Story");
  for (const file of fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts") && f !== "define.ts").sort()) {
    const source = fs.readFileSync(path.join(ACTIONS_DIR, file), "utf8");
    expect(source.startsWith('"use server";'), `${file} is a server-action module`).toBe(true);
    const mod = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") actions.push([name, value as FormAction<unknown>]);
  }
});
afterAll(() => cleanup());

/** Every table's rows, to compare before and after a refusal. */
async function snapshot(): Promise<string> {
  const tables = ["users", "articles", "revisions", "comments", "publications", "article_notes", "assignments", "review_links", "media", "notifications", "password_tokens", "slug_redirects", "audit_log"];
  return JSON.stringify(await Promise.all(tables.map(async (t) => await sql.all(`select * from ${t} order by 1`))));
}

/** A form with a plausible value for anything an action may read. */
function anyForm(): FormData {
  const f = new FormData();
  const values: Record<string, string> = { articleId: String(articleId), id: "1", userId: String(ids.tomas), baseVersion: "1", title: "Forged", body: "Forged", action: "approve", role: "admin", name: "Forged", email: "forged@example.edu", slug: "forged", mediaId: "1", token: "forged-token-0123456789", password: "a forged password", confirmPassword: "a forged password" };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  f.set("payload", JSON.stringify({ articleId, baseVersion: 1, title: "Forged", standfirst: "", body: { type: "doc", content: [] }, topicIds: [], leadMediaId: null }));
  return f;
}

describe("every server action", () => {
  it("is found: the modules export only actions, and the known ones are among them", () => {
    const names = actions.map(([name]) => name);
    expect(names.every((n) => n.endsWith("Action")), names.join(", ")).toBe(true);
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const known of ["saveArticleAction", "transitionAction", "addStaffAction", "setFocalPointAction", "listCommentsAction", "findLiveSlugsAction", ...PUBLIC]) expect(names).toContain(known);
  });

  type Claims = { uid: number; sv: number } | null;
  it.each<[string, () => Claims]>([
    ["no session", () => null],
    ["a deactivated person's session", () => ({ uid: ids.gone!, sv: 1 })],
    ["a stale session (signed out everywhere since)", () => ({ uid: ids.maya!, sv: 999 })],
  ])("refuses %s as unauthenticated, writing nothing (but the two with a link of their own)", async (_who, session) => {
    const openToAll: string[] = [];
    for (const [name, action] of actions) {
      claims.current = session();
      const before = await snapshot();
      const result = await action(null, anyForm());
      if (PUBLIC.includes(name)) {
        // Called without a session, it stands on its forged token alone: refused, nothing written.
        expect(result.ok, name).toBe(false);
      } else if (result.ok || result.code !== "unauthenticated") openToAll.push(`${name}: ${JSON.stringify(result)}`);
      expect(await snapshot(), name).toBe(before);
    }
    expect(openToAll).toEqual([]);
  });

  it("shows one drafter nothing of another's draft through the comment list", async () => {
    const { listCommentsAction } = await import("@/lib/actions/workflow");
    claims.current = { uid: ids.tomas!, sv: 1 };
    const form = new FormData();
    form.set("articleId", String(articleId));
    expect(await listCommentsAction(null, form)).toMatchObject({ ok: false, code: "not_found" });
  });
});
