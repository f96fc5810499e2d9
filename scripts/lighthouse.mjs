// `npm run audit:lighthouse`: Lighthouse 12 (mobile, its default throttling) on the home page,
// an article and a topic page, served by scripts/server.mjs from a throwaway demo data folder,
// in Debian's Chromium. Each page is measured LIGHTHOUSE_RUNS times (default 3): one run on a
// shared 2-core machine is noise, so the medians are what counts; each run is printed too.
// Writes reports/lighthouse.json. Not part of `npm test`: scores depend on the machine's load.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";
import { ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "./lib.mjs";

const port = Number(process.env.LIGHTHOUSE_PORT || 3450);
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 3));
const base = `http://127.0.0.1:${port}`;
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The numbers of one Lighthouse run, plus what to look at when a score drops. */
function summarize(lhr) {
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null]));
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
  // In 12.2.3 with this Chromium both audits error in the trace engine ("frame_sequence"): then
  // nothing is printed, and the shifts have to be found in the browser (PerformanceObserver).
  const nodes = (id) => (lhr.audits[id]?.details?.items ?? []).flatMap((i) => (i.items ?? [i]).map((x) => x.node?.snippet ?? x.node?.selector)).filter(Boolean).slice(0, 5);
  // JavaScript the page downloads: bytes on the wire (gzip) and after decompression.
  const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
  const js = { files: scripts.length, transferBytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0), resourceBytes: scripts.reduce((n, r) => n + (r.resourceSize ?? 0), 0) };
  return { scores, metrics, js, failing, lcpElement: nodes("largest-contentful-paint-element"), layoutShifts: nodes("layout-shifts") };
}

const fmt = (id, v) => (v == null ? "–" : id === "cumulative-layout-shift" ? v.toFixed(3) : id === "total-blocking-time" ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
const SHORT = { "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI" };

ensureDependencies();
ensureBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-lighthouse-"));
let server;
let chrome;
try {
  prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: "lighthouse-only-password" } });
  server = await startBackgroundServer({ port, dataDir });
  const html = await (await fetch(`${base}/news`)).text();
  const slug = /href="\/news\/([a-z0-9-]+)"/.exec(html)?.[1];
  const topic = /href="\/topics\/([a-z0-9-]+)"/.exec(html)?.[1];
  const pages = { home: "/", article: `/news/${slug}`, topic: `/topics/${topic}` };
  // Warm the page cache as readers would have: Lighthouse measures serving, not the first render.
  for (const p of Object.values(pages)) {
    const page = await (await fetch(base + p)).text();
    // Photo sizes are made on their first request and kept; make them as a first reader would.
    const photos = new Set([...page.matchAll(/\/media\/[a-z0-9]+\/\d+\.(?:avif|webp|jpg)/g)].map((m) => m[0]));
    for (const url of photos) await (await fetch(base + url)).arrayBuffer();
  }

  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  const results = { date: new Date().toISOString(), lighthouse: "12.2.3", formFactor: "mobile", runsPerPage: runs, pages: {} };
  for (const [name, p] of Object.entries(pages)) {
    const each = [];
    for (let i = 0; i < runs; i++) {
      const run = await lighthouse(base + p, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      each.push(summarize(run.lhr));
    }
    const medianOf = (pick) => median(each.map(pick));
    results.pages[name] = {
      path: p,
      median: {
        scores: Object.fromEntries(Object.keys(each[0].scores).map((k) => [k, medianOf((r) => r.scores[k])])),
        metrics: Object.fromEntries(METRICS.map((id) => [id, medianOf((r) => r.metrics[id] ?? 0)])),
        js: { transferBytes: medianOf((r) => r.js.transferBytes), resourceBytes: medianOf((r) => r.js.resourceBytes) },
      },
      runs: each,
    };
  }
  console.log(`\nLighthouse 12.2.3, mobile (simulated throttling), median of ${runs} run(s) per page`);
  console.table(Object.fromEntries(Object.entries(results.pages).map(([n, r]) => [n, r.median.scores])));
  for (const [name, r] of Object.entries(results.pages)) {
    const m = r.median;
    console.log(
      `${name} (${r.path}) median: ${METRICS.map((id) => `${SHORT[id]} ${fmt(id, m.metrics[id])}`).join(", ")}; ` +
        `JS ${(m.js.transferBytes / 1024).toFixed(1)} KiB transferred, ${(m.js.resourceBytes / 1024).toFixed(1)} KiB uncompressed`,
    );
    r.runs.forEach((run, i) => {
      console.log(`  run ${i + 1}: performance ${run.scores.performance}, a11y ${run.scores.accessibility}, bp ${run.scores["best-practices"]}, seo ${run.scores.seo}; ${METRICS.map((id) => `${SHORT[id]} ${fmt(id, run.metrics[id])}`).join(", ")}`);
      if (run.failing.length) console.log(`    below 90: ${run.failing.join("; ")}`);
      if (run.layoutShifts.length) console.log("    shifted:", run.layoutShifts);
      if (run.lcpElement.length) console.log("    LCP element:", run.lcpElement);
    });
  }
  fs.mkdirSync(path.join(root, "reports"), { recursive: true });
  fs.writeFileSync(path.join(root, "reports", "lighthouse.json"), JSON.stringify(results, null, 2));
  console.log("Written to reports/lighthouse.json");
} finally {
  await chrome?.kill();
  server?.kill("SIGTERM");
  if (server) await new Promise((r) => server.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
