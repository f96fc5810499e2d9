import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import postgres from "pg";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/db/pg/migrate";
import { countSearchPg, termsFromMatch } from "@/db/pg/search";
import { PG_HOOK_TIMEOUT, startMigratedPostgres, type MigratedPostgres } from "./support/pg";

// The restore drill on PostgreSQL: the real `npm run backup` and `npm run restore` with
// DATABASE_URL=postgres://… and a data folder holding the photos, on a throwaway cluster; then
// the refusals (another engine's backup, a database that is not empty or is newer than the backup).
let pg: MigratedPostgres;
let work: string;
let dataDir: string;
const FILE_KEY = "drillphoto000001";
const PHOTO = Buffer.from("not really a jpeg, but bytes that must come back exactly");

function npm(script: "backup" | "restore", args: string[], env: Record<string, string | undefined>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, MASTHEAD_DATA_DIR: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: process.cwd(), env: childEnv as NodeJS.ProcessEnv, encoding: "utf8", timeout: 120_000 });
}
const backupFolder = (stdout: string) => /Backup written to (.+)$/m.exec(stdout)![1]!.trim();
const one = async <T>(sql: string, params: unknown[] = []) => (await pg.pool.query(sql, params)).rows[0] as T;
const found = async (word: string) => countSearchPg(pg.pool, termsFromMatch(`"${word}"`));

beforeAll(async () => {
  pg = await startMigratedPostgres();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-drill-"));
  dataDir = path.join(work, "data");
  fs.mkdirSync(path.join(dataDir, "media", "originals"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "media", "originals", `${FILE_KEY}.jpg`), PHOTO);
  fs.writeFileSync(path.join(dataDir, "nextauth-secret"), "s".repeat(64), { mode: 0o600 });

  const staff = await one<{ id: number }>("INSERT INTO users (email, name, role) VALUES ('editor@example.edu', 'Ada Editor', 'reviser') RETURNING id");
  const photo = await one<{ id: number }>("INSERT INTO media (file_key, mime_type, width, height, bytes, uploaded_by) VALUES ($1, 'image/jpeg', 800, 600, $2, $3) RETURNING id", [FILE_KEY, PHOTO.length, staff.id]);
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The observatory dome reopens." }] }, { type: "image", attrs: { mediaId: photo.id, alt: "Dome", caption: "" } }] };
  const article = await one<{ id: number }>("INSERT INTO articles (slug, title, body, status, created_by) VALUES ('dome', 'Telescope returns', $1, 'published', $2) RETURNING id", [body, staff.id]);
  await pg.pool.query("INSERT INTO publications (article_id, slug, title, body, reviser_id, published_at, updated_at) VALUES ($1, 'dome', 'Telescope returns', $2, $3, now(), now())", [article.id, body, staff.id]);
  await pg.pool.query("INSERT INTO publication_media (article_id, media_id) VALUES ($1, $2)", [article.id, photo.id]);
  await pg.pool.query("INSERT INTO audit_log (actor_id, action, article_id) VALUES ($1, 'article.publish', $2)", [staff.id, article.id]);
}, PG_HOOK_TIMEOUT);

afterAll(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, PG_HOOK_TIMEOUT);

