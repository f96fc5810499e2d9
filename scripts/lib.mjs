// Shared steps of `npm start`, `npm test` and `npm run bench`. Plain ESM with no dependencies,
// because the first of them runs before node_modules exists.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Runs a command in the project root, inheriting output; exits this process if it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...childEnv, ...options.env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${[cmd, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function hashFile(hash, file) {
  hash.update(path.relative(root, file));
  hash.update(fs.readFileSync(file));
}

function hashTree(hash, dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (entry.isFile()) hashFile(hash, full);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".masthead-lock-hash");
  const want = crypto.createHash("sha256").update(fs.readFileSync(lock)).digest("hex");
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (have === want && fs.existsSync(path.join(root, "node_modules", "next"))) return;
  console.log("• Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  fs.writeFileSync(stamp, want);
}

const BUILD_INPUTS = ["app", "components", "lib", "db", "public"];
const BUILD_FILES = ["next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

/** A hash of everything the production build is made from. */
export function sourceHash() {
  const hash = crypto.createHash("sha256");
  for (const dir of BUILD_INPUTS) hashTree(hash, path.join(root, dir));
  for (const file of BUILD_FILES) if (fs.existsSync(path.join(root, file))) hashFile(hash, path.join(root, file));
  return hash.digest("hex");
}

/** What a build is made from: the sources' hash, and the server-actions key when one is set. */
export function buildStamp(env = process.env, sources = sourceHash()) {
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  return key ? crypto.createHash("sha256").update(`${sources}\n${key}`).digest("hex") : sources;
}

/**
 * Runs `next build` unless the existing build was made from the same sources, and with the same
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Next writes that key into the build, and instances built
 * separately (one per machine) accept each other's server actions only when it is the same.
 */
export function ensureBuild({ force = false } = {}) {
  const stamp = path.join(root, ".next", "masthead-source-hash");
  const want = buildStamp();
  const fresh =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want;
  if (fresh && !force) {
    console.log("• Build is up to date.");
    return;
  }
  console.log("• Building (next build)…");
  run("node", ["node_modules/next/dist/bin/next", "build"]);
  fs.writeFileSync(stamp, want);
}

/** Migrates the data folder and seeds the demo content when the database is empty. */
export function prepareData(dataDir, { seed = true, env = {} } = {}) {
  const args = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/prepare-data.ts"];
  if (!seed) args.push("--no-seed");
  run("node", args, { env: { MASTHEAD_DATA_DIR: dataDir, ...env } });
}

const MIN_SECRET_LENGTH = 32;

/**
 * The session secret: NEXTAUTH_SECRET if set (refused when short), else one generated into the
 * data folder on first start and reused afterwards.
 */
export function ensureSecret(dataDir) {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      console.error(`✗ NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; refusing to start.`);
      process.exit(1);
    }
    return configured;
  }
  const file = path.join(dataDir, "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The environment of scripts/server.mjs listening on `port`; `publicPort` is where readers reach
 * it (a cache in front), which the site URL names.
 */
export function serverEnv({ port, dataDir, publicPort = port, extraEnv = {} }) {
  const siteUrl = process.env.MASTHEAD_SITE_URL || `http://localhost:${publicPort}`;
  const authEnv = { NEXTAUTH_SECRET: ensureSecret(dataDir), NEXTAUTH_URL: process.env.NEXTAUTH_URL || siteUrl, MASTHEAD_SITE_URL: siteUrl };
  return { ...childEnv, PORT: String(port), MASTHEAD_DATA_DIR: dataDir, NODE_ENV: "production", ...authEnv, ...extraEnv };
}

/**
 * Starts the production server (scripts/server.mjs) in the foreground; signals pass through.
 * When it exits, `afterExit` runs (stopping what was started for it), then this process exits.
 */
export function serve({ port, dataDir, extraEnv = {}, afterExit = async () => {} }) {
  const child = spawn("node", ["scripts/server.mjs"], { cwd: root, stdio: "inherit", env: serverEnv({ port, dataDir, extraEnv }) });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    void afterExit().finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
  return child;
}

/**
 * Starts scripts/server.mjs in the background for a tool (benchmark, audit) and resolves once
 * /api/health answers. `env` adds to the production environment.
 */
export async function startBackgroundServer({ port, dataDir, env = {} }) {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn("node", ["scripts/server.mjs"], {
    cwd: root,
    stdio: "ignore",
    env: { ...childEnv, PORT: String(port), MASTHEAD_DATA_DIR: dataDir, NODE_ENV: "production", MASTHEAD_SITE_URL: base, NEXTAUTH_URL: base, NEXTAUTH_SECRET: ensureSecret(dataDir), ...env },
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("server did not start");
}
