// Which database engine a backup or restore talks to. Each engine is an object with:
//   name             stored in the manifest; a restore refuses a backup of another engine
//   databaseFiles    the files it writes into the backup folder
//   snapshot(dataDir, outDir)    a consistent copy of the live database, taken while it serves
//   inspect(backupDir)           integrity check, migration level, counts, referenced media
//   isNewerThanCode(migration)   true when the backup's schema is ahead of this code
//   restore(backupDir, dataDir)  puts the copy in place
// Only SQLite exists today. PostgreSQL (DATABASE_URL=postgres://…) will be a second object:
// snapshot = `pg_dump --format=custom` (one repeatable-read snapshot), inspect = a
// `pg_restore --list` plus the counts and media keys read inside that same exported snapshot,
// restore = `pg_restore --clean` into DATABASE_URL; the file and media side stays as it is.
import { BackupError } from "./backup-files.mjs";
import { sqliteEngine } from "./backup-sqlite.mjs";

const ENGINES = new Map([["sqlite", sqliteEngine]]);

/** The engine the environment configures. */
export function currentEngine(env = process.env) {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:/i.test(url)) throw new BackupError("DATABASE_URL points at PostgreSQL; backups of PostgreSQL are not implemented yet (use pg_dump).");
  return sqliteEngine;
}

/** The engine that made a backup, by the name in its manifest. */
export function engineNamed(name) {
  const engine = ENGINES.get(name);
  if (!engine) throw new BackupError(`the backup was made with the "${name}" engine, which this version cannot restore.`);
  return engine;
}