describe("backups of PostgreSQL", () => {
  let folder: string;

  it("npm run backup dumps the database and copies the photos, with the manifest", () => {
    const result = npm("backup", ["--out", path.join(work, "backups")], { DATABASE_URL: pg.server.url, MASTHEAD_DATA_DIR: dataDir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("pg_restore read the whole archive: ok; 1 articles, 1 publications, 1 photos.");
    expect(result.stdout + result.stderr).not.toContain(new URL(pg.server.url).password); // never printed
    folder = backupFolder(result.stdout);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ engine: "postgres", counts: { articles: 1, publications: 1, media: 1 }, migration: { applied: 2, latest: "0001_search_and_triggers" } });
    expect(Object.keys(manifest.files).sort()).toEqual(["masthead.pgdump", `media/originals/${FILE_KEY}.jpg`, "nextauth-secret"]);
  });

  it("npm run restore refuses to overwrite a database that holds data without --force", async () => {
    await pg.pool.query("UPDATE articles SET title = 'Changed after the backup'");
    const result = npm("restore", [folder, "--data", path.join(work, "elsewhere")], { DATABASE_URL: pg.server.url });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ restore: the database postgres:\/\/masthead@127\.0\.0\.1:\d+\/masthead is not empty \(25 tables\); nothing was changed/);
    expect(await one("SELECT title FROM articles")).toEqual({ title: "Changed after the backup" });
    expect(fs.existsSync(path.join(work, "elsewhere"))).toBe(false);
  });

  it("restores rows, search and the photo after changes and deletions, keeping what it replaced", async () => {
    // Unpublish, delete the photo (row and file) and add an article the backup never saw.
    await pg.pool.query("DELETE FROM publications");
    await pg.pool.query("DELETE FROM media");
    fs.rmSync(path.join(dataDir, "media", "originals", `${FILE_KEY}.jpg`));
    await pg.pool.query(`INSERT INTO articles (slug, title, body) VALUES ('later', 'Written after the backup', '{"type":"doc","content":[]}')`);
    expect(await found("observatory")).toBe(0);

    const result = npm("restore", [folder, "--force"], { DATABASE_URL: pg.server.url, MASTHEAD_DATA_DIR: dataDir });
    expect(result.status, result.stderr).toBe(0);

    expect((await pg.pool.query("SELECT slug, title FROM articles ORDER BY id")).rows).toEqual([{ slug: "dome", title: "Telescope returns" }]);
    expect(await one("SELECT slug, title FROM publications")).toEqual({ slug: "dome", title: "Telescope returns" });
    expect(await one("SELECT file_key FROM media")).toEqual({ file_key: FILE_KEY });
    expect(await one("SELECT count(*)::int AS n FROM publication_media")).toEqual({ n: 1 });
    expect(await found("observatory")).toBe(1); // the search index came back with the rows
    expect(fs.readFileSync(path.join(dataDir, "media", "originals", `${FILE_KEY}.jpg`))).toEqual(PHOTO);

    // What it replaced is kept: the data folder moved aside, the database as a pg_dump beside it.
    const aside = fs.readdirSync(work).filter((name) => name.startsWith("data.before-restore-"));
    expect(aside.some((name) => name.endsWith(".pgdump"))).toBe(true);
    expect(aside.some((name) => !name.endsWith(".pgdump") && fs.existsSync(path.join(work, name, "nextauth-secret")))).toBe(true);

    // The restored database is whole: its triggers refuse, its journal knows every migration.
    await expect(pg.pool.query("DELETE FROM audit_log")).rejects.toThrow("audit_log rows are append-only");
    await migratePostgres(pg.pool);
    expect(await one("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")).toEqual({ n: 2 });
    expect((await pg.pool.query("SELECT id FROM articles")).rows).toHaveLength(1);
  });

  it("restores into a new, empty database without --force: rows, search, triggers and the photo", async () => {
    const admin = new postgres.Client({ connectionString: pg.server.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE fresh OWNER masthead");
    await admin.end();
    const url = new URL(pg.server.url);
    url.pathname = "/fresh";
    const result = npm("restore", [folder, "--data", path.join(work, "fresh-data")], { DATABASE_URL: url.toString() });
    expect(result.status, result.stderr).toBe(0);
    const fresh = new postgres.Pool({ connectionString: url.toString() });
    try {
      expect((await fresh.query("SELECT slug, title FROM publications")).rows).toEqual([{ slug: "dome", title: "Telescope returns" }]);
      expect(await countSearchPg(fresh, termsFromMatch('"observatory"'))).toBe(1);
      await expect(fresh.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow("audit_log rows are append-only");
    } finally {
      await fresh.end();
    }
    expect(fs.readFileSync(path.join(work, "fresh-data", "media", "originals", `${FILE_KEY}.jpg`))).toEqual(PHOTO);
  });

  it("a backup taken while the site writes holds every write acknowledged before it, each whole", async () => {
    // A writer commits an article and its revision together, in a loop, while the real backup runs.
    const acknowledged: number[] = [];
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        const client = await pg.pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ id: number }>("INSERT INTO articles (slug, title, body) VALUES ($1, $1, '{}') RETURNING id", [`busy-${n++}`]);
          await client.query("INSERT INTO revisions (article_id, author_id, version, title, body, topic_ids) VALUES ($1, 1, 1, 'r', '{}', '[]')", [rows[0]!.id]);
          await client.query("COMMIT");
          acknowledged.push(rows[0]!.id);
        } finally {
          client.release();
        }
      }
    })();
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5));
    const before = [...acknowledged];
    const child = spawn("npm", ["run", "--silent", "backup", "--", "--out", path.join(work, "busy-backups")], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: pg.server.url, MASTHEAD_DATA_DIR: dataDir },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const status = await new Promise((resolve) => child.once("exit", resolve));
    writing = false;
    await writer;
    expect(status).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(before.length); // the writer kept going meanwhile

    const admin = new postgres.Client({ connectionString: pg.server.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE busy OWNER masthead");
    await admin.end();
    const url = new URL(pg.server.url);
    url.pathname = "/busy";
    const restore = npm("restore", [backupFolder(stdout), "--data", path.join(work, "busy-data")], { DATABASE_URL: url.toString() });
    expect(restore.status, restore.stderr).toBe(0);
    const copy = new postgres.Pool({ connectionString: url.toString() });
    try {
      const ids = new Set((await copy.query<{ id: number }>("SELECT id FROM articles")).rows.map((r) => r.id));
      expect(before.filter((id) => !ids.has(id))).toEqual([]);
      const torn = await copy.query("SELECT a.id FROM articles a WHERE a.slug LIKE 'busy-%' AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id)");
      expect(torn.rows).toEqual([]);
    } finally {
      await copy.end();
    }
  });

  it("refuses to restore into a database whose schema has tables the backup lacks", async () => {
    await pg.pool.query("CREATE TABLE newer_feature (id integer PRIMARY KEY)");
    try {
      const result = npm("restore", [folder, "--force", "--data", path.join(work, "newer")], { DATABASE_URL: pg.server.url });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("has tables the backup does not (public.newer_feature)");
      expect(fs.existsSync(path.join(work, "newer"))).toBe(false);
    } finally {
      await pg.pool.query("DROP TABLE newer_feature");
    }
  });

  it("refuses a damaged archive even when its hash was made to match, changing nothing", async () => {
    const copy = path.join(work, "damaged");
    fs.cpSync(folder, copy, { recursive: true });
    const dump = path.join(copy, "masthead.pgdump");
    const bytes = fs.readFileSync(dump);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64); // inside the data blocks
    fs.writeFileSync(dump, bytes);
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.files["masthead.pgdump"] = { bytes: bytes.length, sha256: (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex") };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await pg.pool.query("UPDATE articles SET title = 'Kept as it is'");
    const result = npm("restore", [copy, "--force", "--data", path.join(work, "from-damaged")], { DATABASE_URL: pg.server.url });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ restore: (reading every block of|pg_restore --list of|reading \S+ from) .*masthead\.pgdump failed/);
    expect(await one("SELECT title FROM articles")).toEqual({ title: "Kept as it is" });
    expect(fs.existsSync(path.join(work, "from-damaged"))).toBe(false);
  });

  it("refuses a PostgreSQL backup where the site runs on SQLite, and a SQLite backup into PostgreSQL", () => {
    const target = path.join(work, "sqlite-target");
    const intoSqlite = npm("restore", [folder, "--data", target], {});
    expect(intoSqlite.status).toBe(1);
    expect(intoSqlite.stderr).toContain("this is a backup of PostgreSQL (DATABASE_URL=postgres://…), but this site is configured for SQLite");
    expect(fs.existsSync(target)).toBe(false);

    const sqliteData = path.join(work, "sqlite-data");
    fs.mkdirSync(sqliteData);
    const sqlite = new Database(path.join(sqliteData, "masthead.db"));
    migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
    sqlite.close();
    const backup = npm("backup", ["--out", path.join(work, "sqlite-backups")], { MASTHEAD_DATA_DIR: sqliteData });
    expect(backup.status, backup.stderr).toBe(0);
    const intoPg = npm("restore", [backupFolder(backup.stdout), "--force", "--data", target], { DATABASE_URL: pg.server.url });
    expect(intoPg.status).toBe(1);
    expect(intoPg.stderr).toContain("this is a backup of SQLite (the data folder's masthead.db), but this site is configured for PostgreSQL");
    expect(intoPg.stderr).toContain("nothing was changed");
    expect(fs.existsSync(target)).toBe(false);
  });
});
