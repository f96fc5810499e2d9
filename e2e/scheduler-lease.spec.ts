import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { copyTestData, startOwnServer, stopProcess, waitForOk } from "./support/own-server";

/*
 * Two instances on one database run one scheduler between them: the holder of the "scheduler"
 * lease publishes what is due, once; killed with SIGKILL, its lease lapses and the other
 * instance takes over within 30 s and publishes the next piece. Two servers of this spec's own
 * on a throwaway copy of the test data.
 */
const E2E = Number(process.env.E2E_PORT || 3100);
const PORTS = [E2E + 18, E2E + 19] as const;
const base = (port: number) => `http://127.0.0.1:${port}`;

test("two instances, one scheduler: a due piece is published once; kill -9 the holder and the other takes over within 30 s", async () => {
  test.setTimeout(180_000);
  const dataDir = await copyTestData("masthead-lease-");
  const db = new Database(path.join(dataDir, "masthead.db"));
  const servers = new Map<number, ChildProcess>(PORTS.map((port) => [port, startOwnServer({ port, dataDir })]));
  try {
    await Promise.all(PORTS.map((port) => waitForOk(`${base(port)}/api/health`)));
    const pieces = db
      .prepare("select a.id, a.slug from articles a where a.status in ('in_review', 'draft') and a.deleted_at is null and a.title <> '' and not exists (select 1 from publications p where p.article_id = a.id) order by a.id limit 3")
      .all() as { id: number; slug: string }[];
    expect(pieces).toHaveLength(3);
    const reviser = (db.prepare("select id from users where email = 'reviser@example.edu'").get() as { id: number }).id;
    // Scheduled as the Schedule button does it (state, time, and the audit row naming the reviser).
    const schedule = (id: number, dueAt: number) => {
      db.prepare("update articles set status = 'scheduled', scheduled_for = ? where id = ?").run(dueAt, id);
      db.prepare("insert into audit_log (at, actor_id, action, article_id, from_state, to_state) values (?, ?, 'article.schedule', ?, 'in_review', 'scheduled')").run(Date.now(), reviser, id);
    };
    const status = (id: number) => (db.prepare("select status from articles where id = ?").get(id) as { status: string }).status;
    const publishedTimes = (id: number) => (db.prepare("select count(*) n from audit_log where article_id = ? and action = 'article.publish_due'").get(id) as { n: number }).n;
    const holder = () => (db.prepare("select holder from leases where name = 'scheduler'").get() as { holder: string } | undefined)?.holder ?? null;
    const names = new Map(PORTS.map((port) => [`${os.hostname()}:${port}`, port]));

    await expect.poll(() => names.has(holder() ?? ""), { timeout: 20_000 }).toBe(true);
    const first = names.get(holder()!)!;

    schedule(pieces[0]!.id, Date.now() + 4_000);
    schedule(pieces[1]!.id, Date.now() + 4_000);
    for (const piece of pieces.slice(0, 2)) await expect.poll(() => status(piece.id), { timeout: 30_000 }).toBe("published");
    // Both instances asked; only one published, once.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(pieces.slice(0, 2).map((p) => publishedTimes(p.id))).toEqual([1, 1]);
    for (const port of PORTS) expect((await fetch(`${base(port)}/news/${pieces[0]!.slug}`)).status).toBe(200);

    // The holder dies without a word; the survivor keeps serving and takes the lease over.
    const killed = servers.get(first)!;
    const exited = new Promise((r) => killed.once("exit", r));
    killed.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    const survivor = PORTS.find((port) => port !== first)!;
    schedule(pieces[2]!.id, Date.now() + 2_000);
    expect((await fetch(`${base(survivor)}/news/${pieces[1]!.slug}`)).status).toBe(200);
    await expect.poll(holder, { timeout: 30_000, intervals: [250] }).toBe(`${os.hostname()}:${survivor}`);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(30_000);
    await expect.poll(() => status(pieces[2]!.id), { timeout: 15_000 }).toBe("published");
    expect(publishedTimes(pieces[2]!.id)).toBe(1);
    expect((await fetch(`${base(survivor)}/news/${pieces[2]!.slug}`)).status).toBe(200);
    test.info().annotations.push({ type: "takeover", description: `${takeoverMs} ms after SIGKILL` });
  } finally {
    await Promise.all([...servers.values()].map((s) => stopProcess(s)));
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
