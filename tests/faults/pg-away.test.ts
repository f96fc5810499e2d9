import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensurePostgres, freePort, startPostgres, type RunningPostgres } from "@/scripts/postgres.mjs";
import { paragraphDoc as body } from "../support/content";
import { PG_HOOK_TIMEOUT } from "../support/pg";
import { form } from "../support/forms";

/*
 * Fault, PostgreSQL only: the database server goes away (stopped for patching, or restarted
 * under a write by a managed service's failover) and comes back. Every write meanwhile must be
 * refused as retryable with a message that says what happened and that the text is kept: the
 * database cannot be reached (nothing was changed), or the connection was lost under the write
 * (which is then undone whole); nothing acknowledged before may be lost, and once the server is
 * back the same request succeeds without restarting the app.
 *
 * The server is a real cluster of this suite's own, kept in a folder (as `npm run start:cluster`
 * keeps its own) so it can be stopped and started again on the same port with the same data.
 */
const AWAY = "The database cannot be reached right now. Nothing was changed; your text is kept in this browser.";
const LOST = "The connection to the database was lost before your change was confirmed. Your text is kept in this browser; please try again in a moment.";

const claims = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.mock("@/lib/auth/claims", () => ({ readSessionClaims: async () => claims.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let tmp = "";
let pgDir = "";
let port = 0;
let server: RunningPostgres | null = null;
let articleId = 0;
let topicId = 0;

const save = async (baseVersion: number, text: string) => {
  const { saveArticleAction } = await import("@/lib/actions/articles");
  const payload = { articleId, baseVersion, title: "Harbour survey", standfirst: "", body: body(text), topicIds: [topicId], leadMediaId: null };
  return await saveArticleAction(null, form({ payload: JSON.stringify(payload) }));
};
/** The stored working copy, read on a connection of the test's own. */
async function stored(): Promise<{ version: number; body: string; revisions: number }> {
  const client = new pg.Client({ connectionString: server!.url });
  await client.connect();
  try {
    const a = await client.query<{ version: number; body: unknown }>("select version, body from articles where id = $1", [articleId]);
    const r = await client.query<{ n: string }>("select count(*) n from revisions where article_id = $1", [articleId]);
    return { version: a.rows[0]!.version, body: JSON.stringify(a.rows[0]!.body), revisions: Number(r.rows[0]!.n) };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  ensurePostgres();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-away-"));
  // PostgreSQL runs as its own user (we are root) and must reach its folder inside this one.
  fs.chmodSync(tmp, 0o755);
  pgDir = path.join(tmp, "postgres");
  port = await freePort();
  server = await startPostgres({ port, keepIn: pgDir });
  fs.mkdirSync(path.join(tmp, "data"));
  process.env.MASTHEAD_DATA_DIR = path.join(tmp, "data");
  process.env.DATABASE_URL = server.url;
  process.env.MASTHEAD_TEST_ENGINE = "postgres"; // for ../support/sql.ts
  process.env.NEXTAUTH_SECRET = "pg-away-test-secret-pg-away-test-secret-0123";
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  const { addStaff, addTopic } = await import("../support/people");
  const { maya } = await addStaff([["maya", "drafter"]] as const);
  topicId = await addTopic("research", "Research");
  const { createDraft } = await import("@/lib/articles/editing");
  articleId = await createDraft(maya!, "Harbour survey");
  claims.current = { uid: maya!.id, sv: 1 };
}, PG_HOOK_TIMEOUT);

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
  await server?.stop();
  delete process.env.DATABASE_URL;
  delete process.env.MASTHEAD_TEST_ENGINE;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the PostgreSQL server goes away and comes back", () => {
  it("refuses writes while it is stopped, clearly and retryably, then takes the same save once it is back", async () => {
    expect(await save(1, "Surveyed before the outage.")).toMatchObject({ ok: true, data: { version: 2 } });

    await server!.stop();
    server = null;
    expect(await save(2, "Written during the outage.")).toEqual({ ok: false, code: "storage_unavailable", message: AWAY, retryable: true });

    // The upload route says the same, as a 503 with Retry-After.
    const { POST } = await import("@/app/api/media/route");
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#336699" } }).png().toBuffer();
    const upload = await POST(new Request("http://127.0.0.1/api/media?alt=A%20boat", { method: "POST", body: new Uint8Array(png), headers: { origin: "http://127.0.0.1", host: "127.0.0.1", "content-type": "image/png" } }));
    expect(upload.status).toBe(503);
    expect(Number(upload.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await upload.json()).toEqual({ code: "storage_unavailable", message: AWAY, retryable: true });

    server = await startPostgres({ port, keepIn: pgDir });
    const before = await stored();
    expect(before.version).toBe(2);
    expect(before.body).toContain("Surveyed before the outage.");
    expect(await save(2, "Written during the outage.")).toMatchObject({ ok: true, data: { version: 3 } });
    expect((await stored()).body).toContain("Written during the outage.");
  });

  it("a write cut off by a server restart after its first change is undone whole, told as 'lost', and succeeds when sent again", async () => {
    const start = await stored();
    // A second session locks the revisions table, so the save updates the working copy and then
    // waits to write its revision: it is certainly mid-transaction, with a change made, when the
    // server ends every session (what a restart or failover does to open connections).
    const holder = new pg.Client({ connectionString: server!.url });
    holder.on("error", () => {});
    await holder.connect();
    await holder.query("begin");
    await holder.query("lock table revisions in exclusive mode");
    const inFlight = save(start.version, "Cut off mid-write.");
    const admin = new pg.Client({ connectionString: server!.adminUrl });
    await admin.connect();
    try {
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        const blocked = await admin.query("select 1 from pg_locks where relation = 'revisions'::regclass and not granted");
        waiting = (blocked.rowCount ?? 0) > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waiting, "the save waits to write its revision").toBe(true);
      // By now it has updated the working copy, in its open transaction.
      const own = await admin.query<{ n: string }>("select count(*) n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'articles' and l.mode = 'RowExclusiveLock' and l.granted");
      expect(Number(own.rows[0]!.n)).toBeGreaterThan(0);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
    expect(await inFlight).toEqual({ ok: false, code: "storage_unavailable", message: LOST, retryable: true });
    // Undone whole: the working copy and its revisions are as before the save.
    expect(await stored()).toEqual(start);
    // The pool replaces the lost connections by itself: the same save, sent again, is taken.
    expect(await save(start.version, "Cut off mid-write.")).toMatchObject({ ok: true, data: { version: start.version + 1 } });
    expect((await stored()).body).toContain("Cut off mid-write.");
  });
});
