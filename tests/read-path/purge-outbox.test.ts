import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { useFreshDatabase } from "../support/temp-db";

/*
 * The purge outbox: a change of live content writes its tags in its own transaction, the
 * server delivers them and forgets them once confirmed, and keeps them (with backoff) while
 * the cache tier cannot be reached. Delivery to a real Varnish is in e2e/cache-tier.spec.ts;
 * here the cache tier is first absent (a closed port) and then a plain HTTP listener, to see
 * what the outbox does with each answer.
 */
let cleanup: () => Promise<void>;
let sqlite: import("better-sqlite3").Database;
let e: typeof import("@/lib/articles/editing");
let t: typeof import("@/lib/articles/transitions");
let purge: typeof import("@/lib/cache-tier/purge");
const p: Record<string, CurrentUser> = {};
let topicId = 0;
let listener: http.Server;
const received: { method: string; xkey: string }[] = [];
let answer = 200;
let port = 0;

beforeAll(async () => {
  listener = http.createServer((req, res) => {
    received.push({ method: req.method!, xkey: String(req.headers.xkey) });
    res.writeHead(answer).end();
  });
  await new Promise<void>((r) => listener.listen(0, "127.0.0.1", r));
  port = (listener.address() as AddressInfo).port;
  // A port nobody listens on, for "the cache tier is down".
  process.env.MASTHEAD_PURGE_URL = `http://127.0.0.1:${port + 1}/`;
  ({ cleanup } = await useFreshDatabase());
  sqlite = (await import("@/db/client")).getSqlite();
  e = await import("@/lib/articles/editing");
  t = await import("@/lib/articles/transitions");
  purge = await import("@/lib/cache-tier/purge");
  for (const [key, role] of [["maya", "drafter"], ["helen", "reviser"]] as const) {
    const id = (sqlite.prepare("insert into users (email, name, role) values (?, ?, ?) returning id").get(`${key}@example.edu`, key, role) as { id: number }).id;
    p[key] = { id, name: key, email: `${key}@example.edu`, role };
  }
  topicId = (sqlite.prepare("insert into topics (slug, name) values ('research', 'Research') returning id").get() as { id: number }).id;
});
afterAll(async () => {
  delete process.env.MASTHEAD_PURGE_URL;
  await cleanup();
  await new Promise<void>((r) => listener.close(() => r()));
});

const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
function publishOne(title: string) {
  const id = e.createDraft(p.maya!, title);
  e.saveWorkingCopy(p.maya!, { articleId: id, baseVersion: 1, title, standfirst: "", body, topicIds: [topicId], leadMediaId: null });
  t.applyTransition(p.maya!, { articleId: id, action: "submit", baseVersion: 2 });
  const version = (sqlite.prepare("select version from articles where id = ?").get(id) as { version: number }).version;
  t.applyTransition(p.helen!, { articleId: id, action: "approve", baseVersion: version });
  return id;
}
const outbox = () => sqlite.prepare("select tags, attempts, last_error from cache_purges order by id").all() as { tags: string; attempts: number; last_error: string | null }[];

describe("the purge outbox", () => {
  it("is written in the publishing transaction, with the article's, its topics' and the lists' tags", () => {
    publishOne("Glacier melt");
    const rows = outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tags.split(" ")).toEqual(expect.arrayContaining(["articles", "article-slug:glacier-melt", "topic:research"]));
  });

  it("keeps a purge the cache tier did not confirm, and says why", async () => {
    await purge.deliverPendingPurges();
    const [row] = outbox();
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(purge.retryDelay(1)).toBe(1_000);
    expect(purge.retryDelay(10)).toBe(30_000);
  });

  it("a refused change records nothing", () => {
    const before = outbox().length;
    expect(() => t.applyTransition(p.maya!, { articleId: 1, action: "unpublish", baseVersion: 1 })).toThrow();
    expect(outbox()).toHaveLength(before);
  });

  it("delivers as PURGE with an xkey header once the cache tier answers, and forgets it only on success", async () => {
    process.env.MASTHEAD_PURGE_URL = `http://127.0.0.1:${port}/`;
    const { env } = await import("@/lib/env");
    // env() is parsed once per process; point this test's parse at the listener.
    (env() as { MASTHEAD_PURGE_URL?: string }).MASTHEAD_PURGE_URL = `http://127.0.0.1:${port}/`;
    sqlite.prepare("update cache_purges set next_attempt_at = 0").run();
    answer = 503;
    await purge.deliverPendingPurges();
    expect(outbox()).toHaveLength(1);
    expect(outbox()[0]!.last_error).toBe("HTTP 503");
    answer = 200;
    sqlite.prepare("update cache_purges set next_attempt_at = 0").run();
    await purge.deliverPendingPurges();
    expect(outbox()).toEqual([]);
    expect(received.at(-1)!.method).toBe("PURGE");
    expect(received.at(-1)!.xkey.split(" ")).toContain("article-slug:glacier-melt");
  });
});
