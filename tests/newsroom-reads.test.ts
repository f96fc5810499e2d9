import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { useFreshDatabase } from "./support/temp-db";

// The newsroom's list reads decide access themselves, whatever page calls them.
let cleanup: () => Promise<void>;
let r: typeof import("@/lib/newsroom/reads");
const person = (role: CurrentUser["role"], id = 1): CurrentUser => ({ id, role, name: "P", email: "p@example.edu" });

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  r = await import("@/lib/newsroom/reads");
  const { rawSql } = await import("./support/sql");
  await (await rawSql()).run("insert into users (email, name, role) values ('a@example.edu', 'A', 'admin')");
});
afterAll(() => cleanup());

describe("newsroom list reads", () => {
  it("give the audit log and staff list to admins only", async () => {
    await expect(async () => await r.getAuditLog(person("reviser"), {})).rejects.toThrow(/do not have access/);
    await expect(async () => await r.listStaffFor(person("drafter"))).rejects.toThrow(/do not have access/);
    expect((await r.getAuditLog(person("admin"), {})).staff.map((s) => s.email)).toEqual(["a@example.edu"]);
    expect(await r.listStaffFor(person("admin"))).toHaveLength(1);
  });
});
