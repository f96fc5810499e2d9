import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import type { RunningVarnish } from "../scripts/varnish.mjs";
import { callAction, signInByRequest } from "./support/actions";
import { get, startOrigin } from "./support/cache-tier";
import { copyTestData, stopProcess, waitForOk } from "./support/own-server";

/*
 * An expiry through the cache tier: a live piece whose pages Varnish holds (HITs) is purged from
 * Varnish when its expiry comes, as an unpublish is: its URL becomes a 404 and the lists drop it.
 * Its own app server on a copy of the test data with a real Varnish in front (E2E_PORT + 15/16).
 */
const E2E = Number(process.env.E2E_PORT || 3100);
const ORIGIN_PORT = E2E + 15;
const FRONT_PORT = E2E + 16;
const origin = `http://127.0.0.1:${ORIGIN_PORT}`;
const front = `http://127.0.0.1:${FRONT_PORT}`;

let dataDir = "";
let varnishDir = "";
let server: ChildProcess | null = null;
let varnish: RunningVarnish | null = null;
let db: Database.Database | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const vcl = await import("../scripts/varnish.mjs");
  vcl.ensureVarnish();
  dataDir = await copyTestData("masthead-expiry-cache-");
  db = new Database(path.join(dataDir, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  varnishDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-varnish-expiry-"));
  fs.chmodSync(varnishDir, 0o755);
  varnish = await vcl.startVarnish({ port: FRONT_PORT, backendPort: ORIGIN_PORT, workDir: varnishDir, extraListen: [] });
  server = startOrigin({ port: ORIGIN_PORT, dataDir, siteUrl: front, purgeUrl: varnish.purgeUrl });
  await waitForOk(`${origin}/api/health`);
  await waitForOk(`${front}/api/health`);
});

test.afterAll(async () => {
  await stopProcess(server);
  await varnish?.stop();
  if (varnishDir) fs.rmSync(varnishDir, { recursive: true, force: true });
  db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Fetched until Varnish serves it from its cache (at most three times). */
async function cachedHit(url: string) {
  let last = await get(url);
  for (let i = 0; i < 2 && last.cache !== "HIT"; i++) last = await get(url);
  expect(last.cache, `${url} should be a cached HIT`).toBe("HIT");
  return last;
}

test("a live piece whose expiry comes is purged from Varnish: its URL answers 404 and the lists drop it", async ({ playwright }) => {
  test.setTimeout(90_000);
  const article = db!
    .prepare(
      `select a.id, a.slug, (select t.slug from article_topics x join topics t on t.id = x.topic_id where x.article_id = a.id order by x.position limit 1) topic
         from articles a join publications p on p.article_id = a.id
        where a.status = 'published' and a.deleted_at is null order by p.published_at desc limit 1`,
    )
    .get() as { id: number; slug: string; topic: string };
  const link = `/news/${article.slug}`;
  const lists = ["/", `/topics/${article.topic}`];
  for (const url of [link, ...lists]) expect((await cachedHit(front + url)).body, url).toContain(link);

  const reviser = await playwright.request.newContext({ baseURL: origin });
  expect((await signInByRequest(reviser, "reviser@example.edu")).error).toBeNull();
  const expiresAt = Math.ceil((Date.now() + 6_000) / 1_000) * 1_000;
  const set = await callAction(reviser, "setExpiryAction", { articleId: String(article.id), expiresAt: new Date(expiresAt).toISOString().slice(0, 19) }, { page: `/newsroom/articles/${article.id}` });
  expect(set.result, JSON.stringify(set.result)).toMatchObject({ ok: true });
  // Setting an expiry changes nothing public: the pages stay cached.
  expect((await cachedHit(front + link)).status).toBe(200);

  await expect.poll(async () => (await get(front + link)).status, { timeout: 40_000, intervals: [250] }).toBe(404);
  for (const url of lists) expect((await get(front + url)).body, url).not.toContain(link);
  const outbox = db!.prepare("select count(*) n from cache_purges where (' ' || tags || ' ') like ?").get(`% article-slug:${article.slug} %`) as { n: number };
  // Delivered to Varnish and so no longer waiting in the outbox.
  expect(outbox.n).toBe(0);
  expect(db!.prepare("select status from articles where id = ?").pluck().get(article.id)).toBe("unpublished");
});
