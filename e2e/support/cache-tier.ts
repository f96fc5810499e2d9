import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * Helpers of e2e/cache-tier.spec.ts: its own app server on a copy of the test data, reachable
 * through a real Varnish (scripts/varnish.mjs), and plain HTTP requests through the front.
 */

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
  fs.cpSync(path.join(source, "media"), path.join(dataDir, "media"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, ".masthead-throwaway"), "copied by e2e/support/cache-tier.ts; safe to delete\n");
  return dataDir;
}

/**
 * Starts scripts/server.mjs on `port` as the origin behind the cache: readers reach it at
 * `siteUrl` (Varnish), purges go to `purgeUrl`, and Varnish's X-Forwarded-For is trusted.
 */
export function startOrigin({ port, dataDir, siteUrl, purgeUrl }: { port: number; dataDir: string; siteUrl: string; purgeUrl: string }): ChildProcess {
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
      MASTHEAD_PURGE_URL: purgeUrl,
      MASTHEAD_TRUSTED_PROXIES: "127.0.0.1,::1",
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

export interface Fetched {
  status: number;
  cache: string | null;
  setCookie: string | null;
  location: string | null;
  headers: Headers;
  body: string;
}

/** One GET through the cache, without following redirects. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
  return {
    status: response.status,
    cache: response.headers.get("x-cache"),
    setCookie: response.headers.get("set-cookie"),
    location: response.headers.get("location"),
    headers: response.headers,
    body: await response.text(),
  };
}

/**
 * Polls `check` every 25 ms until it is true and returns when that was, in ms after `since`;
 * throws after `timeoutMs`.
 */
export async function timeUntil(check: () => Promise<boolean>, since: number, timeoutMs = 10_000): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (await check()) return Date.now() - since;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An IPv4 address of this machine other than loopback, to send a PURGE from "elsewhere". */
export function nonLoopbackAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) if (entry.family === "IPv4" && !entry.internal) return entry.address;
  }
  return null;
}
