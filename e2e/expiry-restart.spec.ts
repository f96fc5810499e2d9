import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { copyTestData, startOwnServer, stopProcess as stop } from "./support/own-server";

/*
 * An expiry that came due while the server was down is carried out on start, before any public
 * page is served: the very first answer for the article's URL is already a 404. Its own server
 * on its own throwaway copy of the test data (E2E_PORT + 17).
 */
const PORT = Number(process.env.E2E_PORT || 3100) + 17;
const base = `http://127.0.0.1:${PORT}`;

async function up() {
  await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
}

test("an expiry missed while the server was down is carried out on start, before the page is served again", async () => {
  test.setTimeout(120_000);
  const dataDir = await copyTestData("masthead-expiry-restart-");
  const db = new Database(path.join(dataDir, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  const article = db
    .prepare("select a.id, a.slug from articles a join publications p on p.article_id = a.id where a.status = 'published' and a.deleted_at is null order by a.id limit 1")
    .get() as { id: number; slug: string };
  let server: ChildProcess | null = startOwnServer({ port: PORT, dataDir });
  try {
    await up();
    expect((await fetch(`${base}/news/${article.slug}`)).status).toBe(200);
    await stop(server);
    server = null;
    // Set while it was down to a time that passes before it is back, as "Set expiry" stores it.
    const expiresAt = Date.now() + 2_000;
    db.prepare("update articles set expires_at = ? where id = ?").run(expiresAt, article.id);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(db.prepare("select status from articles where id = ?").pluck().get(article.id)).toBe("published");

    server = startOwnServer({ port: PORT, dataDir });
    await up();
    // Public pages wait for the scheduler's first run: the first answer is already the 404.
    expect((await fetch(`${base}/news/${article.slug}`)).status).toBe(404);
    expect(db.prepare("select status from articles where id = ?").pluck().get(article.id)).toBe("unpublished");
    const details = JSON.parse(db.prepare("select details from audit_log where article_id = ? and action = 'article.expire'").pluck().get(article.id) as string);
    expect(details).toMatchObject({ by: "scheduler", wasLive: true });
    expect(details.lateByMs).toBeGreaterThanOrEqual(4_000);
  } finally {
    await stop(server);
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
