// The SQLite engine of `npm run backup` / `npm run restore` (see backup-engine.mjs for the
// interface every engine implements).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BackupError, copyFile } from "./backup-files.mjs";
import { root } from "./lib.mjs";

const DB_FILE = "masthead.db";

/** Where the app keeps a photo's original (mirrors originalPath in lib/media/store.ts). */
const originalOf = (fileKey) => `media/originals/${fileKey}.jpg`;

function openReadOnly(file) {
  if (!fs.existsSync(file)) throw new BackupError(`no database at ${file}.`);
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** The migrations this code base ships, oldest first (drizzle-kit's journal). */
function knownMigrations() {
  const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8"));
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

function migrationLevel(sqlite) {
  // drizzle's migrator records each applied migration with the journal's `when` as created_at.
  const applied = sqlite.prepare("select created_at as at from __drizzle_migrations order by created_at").all();
  const latest = applied.at(-1)?.at ?? null;
  const tag = knownMigrations().find((m) => m.when === Number(latest))?.tag ?? null;
  return { applied: applied.length, latest: tag, latestMillis: latest === null ? null : Number(latest) };
}

export const sqliteEngine = {
  name: "sqlite",
  /** Files of the backup folder that hold the database. */
  databaseFiles: [DB_FILE],
  checkName: "integrity_check",

  /**
   * Copies the live database with SQLite's online backup API. The whole copy is done in one
   * step, i.e. inside one read transaction: in WAL mode that does not block the site's writers,
   * and the copy is exactly the database as of one commit. (In several small steps, every write
   * by another process would restart the copy, which under steady writes may never finish.)
   */
  async snapshot(dataDir, outDir) {
    const source = path.join(dataDir, DB_FILE);
    if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}; is MASTHEAD_DATA_DIR right?`);
    const target = path.join(outDir, DB_FILE);
    const sqlite = new Database(source, { fileMustExist: true });
    try {
      sqlite.pragma("busy_timeout = 5000");
      await sqlite.backup(target, { progress: () => 0x7fffffff });
    } finally {
      sqlite.close();
    }
    // The copy inherits the WAL flag; a rollback-journal file is self-contained (no -wal/-shm
    // beside it), so it can be hashed, moved and opened read-only. The app turns WAL back on.
    const copy = new Database(target, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    fs.chmodSync(target, 0o600); // it holds password hashes
  },

  /**
   * Reads a backed-up database: `PRAGMA integrity_check`, the migration level, row counts and
   * the media originals its rows reference (relative paths inside the backup folder).
   */
  inspect(backupDir) {
    const file = path.join(backupDir, DB_FILE);
    const sqlite = openReadOnly(file);
    try {
      let problems;
      try {
        problems = sqlite.pragma("integrity_check", { simple: false }).map((row) => row.integrity_check);
      } catch (error) {
        // A damaged b-tree page or a file that is not a database makes the check itself throw.
        throw new BackupError(`PRAGMA integrity_check on ${file} failed: ${error.message}.`);
      }
      if (problems.length !== 1 || problems[0] !== "ok") {
        throw new BackupError(`PRAGMA integrity_check on ${file} failed:\n  ${problems.slice(0, 10).join("\n  ")}`);
      }
      const count = (table) => sqlite.prepare(`select count(*) as n from ${table}`).get().n;
      return {
        integrity: "ok",
        migration: migrationLevel(sqlite),
        counts: { articles: count("articles"), publications: count("publications"), media: count("media") },
        mediaFiles: sqlite.prepare("select file_key as key from media order by id").all().map((r) => originalOf(r.key)),
      };
    } finally {
      sqlite.close();
    }
  },

  /** True when the backup's schema has migrations this code does not ship (a newer version made it). */
  isNewerThanCode(migration) {
    const newest = knownMigrations().at(-1)?.when ?? 0;
    return (migration.latestMillis ?? 0) > newest;
  },

  /** Puts the backed-up database into a (new, empty) data folder. */
  async restore(backupDir, dataDir) {
    copyFile(path.join(backupDir, DB_FILE), path.join(dataDir, DB_FILE));
  },
};
