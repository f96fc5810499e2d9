// `npm run backup [-- --out DIR] [--data DIR]`: a consistent copy of the database and the photo
// originals, taken while the site keeps serving and writing. Writes DIR/<UTC timestamp>/ (DIR is
// MASTHEAD_BACKUP_DIR or ./backups) with masthead.db (masthead.pgdump with DATABASE_URL=postgres://…),
// media/originals/…, the session secret and manifest.json. See docs/backup.md.
import fs from "node:fs";
import path from "node:path";
import { currentEngine } from "./backup-engine.mjs";
import {
  BackupError,
  EXTRA_FILES,
  MANIFEST,
  MANIFEST_FORMAT,
  copyFile,
  defaultDataDir,
  describeFiles,
  listFiles,
  parseArgs,
  runCli,
  timestamp,
} from "./backup-files.mjs";
import { root } from "./lib.mjs";

// Generated sizes are remade from the original on first request; in-flight `.tmp` files are
// half-written uploads that the app renames into place only when complete.
const skipMedia = (rel) => rel === "sizes" || rel.endsWith(".tmp");

function copyMedia(dataDir, outDir) {
  const from = path.join(dataDir, "media");
  let copied = 0;
  for (const rel of listFiles(from, { skip: skipMedia })) {
    try {
      copyFile(path.join(from, rel), path.join(outDir, "media", rel));
      copied++;
    } catch (error) {
      // Gone between listing and copying: harmless unless the database copy references it,
      // which the check after this catches.
      if (error.code !== "ENOENT") throw error;
    }
  }
  return copied;
}

async function main() {
  const { options, positionals } = parseArgs(process.argv.slice(2), { values: ["out", "data"] });
  if (positionals.length) throw new BackupError(`unexpected argument ${positionals[0]} (usage: npm run backup -- [--out DIR] [--data DIR]).`);
  const engine = currentEngine();
  const dataDir = options.data ? path.resolve(options.data) : defaultDataDir();
  const parent = options.out ? path.resolve(options.out) : path.resolve(root, process.env.MASTHEAD_BACKUP_DIR || "backups");
  const startedAt = new Date();
  const finalDir = path.join(parent, timestamp(startedAt));
  if (fs.existsSync(finalDir)) throw new BackupError(`${finalDir} already exists.`);
  // Written under a temporary name and renamed at the end: a folder without ".partial" is
  // always a complete, verified backup.
  const workDir = `${finalDir}.partial`;
  fs.mkdirSync(workDir, { recursive: true, mode: 0o700 });
  try {
    console.log(engine.name === "sqlite" ? `• Copying the database of ${dataDir} (online backup)…` : "• Dumping the PostgreSQL database (pg_dump)…");
    await engine.snapshot(dataDir, workDir);
    const facts = engine.inspect(workDir);
    console.log(`• ${engine.checkName}: ok; ${facts.counts.articles} articles, ${facts.counts.publications} publications, ${facts.counts.media} photos.`);

    // Order matters. The database copy is one instant; the photos are copied after it. The
    // app writes a photo's file before it commits the row that references it, so every row in
    // the copy has its file on disk by the time we copy the folder. Photos uploaded after the
    // database instant are copied too, as harmless extras no row points at. The other order
    // (photos first) could miss the file of a photo committed in between.
    const copied = copyMedia(dataDir, workDir);
    const missing = facts.mediaFiles.filter((rel) => !fs.existsSync(path.join(workDir, rel)));
    if (missing.length) {
      throw new BackupError(`${missing.length} photo(s) in the database have no original in ${dataDir}/media (first: ${missing[0]}); the data folder had lost them before this backup.`);
    }
    for (const name of EXTRA_FILES) {
      if (fs.existsSync(path.join(dataDir, name))) copyFile(path.join(dataDir, name), path.join(workDir, name));
    }

    const manifest = {
      format: MANIFEST_FORMAT,
      engine: engine.name,
      createdAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source: dataDir,
      migration: facts.migration,
      counts: facts.counts,
      integrity: facts.integrity,
      files: await describeFiles(workDir, listFiles(workDir)),
    };
    fs.writeFileSync(path.join(workDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(workDir, finalDir);
    console.log(`• ${copied} media file(s) copied; ${Object.keys(manifest.files).length} files hashed into ${MANIFEST}.`);
    console.log(`✓ Backup written to ${finalDir}`);
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

await runCli("backup", main);
