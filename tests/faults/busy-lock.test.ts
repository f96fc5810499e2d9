import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../support/temp-db";
import { paragraphDoc as body } from "../support/content";

/*
 * Fault: another connection (a backup, a migration, a stuck script) holds the write lock longer
 * than our busy timeout. Every write path must then answer with a clear, retryable refusal and
 * write nothing; once the lock is gone the same request succeeds.
 *
 * The busy timeout is lowered through MASTHEAD_DB_BUSY_TIMEOUT_MS so the test waits 150 ms per
 * attempt instead of the production 5 s; the lock itself is a real BEGIN IMMEDIATE on a second
 * better-sqlite3 connection to the same file.
 */
const BUSY_TIMEOUT_MS = 150;
const BUSY = "The newsroom is busy right now; nothing was changed. Please try again in a moment.";

const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sqlite: Database.Database;
let holder: Database.Database;
let dir: string;
const ids: Record<string, number> = {};
let articleId = 0;
let topicId = 0;

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const savePayload = (baseVersion: number, text: string) =>
  JSON.stringify({ articleId, baseVersion, title: "Ferry timetable", standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null });

/** Everything a write could have touched, read through the second connection. */
const snapshot = (db: Database.Database) =>
  JSON.stringify(
    ["articles", "revisions", "audit_log", "media", "publications", "notifications", "article_topics"].map((table) =>
      db.prepare(`select * from ${table} order by rowid`).all(),
    ),
  );

/** Runs `fn` while a second connection holds the write lock; returns its result and duration. */
async function whileLocked<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; before: string; after: string }> {
  holder.exec("BEGIN IMMEDIATE");
  try {
    const before = snapshot(holder);
    const started = performance.now();
    const result = await fn();
    const ms = performance.now() - started;
    return { result, ms, before, after: snapshot(holder) };
  } finally {
    holder.exec("ROLLBACK");
  }
}

beforeAll(async () => {
  process.env.MASTHEAD_DB_BUSY_TIMEOUT_MS = String(BUSY_TIMEOUT_MS);
  process.env.NEXTAUTH_SECRET = "busy-lock-test-secret-busy-lock-test-secret";
  ({ cleanup, dir } = await useFreshDatabase());
  sqlite = (await import("@/db/client")).getSqlite();
  const insert = sqlite.prepare("insert into users (email, name, role) values (?, ?, ?) returning id");
  for (const [key, role] of [["maya", "drafter"], ["helen", "reviser"]] as const) ids[key] = (insert.get(`${key}@example.edu`, key, role) as { id: number }).id;
  topicId = (sqlite.prepare("insert into topics (slug, name) values ('research', 'Research') returning id").get() as { id: number }).id;
  const { createDraft } = await import("@/lib/articles/editing");
  articleId = await createDraft({ id: ids.maya!, name: "maya", email: "maya@example.edu", role: "drafter" }, "Ferry timetable");
  holder = new Database(path.join(dir, "masthead.db"));
});
afterAll(async () => {
  holder.close();
  await cleanup();
  delete process.env.MASTHEAD_DB_BUSY_TIMEOUT_MS;
});

describe("a second connection holds the write lock past the busy timeout", () => {
  it("the app's connection uses the busy timeout from MASTHEAD_DB_BUSY_TIMEOUT_MS", () => {
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(BUSY_TIMEOUT_MS);
  });

  it("an autosave is refused as busy and retryable, writes nothing, and succeeds once the lock is gone", async () => {
    const { saveArticleAction } = await import("@/lib/actions/articles");
    claims.current = { uid: ids.maya!, sv: 1 };
    const { result, ms, before, after } = await whileLocked(async () => await saveArticleAction(null, form({ payload: savePayload(1, "First words.") })));
    expect(result).toEqual({ ok: false, code: "busy", message: BUSY, retryable: true });
    expect(after).toBe(before);
    // It waited for the lock (the busy timeout), but not the production 5 s.
    expect(ms).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS * 0.8);
    expect(ms).toBeLessThan(3000);

    const retried = await saveArticleAction(null, form({ payload: savePayload(1, "First words.") }));
    expect(retried).toMatchObject({ ok: true, data: { version: 2 } });
  });

  it("creating a draft and a workflow transition are refused the same way, with nothing written", async () => {
    const { createArticleAction } = await import("@/lib/actions/articles");
    const { transitionAction } = await import("@/lib/actions/workflow");
    claims.current = { uid: ids.maya!, sv: 1 };
    const created = await whileLocked(async () => await createArticleAction(null, form({ title: "Another story" })));
    expect(created.result).toEqual({ ok: false, code: "busy", message: BUSY, retryable: true });
    expect(created.after).toBe(created.before);

    const submitted = await whileLocked(async () => await transitionAction(null, form({ articleId: String(articleId), action: "submit", baseVersion: "2" })));
    expect(submitted.result).toEqual({ ok: false, code: "busy", message: BUSY, retryable: true });
    expect(submitted.after).toBe(submitted.before);
    expect(sqlite.prepare("select status from articles where id = ?").get(articleId)).toEqual({ status: "draft" });
  });

  it("the photo upload route answers 503 with Retry-After and the same message, and stores no photo", async () => {
    const { POST } = await import("@/app/api/media/route");
    claims.current = { uid: ids.maya!, sv: 1 };
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#336699" } }).png().toBuffer();
    const request = () =>
      new Request("http://127.0.0.1/api/media?alt=A%20boat", { method: "POST", body: new Uint8Array(png), headers: { origin: "http://127.0.0.1", host: "127.0.0.1", "content-type": "image/png" } });
    const { result: response, before, after } = await whileLocked(async () => await POST(request()));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ code: "busy", message: BUSY, retryable: true });
    expect(after).toBe(before);
    const { listOrphanOriginals } = await import("./support/media-files");
    expect(listOrphanOriginals(dir, sqlite)).toEqual([]);

    expect((await POST(request())).status).toBe(201);
  });

  it("the scheduler route answers 503 with Retry-After instead of a 500", async () => {
    const { POST } = await import("@/app/api/scheduler/route");
    const { schedulerToken } = await import("@/lib/scheduler/token");
    const request = () => new Request("http://127.0.0.1/api/scheduler", { method: "POST", headers: { "x-masthead-scheduler": schedulerToken() } });
    const { result: response } = await whileLocked(async () => await POST(request()));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ code: "busy", message: BUSY });
    expect((await POST(request())).status).toBe(200);
  });
});
