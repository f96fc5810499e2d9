import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVarnish, type RunningVarnish } from "../../scripts/varnish.mjs";
import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "../support/people";
import { rawSql, type RawSql } from "../support/sql";
import { useFreshDatabase } from "../support/temp-db";
import { freePort } from "../../scripts/service.mjs";

/*
 * The purge outbox: a change of live content writes its tags in its own transaction, the
 * server delivers them and forgets them once confirmed, and keeps them (with backoff) while
 * the cache tier cannot be reached. The cache tier is a real Varnish (scripts/varnish.mjs),
 * first not yet running on its port, then started; e2e/cache-tier.spec.ts checks the pages.
 */
let cleanup: () => Promise<void>;
let sql: RawSql;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let purge: typeof import("@/lib/cache-tier/purge");
const p: Record<string, CurrentUser> = {};
let topicId = 0;
let varnish: RunningVarnish | null = null;
let port = 0;


beforeAll(async () => {
  port = await freePort();
  // Varnish's port, with no Varnish on it yet: "the cache tier is down".
  process.env.MASTHEAD_PURGE_URL = `http://127.0.0.1:${port}/`;
  ({ cleanup } = await useFreshDatabase());
  sql = await rawSql();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  purge = await import("@/lib/cache-tier/purge");
  Object.assign(p, await addStaff([["maya", "drafter"], ["helen", "reviser"]] as const));
  topicId = await addTopic("research", "Research");
});
afterAll(async () => {
  delete process.env.MASTHEAD_PURGE_URL;
  await varnish?.stop();
  await cleanup();
});

const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
async function publishOne(title: string) {
  const id = await e.createDraft(p.maya!, title);
  await e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title, standfirst: "", body, topicIds: [topicId], leadMediaId: null });
  await t.applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: 2 });
  const { version } = (await sql.get<{ version: number }>("select version from articles where id = ?", id))!;
  await t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: version });
  return id;
}
const outbox = async () => await sql.all<{ tags: string; attempts: number; last_error: string | null }>("select tags, attempts, last_error from cache_purges order by id");

describe("the purge outbox", () => {
  it("is written in the publishing transaction, with the article's, its topics' and the lists' tags", async () => {
    await publishOne("Glacier melt");
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tags.split(" ")).toEqual(expect.arrayContaining(["articles", "article-slug:glacier-melt", "topic:research"]));
  });

  it("keeps a purge the cache tier did not confirm, and says why", async () => {
    await purge.deliverPendingPurges();
    const [row] = await outbox();
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(purge.retryDelay(1)).toBe(1_000);
    expect(purge.retryDelay(10)).toBe(5_000);
  });

  it("a refused change records nothing", async () => {
    const before = (await outbox()).length;
    await expect(async () => await t.applyTransition(p.maya!, { articleId: 1, action: "unpublish", baseVersion: 1 })).rejects.toThrow();
    expect(await outbox()).toHaveLength(before);
  });

  it("is delivered once Varnish is up, and forgotten only then", async () => {
    // Varnish answers PURGE itself; its backend (nobody, here) does not matter for that.
    varnish = await startVarnish({ port, backendPort: await freePort() });
    await sql.run("update cache_purges set next_attempt_at = ?", new Date(0));
    expect(await purge.deliverPendingPurges()).toBe(1);
    expect(await outbox()).toEqual([]);
    // Nothing left to send: a second round delivers nothing and records nothing.
    expect(await purge.deliverPendingPurges()).toBe(0);
  });
});
