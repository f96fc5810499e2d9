import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { paragraphDoc } from "./support/content";
import { addStaff, addTopic } from "./support/people";
import { useFreshDatabase } from "./support/temp-db";

// Exactly one scheduler among several instances on one database: the lease in `leases`.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: import("./support/sql").RawSql;
let lease: typeof import("@/lib/scheduler/lease");
const p: Record<string, CurrentUser> = {};
let topicId = 0;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  sql = await (await import("./support/sql")).rawSql();
  lease = await import("@/lib/scheduler/lease");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(() => cleanup());

const T0 = new Date("2026-12-02T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const row = async () => (await sql.get("select holder, acquired_at, expires_at from leases where name = 'scheduler'"));

describe("the scheduler lease", () => {
  it("is held by one instance at a time, renewed by its holder, taken over only once it lapses", async () => {
    expect(await lease.holdSchedulerLease(T0, "a:3001")).toBe(true);
    expect(await row()).toEqual({ holder: "a:3001", acquired_at: T0.getTime(), expires_at: T0.getTime() + lease.LEASE_MS });
    expect(await lease.holdSchedulerLease(later(1_000), "b:3002")).toBe(false);
    // Renewed: the same holder, still acquired at T0, good for another LEASE_MS.
    expect(await lease.holdSchedulerLease(later(10_000), "a:3001")).toBe(true);
    expect(await row()).toEqual({ holder: "a:3001", acquired_at: T0.getTime(), expires_at: T0.getTime() + 10_000 + lease.LEASE_MS });
    expect(await lease.holdSchedulerLease(later(10_000 + lease.LEASE_MS - 1), "b:3002")).toBe(false);
    // The holder stopped renewing: the next try after the lapse takes it over.
    expect(await lease.holdSchedulerLease(later(10_000 + lease.LEASE_MS), "b:3002")).toBe(true);
    expect(await row()).toMatchObject({ holder: "b:3002", acquired_at: T0.getTime() + 10_000 + lease.LEASE_MS });
    expect(await lease.holdSchedulerLease(later(10_000 + lease.LEASE_MS + 1), "a:3001")).toBe(false);
  });

  it("names an instance by host and port, so a restarted instance takes its own lease straight back", () => {
    const before = process.env.PORT;
    process.env.PORT = "3123";
    try {
      expect(lease.instanceId()).toMatch(/:3123$/);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });

  it("lets only the holder's scheduler run publish what is due; the others answer without publishing", async () => {
    const e = await import("@/lib/articles/editing");
    const { POST } = await import("@/app/api/scheduler/route");
    const { schedulerToken } = await import("@/lib/scheduler/token");
    const run = async () => (await POST(new Request("http://127.0.0.1/api/scheduler", { method: "POST", headers: { "x-masthead-scheduler": schedulerToken() } }))).json();
    const id = await e.createDraft(p.maya!, "Due now");
    await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title: "Due now", standfirst: "", body: paragraphDoc("Text."), topicIds: [topicId], leadMediaId: null });
    await sql.run("update articles set status = 'scheduled', scheduled_for = ? where id = ?", new Date(Date.now() - 60_000), id);
    await sql.run("insert into audit_log (at, actor_id, action, article_id, from_state, to_state) values (?, ?, 'article.schedule', ?, 'in_review', 'scheduled')", new Date(Date.now() - 120_000), p.helen!.id, id);
    // Another instance holds the lease, freshly renewed.
    await sql.run("update leases set holder = 'elsewhere:3999', expires_at = ? where name = 'scheduler'", new Date(Date.now() + 15_000));
    expect(await run()).toMatchObject({ leader: false, caughtUp: false });
    expect(await sql.get("select status from articles where id = ?", id)).toEqual({ status: "scheduled" });
    expect(await sql.get("select count(*) n from publications where article_id = ?", id)).toEqual({ n: 0 });
    // It lapsed: this instance takes over and publishes, once.
    await sql.run("update leases set expires_at = ? where name = 'scheduler'", new Date(Date.now() - 1));
    expect(await run()).toMatchObject({ leader: true, published: [id] });
    expect(await run()).toMatchObject({ leader: true, published: [] });
    expect(await sql.get("select count(*) n from audit_log where article_id = ? and action = 'article.publish_due'", id)).toEqual({ n: 1 });
    expect(await row()).toMatchObject({ holder: lease.instanceId() });
  });
});
