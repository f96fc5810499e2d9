// `npm run restore -- <backup-dir> [--data DIR] [--force]`: checks a backup (manifest hashes,
// integrity, every photo present) and only then puts it in place as the data folder. A
// non-empty data folder is kept unless --force, and even then it is moved aside, not deleted.
// Stop the site first. See docs/backup.md.
import fs from "node:fs";
import path from "node:path";
import { engineNamed } from "./backup-engine.mjs";
import { BackupError, copyFile, defaultDataDir, isEmptyDir, parseArgs, readManifest, runCli, timestamp, verifyFiles } from "./backup-files.mjs";

const USAGE = "usage: npm run restore -- <backup-dir> [--data DIR] [--force]";

/** Everything that can be checked without touching the data folder. */
async function checkBackup(backupDir) {
  const manifest = readManifest(backupDir);
  const engine = engineNamed(manifest.engine);
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
  console.log(`• Hashes and integrity_check ok: backup of ${manifest.createdAt}, ${facts.counts.articles} articles, ${facts.counts.media} photos.`);

  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) throw new BackupError(`${dataDir} exists and is not a folder.`);
  const occupied = !isEmptyDir(dataDir);
  if (occupied && !options.force) {
    throw new BackupError(`${dataDir} is not empty; nothing was changed. Stop the site and run again with --force to move it aside to ${path.basename(dataDir)}.before-restore-<time> (nothing is deleted).`);
  }

  // Assembled next to the target (same file system) and renamed into place, so the data folder
  // is either the old one or the complete restored one, never half of each.
  const stamp = timestamp();
  const staging = `${dataDir}.restoring-${stamp}`;
  fs.mkdirSync(path.join(staging, "media"), { recursive: true, mode: 0o700 });
  try {
    await engine.restore(backupDir, staging);
    for (const rel of Object.keys(manifest.files)) {
      if (!engine.databaseFiles.includes(rel)) copyFile(path.join(backupDir, rel), path.join(staging, rel));
    }
    await verifyFiles(staging, manifest);
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
  console.log(`✓ Restored into ${dataDir}. \`npm start\` applies any newer migrations and regenerates photo sizes on demand.`);
}

await runCli("restore", main);
