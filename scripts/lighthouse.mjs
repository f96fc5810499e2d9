// `npm run audit:lighthouse`: Lighthouse 12 (mobile, its default throttling) on the home page and
// an article, served by scripts/server.mjs from a throwaway demo data folder, in Debian's
// Chromium. Prints the four category scores and writes reports/lighthouse.json. Not part of
// `npm test`: scores depend on the machine's load.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";
import { ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "./lib.mjs";

const port = Number(process.env.LIGHTHOUSE_PORT || 3450);
const base = `http://127.0.0.1:${port}`;
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

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
  const pages = { home: "/", article: `/news/${slug}` };
  // Warm the page cache as readers would have: Lighthouse measures serving, not the first render.
  for (const p of Object.values(pages)) {
    const page = await (await fetch(base + p)).text();
    // Photo sizes are made on their first request and kept; make them as a first reader would.
    const photos = new Set([...page.matchAll(/\/media\/[a-z0-9]+\/\d+\.(?:webp|jpg)/g)].map((m) => m[0]));
    for (const url of photos) await (await fetch(base + url)).arrayBuffer();
  }

  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  const results = { date: new Date().toISOString(), lighthouse: "12.2.3", formFactor: "mobile", pages: {} };
  for (const [name, p] of Object.entries(pages)) {
    const run = await lighthouse(base + p, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = run.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    const metrics = Object.fromEntries(
      ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [id, lhr.audits[id]?.displayValue]),
    );
    // What to look at when a score drops: the LCP element and the elements that shifted.
    const nodes = (id) => (lhr.audits[id]?.details?.items ?? []).flatMap((i) => (i.items ?? [i]).map((x) => x.node?.snippet ?? x.node?.selector)).filter(Boolean).slice(0, 5);
    results.pages[name] = { path: p, scores, metrics, failing, lcpElement: nodes("largest-contentful-paint-element"), layoutShifts: nodes("layout-shifts") };
  }
  console.log("\nLighthouse 12.2.3, mobile (simulated throttling)");
  console.table(Object.fromEntries(Object.entries(results.pages).map(([n, r]) => [n, r.scores])));
  for (const [name, r] of Object.entries(results.pages)) {
    console.log(`${name} (${r.path}):`, r.metrics);
    if (r.failing.length) console.log(`  below 90: ${r.failing.join("; ")}`);
    if (r.layoutShifts.length) console.log("  shifted:", r.layoutShifts);
    console.log("  LCP element:", r.lcpElement);
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
