// `npm run bench`: builds if needed, then for each size (100 and 10,000 live articles by
// default) starts the app on a throwaway data folder with Varnish in front and measures the read
// path (bench/read-path.mjs: static copy in nginx, app alone, app behind Varnish, with wrk),
// publish → visible through Varnish, JavaScript per page, first renders and first searches.
// Then it fires a burst of 10,000 view beacons from as many readers while loading the article
// page, and after a graceful shutdown checks that every view reached the database.
// Prints tables and writes bench/results.json. Nothing here is asserted by `npm test`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { childEnv, ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "../scripts/lib.mjs";
import { measureBurst } from "./beacons.mjs";
import { measurePublish, measureTyping, prepareEditorFixture, preparePublishFixture } from "./editor.mjs";
import { measureJsWeight } from "./page-weight.mjs";
import { freePortBlock } from "./ports.mjs";
import { measurePublishVisible } from "./publish-visible.mjs";
import { measureReadPath } from "./read-path.mjs";
import { printCacheSections, printReadPath, printServingSections } from "./report.mjs";
import { ensureLoadTools } from "./wrk.mjs";

const sizes = (process.env.BENCH_SIZES || "100,10000").split(",").map(Number);
const duration = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
// The app, Varnish in front of it, and the static copy in nginx, on three consecutive ports.
const port = await freePortBlock(Number(process.env.BENCH_PORT || 3200), 3);
const beacons = Number(process.env.BENCH_BEACONS || 10_000);
const publishes = Number(process.env.BENCH_PUBLISHES || 24);
const varnishPort = port + 1;
const staticPort = port + 2;
const base = `http://127.0.0.1:${port}`;
const varnishBase = `http://127.0.0.1:${varnishPort}`;

function fill(dataDir, target) {
  const r = spawnSync("node", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/fill.ts", String(target)], {
    cwd: root,
    stdio: "inherit",
    env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir },
  });
  if (r.status !== 0) throw new Error("filling the benchmark database failed");
}

const demoPassword = crypto.randomBytes(12).toString("base64url");
const secret = crypto.randomBytes(32).toString("base64url");

/** The app, purging the Varnish that runs in front of it and trusting its X-Forwarded-For. */
function startServer(dataDir) {
  const env = { HOST: "127.0.0.1", NEXTAUTH_SECRET: secret, MASTHEAD_PURGE_URL: `${varnishBase}/`, MASTHEAD_TRUSTED_PROXIES: "127.0.0.1,::1" };
  return startBackgroundServer({ port, dataDir, env }).then((server) => {
    // Its output is not kept: say at least how it ended if it ends before we stop it.
    server.once("exit", (code, signal) => {
      if (!server.stopping) console.error(`! the app exited during the benchmark (${code ?? signal})`);
    });
    return server;
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Latency of pages nobody has asked for yet: the render-and-query path, one request at a time. */
async function coldArticles(slugs) {
  const times = [];
  for (const slug of slugs) {
    const t0 = performance.now();
    const res = await fetch(`${base}/news/${slug}`);
    await res.text();
    if (res.status !== 200) throw new Error(`cold article ${slug}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Latency of searches nobody has made yet (no cached result): FTS5 ranking over every article. */
async function firstSearches() {
  const words = ["river", "library", "climate history", "student grant", "harbour", "music theatre", "data health", '"lecture music"', "archive", "garden language"];
  const times = [];
  for (const q of words) {
    const t0 = performance.now();
    const res = await fetch(`${base}/search?q=${encodeURIComponent(q)}&page=2`);
    await res.text();
    if (res.status !== 200 && res.status !== 404) throw new Error(`search ${q}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * A Chromium section: if it fails, its error is recorded and the run goes on (the other
 * sections' figures are not lost), and the benchmark exits non-zero at the end.
 */
async function inBrowser(name, measure) {
  try {
    return await measure();
  } catch (error) {
    console.error(`! ${name} failed: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    process.exitCode = 1;
    return { error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}

async function measureSize(size) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `masthead-bench-${size}-`));
  try {
    prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: demoPassword } });
    fill(dataDir, size);
    const editorFixture = size === sizes[0] && !process.env.BENCH_SKIP_EDITOR ? prepareEditorFixture(dataDir) : null;
    const publishItems = !process.env.BENCH_SKIP_EDITOR ? preparePublishFixture(dataDir) : null;
    const visibleItems = preparePublishFixture(dataDir, publishes);
    const server = await startServer(dataDir);
    let varnish = null;
    try {
      varnish = await startVarnish({ port: varnishPort, backendPort: port });
      const html = await (await fetch(`${base}/topics/research`)).text();
      const article = /href="\/news\/([a-z0-9-]+)"/.exec(html)?.[1];
      const pages = { home: "/", news: "/news", topic: "/topics/research", article: `/news/${article}`, search: "/search?q=research" };
      const pageList = Object.entries(pages).map(([name, p]) => ({ name, path: p }));
      if (!(await (await fetch(base + pages.search)).text()).includes('href="/news/')) throw new Error(`${pages.search} finds nothing`);
      const load0 = os.loadavg();
      const readPath = await measureReadPath({ appBase: base, varnishBase, staticPort, pages: pageList, seconds: duration, connections });
      readPath.loadavg = { start: load0, end: os.loadavg() };
      printReadPath(size, readPath);
      const publishVisible = await measurePublishVisible({ appBase: base, varnishBase, password: demoPassword, items: visibleItems });
      const jsWeight = await measureJsWeight(base, pageList);
      const slugs = Array.from({ length: 40 }, (_, i) => `bench-story-${Math.floor(((i + 1) * (size - 50)) / 41)}`).filter(
        (s) => Number(s.split("-").pop()) >= 0,
      );
      const cold = size > 50 ? await coldArticles(slugs) : null;
      const coldSearch = await firstSearches();
      const typing = editorFixture ? await inBrowser("editor typing", () => measureTyping(base, demoPassword, editorFixture.articleId)) : null;
      const editor = typing && !typing.error ? { typing, saveServerMs: { p50: editorFixture.saveP50, p95: editorFixture.saveP95 } } : typing;
      const publish = publishItems ? await inBrowser("publish-to-live in Chromium", () => measurePublish(base, demoPassword, publishItems)) : null;
      // Last: the burst ends with the server's graceful shutdown.
      const burst = await measureBurst({ base, dataDir, server, articlePath: pages.article, beacons, connections, duration });
      return { pages, readPath, publishVisible, jsWeight, cold, coldSearch, burst, editor, publish };
    } finally {
      await varnish?.stop();
      if (server.exitCode === null && server.signalCode === null) {
        server.stopping = true;
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureDependencies();
ensureBuild();
ensureLoadTools();
// scripts/varnish.mjs comes with the cache tier (branch varnish).
const { ensureVarnish, startVarnish } = await import("../scripts/varnish.mjs");
ensureVarnish();
const results = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, loadavg: { start: os.loadavg() }, connections, duration, sizes: {} };
for (const size of sizes) {
  console.log(`\n• ${size} live articles…`);
  results.sizes[size] = await measureSize(size);
}
results.loadavg.end = os.loadavg();

for (const [size, s] of Object.entries(results.sizes)) printReadPath(size, s.readPath);
results.scale = printCacheSections(results);
printServingSections(results, beacons);
console.log(`Load average (1, 5, 15 min) at start ${results.loadavg.start.map((n) => n.toFixed(2)).join(" ")}, at end ${results.loadavg.end.map((n) => n.toFixed(2)).join(" ")}`);
fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2));
console.log("Written to bench/results.json");
