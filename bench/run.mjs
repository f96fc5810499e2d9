// `npm run bench`: builds if needed, then for each size (100 and 10,000 live articles by
// default) starts the app on a throwaway data folder and measures the home page, a topic page
// and article pages with autocannon on loopback. Prints a table and writes bench/results.json.
// Then it fires a burst of 10,000 view beacons from as many readers while loading the article
// page, and after a graceful shutdown checks that every view reached the database.
// Nothing here is asserted by `npm test`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { childEnv, ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "../scripts/lib.mjs";
import { measurePublish, measureTyping, prepareEditorFixture, preparePublishFixture } from "./editor.mjs";

const sizes = (process.env.BENCH_SIZES || "100,10000").split(",").map(Number);
const duration = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const port = Number(process.env.BENCH_PORT || 3200);
const beacons = Number(process.env.BENCH_BEACONS || 10_000);
const base = `http://127.0.0.1:${port}`;

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

function startServer(dataDir) {
  return startBackgroundServer({ port, dataDir, env: { NEXTAUTH_SECRET: secret } });
}

function load(url, options = { duration }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** `beacons` view beacons for one article, each from a different reader (user agent). */
function beaconBurst(articleId) {
  let reader = 0;
  return load(`${base}/api/views`, {
    amount: beacons,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, "content-type": "text/plain", "user-agent": `Mozilla/5.0 (X11; Linux x86_64) BenchReader/${reader++}` },
          body: JSON.stringify({ articleId }),
        }),
      },
    ],
  });
}

function totalViews(dataDir) {
  const db = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
  try {
    return db.prepare("SELECT (SELECT sum(view_count) FROM articles) AS total, (SELECT coalesce(sum(views), 0) FROM article_views_daily) AS daily").get();
  } finally {
    db.close();
  }
}

/** Article page latency while the burst runs, and whether every beacon became a view. */
async function measureBurst(dataDir, server, articlePath) {
  const slug = articlePath.split("/").pop();
  const db = new Database(path.join(dataDir, "masthead.db"), { readonly: true });
  const { id } = db.prepare("SELECT article_id AS id FROM publications WHERE slug = ?").get(slug);
  db.close();
  const before = totalViews(dataDir);
  const t0 = performance.now();
  const [burst, pages] = await Promise.all([beaconBurst(id), load(base + articlePath, { duration: Math.max(3, Math.ceil(duration / 2)) })]);
  const seconds = (performance.now() - t0) / 1000;
  // Graceful shutdown: whatever is still buffered must be written before the process exits.
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  const after = totalViews(dataDir);
  return {
    beacons,
    beaconRps: Math.round(burst.requests.average),
    beaconP99: burst.latency.p99,
    beaconErrors: burst.errors + burst.non2xx,
    counted: after.total - before.total,
    countedDaily: after.daily - before.daily,
    lost: beacons - (after.total - before.total),
    articleRpsDuringBurst: Math.round(pages.requests.average),
    articleP50DuringBurst: pages.latency.p50,
    articleP99DuringBurst: pages.latency.p99,
    seconds: Number(seconds.toFixed(1)),
  };
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

async function measureSize(size) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `masthead-bench-${size}-`));
  try {
    prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: demoPassword } });
    fill(dataDir, size);
    const editorFixture = size === sizes[0] && !process.env.BENCH_SKIP_EDITOR ? prepareEditorFixture(dataDir) : null;
    const publishItems = !process.env.BENCH_SKIP_EDITOR ? preparePublishFixture(dataDir) : null;
    const server = await startServer(dataDir);
    try {
      const html = await (await fetch(`${base}/topics/research`)).text();
      const article = /href="\/news\/([a-z0-9-]+)"/.exec(html)?.[1];
      const pages = { home: "/", topic: "/topics/research", article: `/news/${article}`, search: "/search?q=research+campus" };
      const rows = [];
      for (const [name, p] of Object.entries(pages)) {
        await fetch(base + p).then((r) => r.text()); // warm the page cache
        const r = await load(base + p);
        rows.push({ size, page: name, path: p, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
      }
      const slugs = Array.from({ length: 40 }, (_, i) => `bench-story-${Math.floor(((i + 1) * (size - 50)) / 41)}`).filter(
        (s) => Number(s.split("-").pop()) >= 0,
      );
      const cold = size > 50 ? await coldArticles(slugs) : null;
      const coldSearch = await firstSearches();
      const editor = editorFixture
        ? { typing: await measureTyping(base, demoPassword, editorFixture.articleId), saveServerMs: { p50: editorFixture.saveP50, p95: editorFixture.saveP95 } }
        : null;
      const publish = publishItems ? await measurePublish(base, demoPassword, publishItems) : null;
      // Last: the burst ends with the server's graceful shutdown.
      const burst = await measureBurst(dataDir, server, pages.article);
      return { rows, cold, coldSearch, burst, editor, publish };
    } finally {
      if (server.exitCode === null && server.signalCode === null) {
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
const results = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, connections, duration, sizes: {} };
for (const size of sizes) {
  console.log(`\n• ${size} live articles…`);
  results.sizes[size] = await measureSize(size);
}

console.log(`\nPage serving (autocannon, ${connections} connections, ${duration}s each, cached pages)`);
console.table(Object.values(results.sizes).flatMap((s) => s.rows));
console.log("First render of a never-visited article (sequential, ms)");
console.table(Object.entries(results.sizes).map(([size, s]) => ({ size: Number(size), p50: s.cold?.p50.toFixed(1), p99: s.cold?.p99.toFixed(1) })));
const editor = Object.values(results.sizes).find((s) => s.editor)?.editor;
if (editor) {
  console.log("Editor on a 10,000-word article with 20 photographs (targets: typing p95 < 16 ms, save p95 < 50 ms)");
  console.table([
    { measure: "key press to next paint (ms)", p50: editor.typing.over16ms > editor.typing.keys / 2 ? editor.typing.p50 : "< 16", p95: editor.typing.p95Label, samples: `${editor.typing.keys} keys, ${editor.typing.over16ms} over 16 ms` },
    { measure: "server time of a save (ms)", p50: editor.saveServerMs.p50, p95: editor.saveServerMs.p95, samples: 40 },
  ]);
}
console.log("Publish-to-live: approve click until the article, home and topic pages all show it (target < 1 s)");
console.table(Object.entries(results.sizes).filter(([, s]) => s.publish).map(([size, s]) => ({ size: Number(size), ...s.publish })));
console.log("First search for a query (sequential, uncached, ms)");
console.table(Object.entries(results.sizes).map(([size, s]) => ({ size: Number(size), p50: s.coldSearch?.p50.toFixed(1), p99: s.coldSearch?.p99.toFixed(1) })));
console.log(`View beacons: ${beacons} from distinct readers while loading the article page, then SIGTERM`);
console.table(Object.entries(results.sizes).map(([size, s]) => ({ size: Number(size), ...s.burst })));
fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2));
console.log("Written to bench/results.json");
