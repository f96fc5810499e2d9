// The PostgreSQL engine of `npm run backup` / `npm run restore` (DATABASE_URL=postgres://…; see
// backup-engine.mjs for the interface every engine implements). The database goes into the backup
// as one `pg_dump --format=custom` archive; photos, the secret and the manifest stay as they are.
// Everything is done by PostgreSQL's own programs (pg_dump, pg_restore, psql) of the newest
// installed version, so nothing here depends on the app's driver.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BackupError } from "./backup-files.mjs";
import { root } from "./lib.mjs";
import { postgresBin } from "./postgres.mjs";

const DUMP_FILE = "masthead.pgdump";
/** The tables whose rows the manifest counts (as the SQLite engine counts them). */
const COUNTED = ["articles", "publications", "media"];

/** Where the app keeps a photo's original (mirrors originalPath in lib/media/store.ts). */
const originalOf = (fileKey) => `media/originals/${fileKey}.jpg`;

/**
 * libpq settings for a postgres:// URL: the URL without its password as --dbname, the password
 * in PGPASSWORD, so it never shows in a process list. Shown to people as `redacted`.
 */
export function connectionOf(databaseUrl) {
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new BackupError("DATABASE_URL is not a valid URL (postgres://user:password@host:port/database).");
  }
  // The password may also come as a query option (?password=…): it goes into PGPASSWORD as
  // well, never onto a command line.
  const password = url.searchParams.get("password") ?? decodeURIComponent(url.password);
  url.password = "";
  url.searchParams.delete("password");
  return { dbname: url.toString(), redacted: url.toString(), env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" } };
}

/** Runs a PostgreSQL program; returns stdout, or throws a BackupError with what it said. */
function run(program, args, { env = process.env, what } = {}) {
  let result;
  try {
    result = spawnSync(postgresBin(program), args, { env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  } catch (error) {
    throw new BackupError(`${error.message}.`);
  }
  if (result.error) throw new BackupError(`${program} could not run: ${result.error.message}.`);
  if (result.status !== 0) throw new BackupError(`${what ?? program} failed (${program} exit ${result.status ?? result.signal}): ${(result.stderr || "").trim().split("\n").slice(0, 5).join(" / ")}`);
  return result.stdout;
}

/** The rows of one table's data in an archive, as objects (pg_restore's COPY text, unescaped). */
function tableRows(file, schema, table) {
  const sql = run("pg_restore", ["--data-only", "--schema", schema, "--table", table, "--file", "-", file], { what: `reading ${schema}.${table} from ${file}` });
  const lines = sql.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`COPY ${schema}.${table} (`) || line.startsWith(`COPY ${schema}."${table}" (`));
  if (start < 0) return [];
  const columns = /\(([^)]*)\)/.exec(lines[start])[1].split(", ").map((c) => c.replace(/^"|"$/g, ""));
  const rows = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const values = line.split("\t").map((v) => (v === "\\N" ? null : v.replace(/\\(.)/g, (_, c) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c)));
    rows.push(Object.fromEntries(columns.map((c, i) => [c, values[i]])));
  }
  return rows;
}

/** The migrations this code base ships for PostgreSQL, oldest first (drizzle-kit's journal). */
function knownMigrations() {
  const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "pg", "migrations", "meta", "_journal.json"), "utf8"));
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/** Tables of the database DATABASE_URL names (schemas public and drizzle), as "schema.table". */
function tablesIn(connection) {
  const out = run(
    "psql",
    ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "--dbname", connection.dbname, "-c", "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1"],
    { env: connection.env, what: `reading the tables of ${connection.redacted}` },
  );
  return out.split("\n").filter(Boolean);
}

/** The engine for the database at `databaseUrl`. */
export function postgresEngine(databaseUrl) {
  const connection = () => {
    if (!databaseUrl || !/^postgres(ql)?:/i.test(databaseUrl)) throw new BackupError("DATABASE_URL must name the PostgreSQL database (postgres://…).");
    return connectionOf(databaseUrl);
  };
  return {
    name: "postgres",
    databaseFiles: [DUMP_FILE],
    checkName: "pg_restore read the whole archive",

    /**
     * `pg_dump --format=custom`: one archive of the whole database as of one instant (pg_dump
     * reads everything in a single repeatable-read transaction, which blocks no writer).
     */
    async snapshot(_dataDir, outDir) {
      const db = connection();
      const target = path.join(outDir, DUMP_FILE);
      run("pg_dump", ["--format=custom", "--file", target, "--dbname", db.dbname], { env: db.env, what: `pg_dump of ${db.redacted}` });
      fs.chmodSync(target, 0o600); // it holds password hashes
    },

    /**
     * Reads an archive without a database: `pg_restore --list` (its table of contents must list
     * the tables a restore needs), a full read of every data block (the archive's integrity
     * check: a damaged block fails to decompress), then from the data itself the migration level
     * (drizzle.__drizzle_migrations), the counts and the media originals its rows reference.
     */
    inspect(backupDir) {
      const file = path.join(backupDir, DUMP_FILE);
      if (!fs.existsSync(file)) throw new BackupError(`no database archive at ${file}.`);
      const toc = run("pg_restore", ["--list", file], { what: `pg_restore --list of ${file}` });
      const tables = [...toc.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`).sort();
      const data = new Set([...toc.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`));
      for (const needed of [...COUNTED.map((t) => `public.${t}`), "drizzle.__drizzle_migrations"]) {
        if (!data.has(needed)) throw new BackupError(`${file} holds no data for ${needed}: it is not a Masthead database archive.`);
      }
      run("pg_restore", ["--file", "/dev/null", file], { what: `reading every block of ${file}` });
      const applied = tableRows(file, "drizzle", "__drizzle_migrations").map((r) => Number(r.created_at)).sort((a, b) => a - b);
      const latest = applied.at(-1) ?? null;
      return {
        integrity: "ok",
        tables,
        migration: { applied: applied.length, latest: knownMigrations().find((m) => m.when === latest)?.tag ?? null, latestMillis: latest },
        counts: Object.fromEntries(COUNTED.map((t) => [t, tableRows(file, "public", t).length])),
        mediaFiles: tableRows(file, "public", "media")
          .sort((a, b) => Number(a.id) - Number(b.id))
          .map((r) => originalOf(r.file_key)),
      };
    },

    /** True when the backup's schema has migrations this code does not ship (a newer version made it). */
    isNewerThanCode(migration) {
      const newest = knownMigrations().at(-1)?.when ?? 0;
      return (migration.latestMillis ?? 0) > newest;
    },

    /** What the restore would overwrite: the tables of the database DATABASE_URL names. */
    target() {
      const db = connection();
      return { description: `the database ${db.redacted}`, tables: tablesIn(db) };
    },

    /** A `pg_dump` of the database as it is, kept before a forced restore replaces it. */
    saveAside(file) {
      const db = connection();
      run("pg_dump", ["--format=custom", "--file", file, "--dbname", db.dbname], { env: db.env, what: `pg_dump of ${db.redacted} before the restore` });
      fs.chmodSync(file, 0o600);
    },

    /**
     * `pg_restore --clean --if-exists` into DATABASE_URL, in one transaction (all or nothing: a
     * failure leaves the database as it was), objects owned by the restoring role. The data folder
     * gets no database file.
     */
    async restore(backupDir) {
      const db = connection();
      run("pg_restore", ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname", db.dbname, path.join(backupDir, DUMP_FILE)], {
        env: db.env,
        what: `pg_restore into ${db.redacted} (nothing was changed)`,
      });
    },
  };
}
