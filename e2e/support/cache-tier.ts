import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { startOwnServer } from "./own-server";

/*
 * Helpers of e2e/cache-tier.spec.ts: its own app server on a copy of the test data, reachable
 * through a real Varnish (scripts/varnish.mjs), and plain HTTP requests through the front.
 */

/**
 * Starts scripts/server.mjs on `port` as the origin behind the cache: readers reach it at
 * `siteUrl` (Varnish), purges go to `purgeUrl`, and Varnish's X-Forwarded-For is trusted.
 */
export function startOrigin({ port, dataDir, siteUrl, purgeUrl }: { port: number; dataDir: string; siteUrl: string; purgeUrl: string }): ChildProcess {
  return startOwnServer({ port, dataDir, siteUrl, env: { MASTHEAD_PURGE_URL: purgeUrl, MASTHEAD_TRUSTED_PROXIES: "127.0.0.1,::1" } });
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
