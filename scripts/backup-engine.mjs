// Which database engine a backup or restore talks to. Each engine is an object with:
//   name             stored in the manifest; a restore refuses a backup of another engine
//   databaseFiles    the files it writes into the backup folder
//   checkName        what its integrity check is called in messages
//   snapshot(dataDir, outDir)    a consistent copy of the live database, taken while it serves
//   inspect(backupDir)           integrity check, migration level, counts, referenced media
//   isNewerThanCode(migration)   true when the backup's schema is ahead of this code
//   restore(backupDir, dataDir)  puts the copy in place
// and, for an engine whose database lives outside the data folder (PostgreSQL):
//   target()                     { description, tables } of the database a restore overwrites
//   saveAside(file)              a copy of that database, made before a forced restore
// SQLite (the default) is backup-sqlite.mjs; PostgreSQL (DATABASE_URL=postgres://…) is
// backup-pg.mjs: snapshot = `pg_dump --format=custom`, inspect = `pg_restore --list` plus a full
// read and the counts and media keys read from the archive's own data, restore =
// `pg_restore --clean --if-exists` into DATABASE_URL; the file and media side stays as it is.
import { BackupError } from "./backup-files.mjs";
import { postgresEngine } from "./backup-pg.mjs";
import { sqliteEngine } from "./backup-sqlite.mjs";

const LABEL = new Map([
  ["sqlite", "SQLite (the data folder's masthead.db)"],
  ["postgres", "PostgreSQL (DATABASE_URL=postgres://…)"],
]);

const isPostgres = (env) => /^postgres(ql)?:/i.test(env.DATABASE_URL ?? "");

/** The engine the environment configures: PostgreSQL when DATABASE_URL is postgres://…, else SQLite. */
export function currentEngine(env = process.env) {
  if (env.DATABASE_URL && !isPostgres(env)) throw new BackupError("DATABASE_URL is set but is not a postgres:// URL; unset it to use the SQLite data folder.");
  return isPostgres(env) ? postgresEngine(env.DATABASE_URL) : sqliteEngine;
}

/**
 * The engine that made a backup, by the name in its manifest, when it is also the engine this
 * environment runs on: a backup is restored into the same kind of database, never converted.
 */
export function engineNamed(name, env = process.env) {
  if (!LABEL.has(name)) throw new BackupError(`the backup was made with the "${name}" engine, which this version cannot restore.`);
  const current = currentEngine(env);
  if (current.name !== name) {
    throw new BackupError(
      `this is a backup of ${LABEL.get(name)}, but this site is configured for ${LABEL.get(current.name)}; nothing was changed. ` +
        (name === "sqlite" ? "Unset DATABASE_URL to restore it as a SQLite data folder." : "Set DATABASE_URL to the PostgreSQL database to restore it into."),
    );
  }
  return current;
}
