import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViewBuffer, type ViewBatchRow } from "@/lib/views/buffer";
import { DEDUP_WINDOW_MS, isBot, ViewDeduper } from "@/lib/views/dedup";
import { rawSql } from "./support/sql";
import { useFreshDatabase } from "./support/temp-db";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const T0 = Date.UTC(2026, 2, 18, 10, 0, 0);

describe("bots do not count", () => {
  it.each([
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 11) Chrome/130 Mobile Safari/537.36 Chrome-Lighthouse",
    "facebookexternalhit/1.1",
    "curl/8.5.0",
    "python-requests/2.32",
    "",
    "   ",
  ])("%j is a bot", (ua) => expect(isBot(ua)).toBe(true));

  it.each([
    BROWSER,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
  ])("%j is a reader", (ua) => expect(isBot(ua)).toBe(false));
});

describe("the same reader counts once per 30 minutes", () => {
  const reader = { ip: "203.0.113.7", userAgent: BROWSER, articleId: 1 };

  it("dedups reloads and counts again after the window", () => {
    const d = new ViewDeduper();
    expect(d.shouldCount({ ...reader, now: T0 })).toBe(true);
    expect(d.shouldCount({ ...reader, now: T0 + 1_000 })).toBe(false);
    expect(d.shouldCount({ ...reader, now: T0 + DEDUP_WINDOW_MS - 1 })).toBe(false);
    expect(d.shouldCount({ ...reader, now: T0 + DEDUP_WINDOW_MS })).toBe(true);
  });

  it("tells readers and articles apart", () => {
    const d = new ViewDeduper();
    expect(d.shouldCount({ ...reader, now: T0 })).toBe(true);
    expect(d.shouldCount({ ...reader, articleId: 2, now: T0 })).toBe(true);
    expect(d.shouldCount({ ...reader, ip: "203.0.113.8", now: T0 })).toBe(true);
    expect(d.shouldCount({ ...reader, userAgent: `${BROWSER} Edg/130`, now: T0 })).toBe(true);
    expect(d.shouldCount({ ...reader, now: T0 + 60_000 })).toBe(false);
  });

  it("forgets every key when the daily salt changes and stays within its memory bound", () => {
    const d = new ViewDeduper(DEDUP_WINDOW_MS, 100);
    const late = Date.UTC(2026, 2, 18, 23, 50);
    expect(d.shouldCount({ ...reader, now: late })).toBe(true);
    expect(d.shouldCount({ ...reader, now: late + 11 * 60_000 })).toBe(true); // new UTC day, new salt
    expect(d.size).toBe(1);
    for (let i = 0; i < 500; i++) d.shouldCount({ ...reader, ip: `10.0.${i >> 8}.${i & 255}`, now: late + 12 * 60_000 });
    expect(d.size).toBeLessThanOrEqual(100);
  });
});

describe("the buffer loses nothing", () => {
  it("keeps the counts of a failed write for the next flush", async () => {
    const written: ViewBatchRow[][] = [];
    let fail = true;
    const buffer = new ViewBuffer((rows) => {
      if (fail) throw new Error("database is locked");
      written.push(rows);
    });
    buffer.add(1, "2026-03-18");
    buffer.add(1, "2026-03-18");
    buffer.add(2, "2026-03-18");
    expect(await buffer.flush()).toBe(0);
    buffer.add(1, "2026-03-19");
    expect(buffer.pending).toBe(4);
    fail = false;
    expect(await buffer.flush()).toBe(4);
    expect(written).toHaveLength(1);
    expect(written[0]).toEqual(
      expect.arrayContaining([
        { articleId: 1, day: "2026-03-18", views: 2 },
        { articleId: 2, day: "2026-03-18", views: 1 },
        { articleId: 1, day: "2026-03-19", views: 1 },
      ]),
    );
    expect(buffer.pending).toBe(0);
  });
});

describe("a concurrent burst of beacons (integration)", () => {
  let cleanup: () => Promise<void>;
  const ids = { live: 0, draft: 0 };

  beforeAll(async () => {
    ({ cleanup } = await useFreshDatabase());
    const { immediate } = await import("@/db/client");
    const s = await import("@/db/tables");
    const { writePublication } = await import("@/db/queries/publish");
    await immediate(async (db) => {
      const [reviser] = await db.insert(s.users).values({ email: "r@example.edu", name: "Rae", role: "reviser" }).returning({ id: s.users.id });
      const make = async (slug: string, status: "published" | "draft") =>
        (await db.insert(s.articles).values({ slug, title: slug, body: { type: "doc", content: [] }, status }).returning({ id: s.articles.id }))[0]!.id;
      ids.live = await make("live", "published");
      ids.draft = await make("draft", "draft");
      await writePublication(db, { articleId: ids.live, reviserId: reviser!.id, at: new Date(), bodyMediaIds: [] });
    });
  });
  afterAll(() => cleanup());

  it("counts every distinct reader exactly once, repeats and bots not at all, drafts never", async () => {
    const { POST } = await import("@/app/api/views/route");
    const { viewRecorder } = await import("@/lib/views/recorder");
    const sql = await rawSql();
    // What scripts/server.mjs adds to every request: the socket address and its process token.
    (globalThis as { __mastheadSocketToken?: string }).__mastheadSocketToken = "process-token";
    const beacon = async (articleId: number, ua: string, ip: string) =>
      await POST(
        new Request("http://localhost/api/views", {
          method: "POST",
          body: JSON.stringify({ articleId }),
          headers: { "user-agent": ua, "x-masthead-socket-address": ip, "x-masthead-socket-token": "process-token" },
        }),
      );
    const READERS = 2_000;
    const requests: Promise<Response>[] = [];
    for (let i = 0; i < READERS; i++) {
      const ip = `198.51.${i >> 8}.${i & 255}`;
      requests.push(beacon(ids.live, BROWSER, ip), beacon(ids.live, BROWSER, ip)); // a reload
      if (i % 10 === 0) requests.push(beacon(ids.live, "Googlebot/2.1", ip), beacon(ids.draft, BROWSER, ip));
      // Flushes interleave with the burst, as the timer would.
      if (i % 250 === 0) requests.push(viewRecorder().buffer.flush().then(() => new Response(null, { status: 204 })));
    }
    const responses = await Promise.all(requests);
    expect(responses.every((r) => r.status === 204)).toBe(true);
    await viewRecorder().buffer.flush();
    const count = async (id: number) => (await sql.get<{ n: number }>("SELECT view_count AS n FROM articles WHERE id = ?", id))!.n;
    const daily = await sql.get<{ n: number }>("SELECT sum(views) AS n FROM article_views_daily WHERE article_id = ?", ids.live);
    expect(await count(ids.live)).toBe(READERS);
    expect(daily!.n).toBe(READERS);
    expect(await count(ids.draft)).toBe(0);
    expect(viewRecorder().buffer.pending).toBe(0);
  });

  it("ignores malformed beacons with the same empty answer", async () => {
    const { POST } = await import("@/app/api/views/route");
    for (const body of ["", "not json", '{"articleId":"1"}', '{"articleId":-1}', "x".repeat(500)]) {
      const res = await POST(new Request("http://localhost/api/views", { method: "POST", body, headers: { "user-agent": BROWSER } }));
      expect(res.status).toBe(204);
      expect(await res.text()).toBe("");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });
});
