import crypto from "node:crypto";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import type { RunningRedis } from "../scripts/redis.mjs";
import { copyTestData, startOwnServer, stopProcess, waitForOk } from "./support/own-server";

/*
 * Two instances sharing their caches through Redis (MASTHEAD_REDIS_URL): both have the home page
 * and the topic page in their caches; a piece published by one instance (the scheduler's lease
 * holder) is on both instances' pages within a second, although the other instance did nothing.
 * Then Redis restarts: the instances carry on, and the next publication is on both again.
 */
const E2E = Number(process.env.E2E_PORT || 3100);
const PORTS = [E2E + 4, E2E + 5] as const;
const REDIS_PORT = E2E + 6;
const base = (port: number) => `http://127.0.0.1:${port}`;
const page = async (port: number, url: string) => (await fetch(`${base(port)}${url}`)).text();
// Imported when a test starts: Playwright's loader turns a static import of an .mjs file into
// CommonJS and keeps that copy, which scripts/cluster.mjs (imported as ESM by e2e/cluster.spec.ts
// in the same run) would then be given and could not load.
const redisHarness = () => import("../scripts/redis.mjs");

test("two instances, one shared cache: a publication on one is on both instances' pages within 1 s", async () => {
  test.setTimeout(180_000);
  const { ensureRedis, startRedis } = await redisHarness();
  ensureRedis();
  let redis: RunningRedis = await startRedis({ port: REDIS_PORT });
  const dataDir = await copyTestData("masthead-shared-cache-");
  const db = new Database(path.join(dataDir, "masthead.db"));
  const env = { MASTHEAD_REDIS_URL: redis.url, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex") };
  const servers: ChildProcess[] = PORTS.map((port) => startOwnServer({ port, dataDir, env }));
  try {
    await Promise.all(PORTS.map((port) => waitForOk(`${base(port)}/api/health`)));
    const pieces = db
      .prepare(
        `select a.id, a.slug, a.title from articles a
          where a.status in ('in_review', 'draft') and a.deleted_at is null and a.title <> ''
            and not exists (select 1 from publications p where p.article_id = a.id)
            and exists (select 1 from article_topics t where t.article_id = a.id)
          order by a.id limit 2`,
      )
      .all() as { id: number; slug: string; title: string }[];
    expect(pieces).toHaveLength(2);
    const reviser = (db.prepare("select id from users where email = 'reviser@example.edu'").get() as { id: number }).id;
    const schedule = (id: number, dueAt: number) => {
      db.prepare("update articles set status = 'scheduled', scheduled_for = ? where id = ?").run(dueAt, id);
      db.prepare("insert into audit_log (at, actor_id, action, article_id, from_state, to_state) values (?, ?, 'article.schedule', ?, 'in_review', 'scheduled')").run(Date.now(), reviser, id);
    };
    const status = (id: number) => (db.prepare("select status from articles where id = ?").get(id) as { status: string }).status;
    // The title as the page prints it (HTML-escaped).
    const shown = (title: string) => title.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

    for (const piece of pieces) {
      // Both instances have the pages cached without the piece (asked twice: rendered, then kept).
      for (const port of PORTS) {
        for (let i = 0; i < 2; i++) expect((await page(port, "/")).includes(shown(piece.title)), `home page of ${port} before`).toBe(false);
        expect((await fetch(`${base(port)}/news/${piece.slug}`)).status).toBe(404);
      }
      schedule(piece.id, Date.now() + 1_000);
      await expect.poll(() => status(piece.id), { timeout: 30_000, intervals: [50] }).toBe("published");
      const publishedAt = Date.now();
      // Within a second of the commit, both instances show it: home page and article.
      for (const port of PORTS) {
        await expect
          .poll(async () => (await page(port, "/")).includes(shown(piece.title)), { message: `home page of ${port} shows "${piece.title}"`, timeout: 1_000, intervals: [25] })
          .toBe(true);
        expect((await fetch(`${base(port)}/news/${piece.slug}`)).status).toBe(200);
      }
      test.info().annotations.push({ type: "visible on both", description: `${Date.now() - publishedAt} ms after the commit` });
      // And it stays so: no instance brings back a copy from before.
      for (let until = Date.now() + 2_000; Date.now() < until; ) {
        for (const port of PORTS) expect((await fetch(`${base(port)}/news/${piece.slug}`)).status, `article on ${port} stays live`).toBe(200);
      }
      if (piece === pieces[0]) {
        // Redis goes away and comes back empty; the instances reconnect and drop their copies.
        await redis.stop();
        for (const port of PORTS) expect((await fetch(`${base(port)}/`)).status).toBe(200);
        redis = await startRedis({ port: REDIS_PORT });
        await new Promise((r) => setTimeout(r, 3_000));
      }
    }
    // Taken down by the scheduler on one instance (its expiry comes): gone from both within a
    // second, article and home page, and it stays gone.
    const down = pieces[1]!;
    db.prepare("update articles set expires_at = ? where id = ?").run(Date.now() + 1_000, down.id);
    await expect.poll(() => status(down.id), { timeout: 30_000, intervals: [50] }).not.toBe("published");
    for (const port of PORTS) {
      await expect.poll(async () => (await fetch(`${base(port)}/news/${down.slug}`)).status, { message: `article on ${port} gone`, timeout: 1_000, intervals: [25] }).toBe(404);
      expect((await page(port, "/")).includes(shown(down.title)), `home page of ${port} without it`).toBe(false);
    }
    for (let until = Date.now() + 2_000; Date.now() < until; ) {
      for (const port of PORTS) expect((await fetch(`${base(port)}/news/${down.slug}`)).status, `article on ${port} stays gone`).toBe(404);
    }
  } finally {
    await Promise.all(servers.map((s) => stopProcess(s)));
    await redis.stop();
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("two instances count a reader once whichever answers, and every view reaches the database when they stop", async () => {
  test.setTimeout(120_000);
  const { ensureRedis, startRedis } = await redisHarness();
  ensureRedis();
  const redis = await startRedis({ port: REDIS_PORT });
  const dataDir = await copyTestData("masthead-shared-views-");
  const db = new Database(path.join(dataDir, "masthead.db"));
  const article = (db.prepare("select article_id id from publications order by article_id limit 1").get() as { id: number }).id;
  const total = () => (db.prepare("select coalesce(sum(views), 0) n from article_views_daily where article_id = ?").get(article) as { n: number }).n;
  const before = total();
  // One session secret for both, as in any cluster: the day key views are counted under derives from it.
  const secret = crypto.randomBytes(32).toString("hex");
  const servers: ChildProcess[] = PORTS.map((port) => startOwnServer({ port, dataDir, env: { MASTHEAD_REDIS_URL: redis.url, NEXTAUTH_SECRET: secret } }));
  try {
    await Promise.all(PORTS.map((port) => waitForOk(`${base(port)}/api/health`)));
    const beacon = (port: number, reader: string) =>
      fetch(`${base(port)}/api/views`, { method: "POST", body: JSON.stringify({ articleId: article }), headers: { "content-type": "application/json", "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 ${reader}` } });
    // One reader, ten views in a row, alternating between the instances: one view.
    for (let i = 0; i < 10; i++) expect((await beacon(PORTS[i % 2]!, "reader-0")).status).toBe(204);
    // Forty other readers, each once, spread over both.
    const answers = await Promise.all(Array.from({ length: 40 }, async (_, i) => await beacon(PORTS[i % 2]!, `reader-${i + 1}`)));
    expect(answers.every((r) => r.status === 204)).toBe(true);
  } finally {
    // A graceful stop (SIGTERM): each instance writes what it still holds in memory.
    await Promise.all(servers.map((s) => stopProcess(s)));
    await redis.stop();
  }
  try {
    expect(total() - before).toBe(41);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
