import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";
import { newArticle } from "./support/editor";

/*
 * The restore drill end to end: `npm run backup` copies the test site's data folder while a
 * drafter keeps writing in the browser, `npm run restore` puts it into a new folder, and the
 * production server boots on it and serves every article and photo acknowledged before the
 * backup (the integration drill in tests/faults/backup-drill.test.ts checks the same through the
 * data layer, under a tighter write loop).
 */
test.use({ storageState: storageState("drafter") });

const PORT = Number(process.env.E2E_PORT || 3100) + 9;
const base = `http://127.0.0.1:${PORT}`;

test("a backup taken while the site is written to restores, boots and serves everything acknowledged", async ({ page }) => {
  test.setTimeout(150_000);
  const source = fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-drill-"));
  let server: ChildProcess | null = null;
  try {
    // A draft acknowledged ("Saved") before the backup starts.
    const id = await newArticle(page);
    await page.getByLabel("Title").fill("Restore drill: acknowledged before the backup");
    const status = page.getByRole("main").getByRole("status").first();
    await expect(status).toHaveText(/^Saved/, { timeout: 15_000 });

    // Keep typing (autosaves land while the copy is made), and back up meanwhile.
    await page.getByRole("textbox", { name: "Body" }).click();
    const typing = page.keyboard.type("Words typed while the backup runs. ".repeat(6), { delay: 15 });
    const backup = spawnSync("node", ["scripts/backup.mjs", "--data", source, "--out", path.join(work, "backups")], { cwd: process.cwd(), encoding: "utf8" });
    await typing;
    expect(backup.status, backup.stderr).toBe(0);
    const folder = /Backup written to (.+)$/m.exec(backup.stdout)![1]!.trim();

    const restored = path.join(work, "data");
    const restore = spawnSync("node", ["scripts/restore.mjs", folder, "--data", restored], { cwd: process.cwd(), encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);

    // What the live site had acknowledged: every live article with its photos, and the draft.
    const live = new Database(path.join(source, "masthead.db"), { readonly: true });
    const published = live.prepare("select slug from publications").all() as { slug: string }[];
    const photos = live.prepare("select distinct m.file_key as key from publication_media pm join media m on m.id = pm.media_id").all() as { key: string }[];
    live.close();
    const copy = new Database(path.join(restored, "masthead.db"), { readonly: true });
    expect(copy.prepare("select title from articles where id = ?").get(id)).toEqual({ title: "Restore drill: acknowledged before the backup" });
    copy.close();

    server = spawn("node", ["scripts/server.mjs"], {
      cwd: process.cwd(),
      stdio: "ignore",
      env: { ...process.env, PORT: String(PORT), NODE_ENV: "production", MASTHEAD_DATA_DIR: restored, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"), NEXTAUTH_URL: base, MASTHEAD_SITE_URL: base, NEXT_TELEMETRY_DISABLED: "1" },
    });
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
    expect(published.length).toBeGreaterThan(10);
    for (const { slug } of published) expect((await fetch(`${base}/news/${slug}`)).status, slug).toBe(200);
    for (const { key } of photos) expect((await fetch(`${base}/media/${key}/320.webp`)).status, key).toBe(200);
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
});
