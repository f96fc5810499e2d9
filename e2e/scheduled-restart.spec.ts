import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { copyTestData, startOwnServer, stopProcess as stop } from "./support/own-server";

/*
 * A scheduled article goes live across a restart: the server is stopped before the article is
 * due and started after, and it publishes it on start, recording how late it went live. This
 * runs its own server on its own throwaway copy of the test database.
 */
const PORT = Number(process.env.E2E_PORT || 3100) + 7;
const base = `http://127.0.0.1:${PORT}`;

const start = (dataDir: string): ChildProcess => startOwnServer({ port: PORT, dataDir });

async function up() {
  await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
}

test("a scheduled article due while the server was down goes live when it starts again", async () => {
  test.setTimeout(120_000);
  const dataDir = await copyTestData("masthead-restart-");

  const db = new Database(path.join(dataDir, "masthead.db"));
  const article = db
    .prepare("select a.id, a.slug from articles a where a.status = 'in_review' and a.deleted_at is null and a.title <> '' and not exists (select 1 from publications p where p.article_id = a.id) order by a.id limit 1")
    .get() as { id: number; slug: string };
  const reviser = db.prepare("select id from users where email = 'reviser@example.edu'").get() as { id: number };
  const dueAt = Date.now() + 8_000;
  let server = start(dataDir);
  try {
    await up();
    // Scheduled as the Schedule button does it (state, time, and the audit row naming the reviser).
    db.prepare("update articles set status = 'scheduled', scheduled_for = ? where id = ?").run(dueAt, article.id);
    db.prepare("insert into audit_log (at, actor_id, action, article_id, from_state, to_state) values (?, ?, 'article.schedule', ?, 'in_review', 'scheduled')").run(Date.now(), reviser.id, article.id);
    expect((await fetch(`${base}/news/${article.slug}`)).status).toBe(404);
    await stop(server);

    await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now()) + 4_000));
    expect((db.prepare("select status from articles where id = ?").get(article.id) as { status: string }).status).toBe("scheduled");

    server = start(dataDir);
    await up();
    await expect.poll(async () => (await fetch(`${base}/news/${article.slug}`)).status, { timeout: 20_000 }).toBe(200);
    const page = await (await fetch(`${base}/news/${article.slug}`)).text();
    expect(page).toContain("Revision:");
    const late = db.prepare("select details from audit_log where article_id = ? and action = 'article.publish_due'").get(article.id) as { details: string };
    expect(JSON.parse(late.details).lateByMs).toBeGreaterThanOrEqual(4_000);
  } finally {
    await stop(server);
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
