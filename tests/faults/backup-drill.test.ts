import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";

/*
 * Backup drill: a second process writes articles and photos through the domain functions while
 * the real `npm run backup` runs against its data folder; the backup is restored into a new
 * folder, the app's own data layer is opened on it, and everything acknowledged before the
 * backup started must be there, byte for byte. Then the refusals of restore and backup.
 */
const root = path.resolve(import.meta.dirname, "../..");
const tsx = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-drill-"));
const source = path.join(work, "data");
const restored = path.join(work, "restored");

type Ack = { kind: "article"; id: number; title: string } | { kind: "photo"; id: number; fileKey: string; sha256: string };

/** Runs a script of scripts/ to completion without blocking the event loop (the writer's pipe keeps draining). */
function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("node", [script, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function waitFor(what: string, condition: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const original = (dir: string, fileKey: string) => path.join(dir, "media", "originals", `${fileKey}.jpg`);
/** Every file under `dir` with its hash, to prove a refused command changed nothing. */
const fingerprint = (dir: string) =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort().map((rel) => [rel, fs.statSync(path.join(dir, rel)).isFile() ? sha256(path.join(dir, rel)) : "dir"]) : null;
const siblings = (dir: string) => fs.readdirSync(path.dirname(dir)).filter((name) => name.startsWith(`${path.basename(dir)}.`));

let backupDir = "";
let drillUser: CurrentUser;
let ackedBefore: Ack[] = [];
let ackedDuring = 0;
let allAcks: Ack[] = [];
let writerExit: number | null = null;

beforeAll(async () => {
  const setup = spawnSync("node", [...tsx, "scripts/prepare-data.ts", "--no-seed"], { cwd: root, env: { ...process.env, MASTHEAD_DATA_DIR: source }, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);

  const writer: ChildProcessWithoutNullStreams = spawn("node", [...tsx, "tests/faults/support/write-loop.ts"], { cwd: root, env: { ...process.env, MASTHEAD_DATA_DIR: source } });
  const acks: Ack[] = (allAcks = []);
  let writerErrors = "";
  writer.stderr.on("data", (d) => (writerErrors += d));
  readline.createInterface({ input: writer.stdout }).on("line", (line) => {
    const message = JSON.parse(line) as Ack | { kind: "ready"; user: CurrentUser };
    if (message.kind === "ready") drillUser = message.user;
    else acks.push(message);
  });
  const exited = new Promise<number | null>((resolve) => writer.on("close", resolve));
  try {
    const count = (kind: Ack["kind"]) => acks.filter((a) => a.kind === kind).length;
    await waitFor("the writer to get going", () => count("article") >= 30 && count("photo") >= 10);

    // Only what was acknowledged before the backup command started is promised to be in it.
    ackedBefore = [...acks];
    const backup = await runScript("scripts/backup.mjs", ["--out", path.join(work, "backups")], { MASTHEAD_DATA_DIR: source });
    ackedDuring = acks.length - ackedBefore.length;
    expect(backup.status, backup.stderr).toBe(0);
    backupDir = /Backup written to (.+)/.exec(backup.stdout)![1]!.trim();

    const afterBackup = acks.length;
    await waitFor("writes after the backup", () => acks.length >= afterBackup + 5);
  } finally {
    writer.stdin.end(); // the loop stops after its current write
    writerExit = await exited;
  }
  expect(writerErrors).toBe("");

  const restore = await runScript("scripts/restore.mjs", [backupDir, "--data", restored]);
  expect(restore.status, restore.stderr).toBe(0);

  // "Boot the app" on the restored folder: from here on this process's data layer reads it.
  process.env.MASTHEAD_DATA_DIR = restored;
}, 120_000);

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("a backup taken while the site writes", () => {
  it("was taken while writes kept being acknowledged, and the writer stopped cleanly", () => {
    expect(writerExit).toBe(0);
    expect(ackedBefore.length).toBeGreaterThanOrEqual(40);
    // The backup must not have paused the writer: acknowledgements kept arriving while it ran.
    expect(ackedDuring).toBeGreaterThan(0);
  });

  it("restores to a database that passes integrity_check and that the app migrates and reads", async () => {
    const { migrateDatabase } = await import("@/db/migrate");
    await migrateDatabase(); // what `npm start` does first: must be a no-op on a backup of this version
    const { getSqlite } = await import("@/db/client");
    const { checkHealth } = await import("@/lib/health");
    expect(await checkHealth()).toBe(true);
    expect(getSqlite().pragma("integrity_check", { simple: true })).toBe("ok");
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    const count = (table: string) => (getSqlite().prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(manifest.counts).toEqual({ articles: count("articles"), publications: count("publications"), media: count("media") });
    // The newest migration of this code, as drizzle-kit's journal lists it.
    const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    expect(manifest.migration.latest).toBe(journal.entries.at(-1)!.tag);
  });

  it("holds every article acknowledged before the backup, with its exact title, read through the app", async () => {
    const { getDb } = await import("@/db/client");
    const { getReadableArticle } = await import("@/lib/articles/editing");
    const articles = ackedBefore.filter((a) => a.kind === "article");
    expect(articles.length).toBeGreaterThanOrEqual(30);
    for (const ack of articles) expect((await getReadableArticle(getDb(), drillUser, ack.id)).title).toBe(ack.title);
  });

  it("holds every photo acknowledged before the backup, its original byte-identical, and can make its sizes again", async () => {
    const { listMediaByIds } = await import("@/db/queries/media");
    const { readVariant } = await import("@/lib/media/store");
    const photos = ackedBefore.filter((a) => a.kind === "photo");
    expect(photos.length).toBeGreaterThanOrEqual(10);
    const rows = new Map((await listMediaByIds(photos.map((p) => p.id))).map((row) => [row.id, row]));
    for (const ack of photos) {
      expect(rows.get(ack.id)?.fileKey).toBe(ack.fileKey);
      expect(sha256(original(restored, ack.fileKey))).toBe(ack.sha256);
      expect(fs.readFileSync(original(restored, ack.fileKey)).equals(fs.readFileSync(original(source, ack.fileKey)))).toBe(true);
    }
    // Sizes are not backed up; the app regenerates them from the restored original.
    const variant = await readVariant(photos[0]!.fileKey, 320, "webp");
    expect(variant?.subarray(8, 12).toString("latin1")).toBe("WEBP");
  });

  it("is one instant of the database: no half-written save, no photo row without its file", async () => {
    const { getSqlite } = await import("@/db/client");
    const sqlite = getSqlite();
    // Each save writes the article and its revision in one transaction; a torn copy would split them.
    const torn = sqlite.prepare("select count(*) as n from articles a where not exists (select 1 from revisions r where r.article_id = a.id and r.version = a.version)").get() as { n: number };
    expect(torn.n).toBe(0);
    // The writer commits one write after another, so one instant holds exactly the acknowledged
    // articles up to its newest one (that one may be a draft created but not yet saved) and
    // none after it, including those acknowledged while the backup ran.
    const newest = (sqlite.prepare("select max(id) as id from articles").get() as { id: number }).id;
    const titles = new Map((sqlite.prepare("select id, title from articles").all() as { id: number; title: string }[]).map((r) => [r.id, r.title]));
    const articleAcks = allAcks.filter((a) => a.kind === "article");
    expect(articleAcks.at(-1)!.id).toBeGreaterThan(newest);
    for (const ack of articleAcks) {
      if (ack.id < newest) expect(titles.get(ack.id)).toBe(ack.title);
      if (ack.id > newest) expect(titles.has(ack.id)).toBe(false);
    }
    expect(titles.size).toBe(newest);
    const keys = sqlite.prepare("select file_key as key from media").all() as { key: string }[];
    for (const { key } of keys) expect(fs.existsSync(original(restored, key)), key).toBe(true);
  });
});

describe("restore refuses", () => {
  it("a non-empty data folder without --force, and changes nothing", async () => {
    const target = path.join(work, "occupied");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "masthead.db"), "the current site's data");
    const before = fingerprint(target);
    const result = await runScript("scripts/restore.mjs", [backupDir, "--data", target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is not empty; nothing was changed.*--force/);
    expect(fingerprint(target)).toEqual(before);
    expect(siblings(target)).toEqual([]);
  });

  it("with --force, moves the old folder aside instead of deleting it", async () => {
    const target = path.join(work, "occupied");
    const result = await runScript("scripts/restore.mjs", [backupDir, "--data", target, "--force"]);
    expect(result.status, result.stderr).toBe(0);
    const aside = siblings(target);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^occupied\.before-restore-/);
    expect(fs.readFileSync(path.join(work, aside[0]!, "masthead.db"), "utf8")).toBe("the current site's data");
    expect(sha256(path.join(target, "masthead.db"))).toBe(sha256(path.join(backupDir, "masthead.db")));
  });

  it("a backup with a changed photo (hash mismatch), creating no data folder", async () => {
    const copy = path.join(work, "tampered");
    fs.cpSync(backupDir, copy, { recursive: true });
    const photo = ackedBefore.find((a) => a.kind === "photo")!;
    if (photo.kind !== "photo") throw new Error("unreachable");
    const file = original(copy, photo.fileKey);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const target = path.join(work, "from-tampered");
    const result = await runScript("scripts/restore.mjs", [copy, "--data", target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`media/originals/${photo.fileKey}.jpg does not match its sha256 in the manifest (hash mismatch)`);
    expect(fs.existsSync(target)).toBe(false);
    expect(siblings(target)).toEqual([]);
  });

  it("a database that fails integrity_check even when its hash was made to match", async () => {
    const copy = path.join(work, "corrupt");
    fs.cpSync(backupDir, copy, { recursive: true });
    const db = path.join(copy, "masthead.db");
    const fd = fs.openSync(db, "r+");
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 3); // zero one b-tree page
    fs.closeSync(fd);
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.files["masthead.db"].sha256 = sha256(db);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const target = path.join(work, "from-corrupt");
    const result = await runScript("scripts/restore.mjs", [copy, "--data", target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/integrity_check .* failed/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("a missing folder and a folder that is not a backup, with a message", async () => {
    const missing = await runScript("scripts/restore.mjs", [path.join(work, "nowhere"), "--data", path.join(work, "x")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no backup folder at .*nowhere/);
    const notBackup = await runScript("scripts/restore.mjs", [source, "--data", path.join(work, "x")]);
    expect(notBackup.status).toBe(1);
    expect(notBackup.stderr).toMatch(/has no manifest\.json/);
    expect(fs.existsSync(path.join(work, "x"))).toBe(false);
  });
});

describe("backup refuses", () => {
  it("a database that fails integrity_check, loudly and leaving no backup folder", async () => {
    const broken = path.join(work, "broken-data");
    fs.mkdirSync(broken);
    fs.copyFileSync(path.join(backupDir, "masthead.db"), path.join(broken, "masthead.db"));
    const fd = fs.openSync(path.join(broken, "masthead.db"), "r+");
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const out = path.join(work, "broken-backups");
    const result = await runScript("scripts/backup.mjs", ["--out", out], { MASTHEAD_DATA_DIR: broken });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ backup: PRAGMA integrity_check .* failed/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
