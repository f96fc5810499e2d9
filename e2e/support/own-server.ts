import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * A Masthead server of a spec's own (cache tier, sign-on, restarts): a throwaway copy of the
 * test data, scripts/server.mjs started on it with the spec's settings, and a clean stop.
 */

const MARKER = ".masthead-throwaway";

/** Copies the throwaway test database and media into a new folder of their own. */
export async function copyTestData(prefix: string): Promise<string> {
  const source = fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = new Database(path.join(source, "masthead.db"), { readonly: true });
  try {
    await db.backup(path.join(dataDir, "masthead.db"));
  } finally {
    db.close();
  }
  // A copy is a deployment of its own: the test site's scheduler lease is not its to wait for.
  const copy = new Database(path.join(dataDir, "masthead.db"));
  try {
    copy.exec("delete from leases");
  } finally {
    copy.close();
  }
  fs.cpSync(path.join(source, "media"), path.join(dataDir, "media"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, MARKER), "copied by e2e/support/own-server.ts; safe to delete\n");
  return dataDir;
}

/** Refuses a data folder that is not a throwaway copy in the temp folder. */
export function assertThrowaway(dir: string): void {
  const inTmp = path.resolve(dir).startsWith(path.resolve(os.tmpdir()) + path.sep);
  if (!inTmp || !fs.existsSync(path.join(dir, MARKER))) throw new Error(`Refusing to start Masthead on ${dir}: not a throwaway data folder.`);
}

/**
 * Starts scripts/server.mjs on `port` over a throwaway `dataDir`, with a fresh session secret;
 * readers reach it at `siteUrl` (itself unless a cache tier is in front); `env` adds settings.
 */
export function startOwnServer({ port, dataDir, siteUrl = `http://127.0.0.1:${port}`, env = {} }: { port: number; dataDir: string; siteUrl?: string; env?: Record<string, string> }): ChildProcess {
  assertThrowaway(dataDir);
  return spawn("node", ["scripts/server.mjs"], {
    cwd: process.cwd(),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      MASTHEAD_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      NEXTAUTH_URL: siteUrl,
      MASTHEAD_SITE_URL: siteUrl,
      ...env,
    },
  });
}

/** Resolves once `url` answers 200, or throws after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** Stops a child process with SIGTERM (SIGKILL after 10 s) and waits for it. */
export async function stopProcess(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
