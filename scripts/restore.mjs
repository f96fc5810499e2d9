// `npm run restore -- <backup-dir> [--data DIR] [--force]`: checks a backup (manifest hashes,
// integrity, every photo present) and only then puts it in place as the data folder (and, for a
// PostgreSQL backup, into DATABASE_URL). A non-empty data folder or database is kept unless
// --force, and even then it is moved aside (the database as a pg_dump), not deleted.
// Stop the site first. See docs/backup.md.
import fs from "node:fs";
import path from "node:path";
import { engineNamed } from "./backup-engine.mjs";
import { BackupError, copyFile, defaultDataDir, isEmptyDir, parseArgs, readManifest, runCli, timestamp, verifyFiles } from "./backup-files.mjs";

const USAGE = "usage: npm run restore -- <backup-dir> [--data DIR] [--force]";

/** Everything that can be checked without touching the data folder. */
async function checkBackup(backupDir) {
  const manifest = readManifest(backupDir);
  const engine = engineNamed(manifest.engine); // refuses a backup of another engine than the configured one
  for (const file of engine.databaseFiles) {
    if (!manifest.files[file]) throw new BackupError(`the manifest does not list ${file}; the backup is incomplete.`);
  }
  await verifyFiles(backupDir, manifest);
  const facts = engine.inspect(backupDir);
  const missing = facts.mediaFiles.filter((rel) => !manifest.files[rel]);
  if (missing.length) throw new BackupError(`${missing.length} photo(s) in the database are not in the backup (first: ${missing[0]}).`);
  if (engine.isNewerThanCode(facts.migration)) {
    throw new BackupError("the backup was made by a newer version of Masthead (its schema has migrations this code does not know); update the code first.");
  }
  return { manifest, engine, facts };
}

async function main() {
  const { options, positionals } = parseArgs(process.argv.slice(2), { values: ["data"], flags: ["force"] });
  if (positionals.length !== 1) throw new BackupError(`name one backup folder (${USAGE}).`);
  const backupDir = path.resolve(positionals[0]);
  const dataDir = options.data ? path.resolve(options.data) : defaultDataDir();

  console.log(`• Checking ${backupDir}…`);
  const { manifest, engine, facts } = await checkBackup(backupDir);
  console.log(`• Hashes and ${engine.checkName} ok: backup of ${manifest.createdAt}, ${facts.counts.articles} articles, ${facts.counts.media} photos.`);

  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) throw new BackupError(`${dataDir} exists and is not a folder.`);
  const occupied = !isEmptyDir(dataDir);
  if (occupied && !options.force) {
    throw new BackupError(`${dataDir} is not empty; nothing was changed. Stop the site and run again with --force to move it aside to ${path.basename(dataDir)}.before-restore-<time> (nothing is deleted).`);
  }
  const stamp = timestamp();
  // A database outside the data folder (PostgreSQL) is checked the same way: one that holds tables
  // is only replaced with --force, after a copy of it is kept beside the data folder; and never
  // when it has tables the backup does not (a newer schema, which the old one would not drop).
  const target = engine.target?.();
  if (target?.tables.length) {
    const aside = `${dataDir}.before-restore-${stamp}.pgdump`;
    if (!options.force) throw new BackupError(`${target.description} is not empty (${target.tables.length} tables); nothing was changed. Stop the site and run again with --force to replace it (a pg_dump of it is kept first, as ${aside}).`);
    const unknown = target.tables.filter((t) => !facts.tables.includes(t));
    if (unknown.length) throw new BackupError(`${target.description} has tables the backup does not (${unknown.join(", ")}): its schema is newer than the backup's; nothing was changed. Restore into an empty database.`);
    engine.saveAside(aside);
    console.log(`• The database as it was is kept in ${aside}.`);
  }

  // Assembled next to the target (same file system) and renamed into place, so the data folder
  // is either the old one or the complete restored one, never half of each.
  const staging = `${dataDir}.restoring-${stamp}`;
  fs.mkdirSync(path.join(staging, "media"), { recursive: true, mode: 0o700 });
  try {
    if (!target) await engine.restore(backupDir, staging);
    for (const rel of Object.keys(manifest.files)) {
      if (!engine.databaseFiles.includes(rel)) copyFile(path.join(backupDir, rel), path.join(staging, rel));
    }
    const inFolder = target ? Object.fromEntries(Object.entries(manifest.files).filter(([rel]) => !engine.databaseFiles.includes(rel))) : manifest.files;
    await verifyFiles(staging, { ...manifest, files: inFolder });
    // A database outside the folder is restored last, once the files are ready: all or nothing.
    if (target) await engine.restore(backupDir, staging);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  let aside = null;
  if (occupied) {
    aside = `${dataDir}.before-restore-${stamp}`;
    fs.renameSync(dataDir, aside);
  } else if (fs.existsSync(dataDir)) {
    fs.rmdirSync(dataDir);
  }
  try {
    fs.renameSync(staging, dataDir);
  } catch (error) {
    if (aside) fs.renameSync(aside, dataDir);
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (aside) console.log(`• The previous data folder was moved to ${aside}.`);
  if (target) console.log(`✓ Restored into ${target.description} and ${dataDir}. Apply any newer PostgreSQL migrations (db/pg/migrate.ts) before serving from it.`);
  else console.log(`✓ Restored into ${dataDir}. \`npm start\` applies any newer migrations and regenerates photo sizes on demand.`);
}

await runCli("restore", main);
