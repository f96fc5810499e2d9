// File side of `npm run backup` / `npm run restore`: paths, hashes, copying and the manifest.
// Nothing here knows which database engine is in use (that is backup-engine.mjs).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

export const MANIFEST = "manifest.json";
export const MANIFEST_FORMAT = 1;
/** Files of the data folder besides the database and media that a restore needs. */
export const EXTRA_FILES = ["nextauth-secret", "demo-credentials.txt"];

/** A failure the user can act on: printed as one clear line, exit status 1, no stack trace. */
export class BackupError extends Error {}

/** Runs a CLI's main function, turning a BackupError into a message and a non-zero exit. */
export async function runCli(name, main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof BackupError) console.error(`✗ ${name}: ${error.message}`);
    else console.error(`✗ ${name} failed unexpectedly:`, error);
    process.exitCode = 1;
  }
}

/** The data folder the app uses: MASTHEAD_DATA_DIR (relative to the project root) or ./data. */
export function defaultDataDir() {
  return path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");
}

/** `--name value` and `--flag` arguments plus positionals; unknown options are refused. */
export function parseArgs(argv, { values = [], flags = [] }) {
  const options = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) positionals.push(arg);
    else if (flags.includes(arg.slice(2))) options[arg.slice(2)] = true;
    else if (values.includes(arg.slice(2))) {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) throw new BackupError(`${arg} needs a value.`);
      options[arg.slice(2)] = value;
    } else throw new BackupError(`unknown option ${arg}.`);
  }
  return { options, positionals };
}

/** A UTC timestamp usable as a folder name on every file system: 2026-12-01T08-30-00-123Z. */
export function timestamp(date = new Date()) {
  return date.toISOString().replace(/[:.]/g, "-");
}

/** The sha256 of a file, streamed so a large original is never held in memory whole. */
export async function sha256File(file) {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

/** Relative paths (with `/`) of the regular files under `dir`, sorted; [] when it is missing. */
export function listFiles(dir, { skip = () => false } = {}) {
  const out = [];
  const walk = (sub) => {
    const full = path.join(dir, sub);
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out.sort();
}

/** Copies one file, creating its folder; keeps the mode (the secret stays 0600). */
export function copyFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
  fs.chmodSync(to, fs.statSync(from).mode & 0o777);
}

/** True when `dir` is missing or an empty folder. */
export function isEmptyDir(dir) {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

/** `{ bytes, sha256 }` of every listed file under `dir`. */
export async function describeFiles(dir, files) {
  const described = {};
  for (const rel of files) {
    const full = path.join(dir, rel);
    described[rel] = { bytes: fs.statSync(full).size, sha256: await sha256File(full) };
  }
  return described;
}

/** Reads and checks the shape of a backup's manifest; throws a BackupError naming the problem. */
export function readManifest(backupDir) {
  if (!fs.existsSync(backupDir) || !fs.statSync(backupDir).isDirectory()) throw new BackupError(`no backup folder at ${backupDir}.`);
  const file = path.join(backupDir, MANIFEST);
  if (!fs.existsSync(file)) throw new BackupError(`${backupDir} has no ${MANIFEST}: it is not a backup, or an unfinished one.`);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new BackupError(`${file} is not valid JSON (corrupted?).`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || typeof manifest.engine !== "string" || typeof manifest.files !== "object" || !manifest.files) {
    throw new BackupError(`${file} is not a manifest this version understands (format ${manifest?.format}).`);
  }
  return manifest;
}

/** Checks every file the manifest lists: present, same size, same sha256. */
export async function verifyFiles(backupDir, manifest) {
  for (const [rel, want] of Object.entries(manifest.files)) {
    const full = path.join(backupDir, rel);
    // Manifest paths come from a file on disk: never follow one out of the backup folder.
    if (path.isAbsolute(rel) || path.relative(backupDir, full).startsWith("..")) throw new BackupError(`the manifest lists a path outside the backup: ${rel}.`);
    if (!fs.existsSync(full)) throw new BackupError(`${rel} is listed in the manifest but missing from the backup.`);
    const size = fs.statSync(full).size;
    if (size !== want.bytes) throw new BackupError(`${rel} is ${size} bytes, the manifest says ${want.bytes}: the backup is corrupted.`);
    const actual = await sha256File(full);
    if (actual !== want.sha256) throw new BackupError(`${rel} does not match its sha256 in the manifest (hash mismatch): the backup is corrupted.`);
  }
}
