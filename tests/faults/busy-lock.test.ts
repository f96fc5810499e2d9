import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addStaff, addTopic } from "../support/people";
import { onPostgres, rawSql, type RawSql } from "../support/sql";
import { useFreshDatabase } from "../support/temp-db";
import { paragraphDoc as body } from "../support/content";
import { form } from "../support/forms";

/*
 * Fault: another connection (a backup, a migration, a stuck script, another instance's long
 * write) holds the write lock longer than our busy timeout. Every write path must then answer
 * with a clear, retryable refusal and write nothing; once the lock is gone the same request
 * succeeds.
 *
 * The busy timeout is lowered through MASTHEAD_DB_BUSY_TIMEOUT_MS so the test waits 150 ms per
 * attempt instead of the production 5 s. The lock itself is real: on SQLite a BEGIN IMMEDIATE on
 * a second better-sqlite3 connection to the same file; on PostgreSQL a second connection holding
 * the advisory lock every writing transaction of every instance takes (db/client.ts).
 */
const BUSY_TIMEOUT_MS = 150;
const BUSY = "The newsroom is busy right now; nothing was changed. Please try again in a moment.";

const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let cleanup: () => Promise<void>;
let sql: RawSql;

/** A second connection that can hold the write lock. */
interface Holder {
  lock(): Promise<void>;
  unlock(): Promise<void>;
  close(): Promise<void>;
}
let holder: Holder;

async function openHolder(dir: string): Promise<Holder> {
  if (onPostgres()) {
    const { WRITER_LOCK } = await import("@/db/client");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return {
      lock: async () => void (await client.query("select pg_advisory_lock($1)", [WRITER_LOCK])),
      unlock: async () => void (await client.query("select pg_advisory_unlock($1)", [WRITER_LOCK])),
      close: async () => await client.end(),
    };
  }
  const db = new Database(path.join(dir, "masthead.db"));
  return {
    lock: async () => await Promise.resolve(void db.exec("BEGIN IMMEDIATE")),
    unlock: async () => await Promise.resolve(void db.exec("ROLLBACK")),
    close: async () => await Promise.resolve(void db.close()),
  };
}
let dir: string;
const ids: Record<string, number> = {};
let articleId = 0;
let topicId = 0;

const savePayload = (baseVersion: number, text: string) =>
  JSON.stringify({ articleId, baseVersion, title: "Ferry timetable", standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null });

/** Everything a write could have touched (reads are not held up by the write lock). */
const snapshot = async () =>
  JSON.stringify(
    await Promise.all(["articles", "revisions", "audit_log", "media", "publications", "notifications", "article_topics"].map(async (table) => await sql.all(`select * from ${table} order by 1, 2`))),
  );

/** Runs `fn` while a second connection holds the write lock; returns its result and duration. */
async function whileLocked<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; before: string; after: string }> {
  await holder.lock();
  try {
    const before = await snapshot();
    const started = performance.now();
    const result = await fn();
    const ms = performance.now() - started;
    return { result, ms, before, after: await snapshot() };
  } finally {
    await holder.unlock();
  }
}

beforeAll(async () => {
  process.env.MASTHEAD_DB_BUSY_TIMEOUT_MS = String(BUSY_TIMEOUT_MS);
  process.env.NEXTAUTH_SECRET = "busy-lock-test-secret-busy-lock-test-secret";
  ({ cleanup, dir } = await useFreshDatabase());
  sql = await rawSql();
  for (const [key, person] of Object.entries(await addStaff([["maya", "drafter"], ["helen", "reviser"]] as const))) ids[key] = person.id;
  topicId = await addTopic("research", "Research");
  const { createDraft } = await import("@/lib/articles/editing");
  articleId = await createDraft({ id: ids.maya!, name: "maya", email: "maya@example.edu", role: "drafter" }, "Ferry timetable");
  holder = await openHolder(dir);
});
afterAll(async () => {
  await holder.close();
  await cleanup();
  delete process.env.MASTHEAD_DB_BUSY_TIMEOUT_MS;
});

describe("a second connection holds the write lock past the busy timeout", () => {
  it("the app's writes wait for the lock at most MASTHEAD_DB_BUSY_TIMEOUT_MS", async () => {
    const client = await import("@/db/client");
    if (onPostgres()) {
      // PostgreSQL: the lock_timeout every writing transaction sets for itself.
      const { sql: q } = await import("drizzle-orm");
      const result = await client.immediate(async (db) => await (db as unknown as { execute: (query: unknown) => Promise<{ rows: { t: string }[] }> }).execute(q`select current_setting('lock_timeout') as t`));
      expect(result.rows[0]!.t).toBe(`${BUSY_TIMEOUT_MS}ms`);
    } else {
      expect(client.getSqlite().pragma("busy_timeout", { simple: true })).toBe(BUSY_TIMEOUT_MS);
    }
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
    expect(await sql.get("select status from articles where id = ?", articleId)).toEqual({ status: "draft" });
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
    expect(await listOrphanOriginals(dir, sql)).toEqual([]);

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
