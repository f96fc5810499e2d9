// `npm run bench:cluster`: the cluster of `npm run start:cluster` (scripts/cluster.mjs, the same
// code) on a throwaway PostgreSQL and data folder, measured in three parts:
//
// 1. Origin-bound throughput, home and an article page, through Varnish with one and with two
//    instances, against nginx serving the same bytes in the same run. "Origin-bound": Varnish
//    runs the VCL with its cache turned off (every public page passed, all other rules as they
//    are), so each request is answered by an instance, from its page cache. A cache-busting query
//    was the other choice; it would make Varnish store an object per request and evict all run
//    long, measuring Varnish's storage as much as the instances. A third row asks for a search
//    nobody made before each time, which an instance must render: the work a purge leaves.
// 2. Publish → visible on both instances: the reviser approves through the front, and the home
//    page of each instance (directly) and of the front is polled until it has the headline.
// 3. Failover: readers through the real VCL (cached pages, and requests that must reach an
//    instance), the scheduler lease holder killed with SIGKILL, failed reader requests counted
//    and the lease's move to the survivor timed.
// Prints a table and writes bench/cluster-results.json. Nothing here is asserted by `npm test`.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startCluster } from "../scripts/cluster.mjs";
import { ensurePostgres, freePort, startPostgres } from "../scripts/postgres.mjs";
import { childEnv, ensureBuild, ensureDependencies, prepareData, root } from "../scripts/lib.mjs";
import { renderVcl } from "../scripts/varnish.mjs";
import { preparePublishFixture } from "./editor.mjs";
import { startStaticCopy } from "./nginx.mjs";
import { freePortBlock } from "./ports.mjs";
import { rawGet } from "./raw-http.mjs";
import { capturePages } from "./read-path.mjs";
import { actionIds, signIn } from "./staff-client.mjs";
import { BROWSER_ACCEPT_ENCODING, ensureLoadTools, runWrk } from "./wrk.mjs";

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const size = Number(process.env.BENCH_SIZE || 100);
const publishes = Number(process.env.BENCH_PUBLISHES || 12);
const failoverSeconds = Number(process.env.BENCH_FAILOVER_SECONDS || 40);
// Varnish, two instances, Redis and nginx on consecutive free ports.
const port = await freePortBlock(Number(process.env.BENCH_PORT || 3200), 5);
const staticPort = port + 4;
const front = `http://127.0.0.1:${port}`;
const password = crypto.randomBytes(12).toString("base64url");
const secret = crypto.randomBytes(32).toString("base64url");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return Number.isFinite(v) ? Number(v.toFixed(1)) : v;
}

/** The VCL with its cache turned off: vcl_recv passes what it would have looked up. */
function passEverythingVcl(backends) {
  const vcl = renderVcl({ backends });
  const ending = /\n    return \(hash\);\n\}/g;
  if ((vcl.match(ending) ?? []).length !== 1) throw new Error("the VCL's vcl_recv no longer ends with return (hash)");
  return vcl.replace(ending, "\n    # Benchmark: nothing is cached, every request reaches an instance.\n    return (pass);\n}");
}

const cluster = (instances, vcl) =>
  startCluster({ port, dataDir, instances, siteUrl: front, secret, env: { DATABASE_URL: postgres.url }, vcl: vcl?.(Array.from({ length: instances }, (_, i) => ({ port: port + 1 + i }))), log: () => {} });

/** Each page once from every instance, so each has it in its page cache before it is measured. */
async function warm(instances, pages) {
  for (const instance of instances) for (const page of pages) for (let i = 0; i < 3; i++) await rawGet(instance.url + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
}

const WORDS = "river campus research student library faculty laboratory city harbour lecture music grant climate history language data health archive garden theatre".split(" ");
let searchRuns = 0;
/**
 * A wrk `request` function asking for a search nobody has made before, each time: four words of
 * the fill's vocabulary (every generated article has them all, so each finds the bench articles),
 * numbered from a base of their own per run and per wrk thread, so no two runs share a query.
 */
function newSearches() {
  const base = 30_000 * searchRuns++;
  return `
local words = {${WORDS.map((w) => `"${w}"`).join(",")}}
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
local n = 0
request = function()
  n = n + 1
  local k = ${base} + (id or 0) * 10000 + n
  local q = {}
  for i = 0, 3 do q[#q + 1] = words[math.floor(k / 20 ^ i) % 20 + 1] end
  return wrk.format("GET", "/search?q=" .. table.concat(q, "+"))
end
`;
}

/**
 * wrk through the front for each page, next to wrk on nginx serving the bytes the first instance
 * sends (captured in this run: an article page's view count may differ by one between instances,
 * so the front's answer is only checked to be the same size within 1 %). A page with `fresh`
 * asks for a new search every time: each is rendered by an instance (full-text query and page),
 * the work a purge leaves for the origin; nginx serves one search's bytes for comparison.
 */
async function throughput(c, pages, label) {
  await warm(c.instances, pages);
  const nginx = await startStaticCopy({ port: staticPort, pages: await capturePages(c.instances[0].url, pages) });
  const nginxBase = `http://127.0.0.1:${staticPort}`;
  const rows = [];
  try {
    for (const page of pages) {
      const mine = await rawGet(nginxBase + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
      const origin = await rawGet(c.instances[0].url + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
      const through = await rawGet(front + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
      if (!mine.body.equals(origin.body)) throw new Error(`${page.path}: nginx does not send the bytes the instance sends`);
      if (!page.fresh && Math.abs(through.body.length - mine.body.length) > mine.body.length / 100) throw new Error(`${page.path}: the front sends ${through.body.length} bytes, nginx ${mine.body.length}`);
      if (through.headers["x-cache"] === "HIT") throw new Error(`${page.path}: Varnish answered from its cache; the run must reach the instances`);
      const lua = () => (page.fresh ? newSearches() : "");
      const fromNginx = await runWrk(nginxBase + page.path, { seconds, connections });
      const fromCluster = await runWrk(front + page.path, { seconds, connections, lua: lua() });
      // The instances without Varnish, for comparison: one wrk per instance at once, summed.
      const share = Math.max(1, Math.floor(connections / c.instances.length));
      const direct = await Promise.all(c.instances.map((i) => runWrk(i.url + page.path, { seconds, connections: share, threads: c.instances.length > 1 ? 1 : 2, lua: lua() })));
      const directRps = direct.reduce((sum, r) => sum + r.rps, 0);
      rows.push({ page: page.name, instances: label, bytes: mine.body.length, nginxRps: fromNginx.rps, rps: fromCluster.rps, p99: fromCluster.p99, errors: fromCluster.errors + direct.reduce((sum, r) => sum + r.errors, 0), vsNginx: Number((fromCluster.rps / fromNginx.rps).toFixed(3)), directRps });
    }
  } finally {
    await nginx.stop();
  }
  return rows;
}

/** Approve → the headline on every instance's home page and the front's; percentiles of the slowest. */
async function publishVisible(c, items) {
  const transitionId = actionIds().get("transitionAction");
  const reviser = await signIn(front, "reviser@example.edu", password);
  const homes = [...c.instances.map((i) => `${i.url}/`), `${front}/`];
  const samples = [];
  for (const item of items) {
    for (const url of homes) for (let i = 0; i < 2; i++) await (await fetch(url)).text();
    const { result } = await reviser.action(transitionId, `/newsroom/articles/${item.id}`, { articleId: item.id, action: "approve", baseVersion: item.version });
    const answered = performance.now();
    if (!result?.ok) throw new Error(`approving ${item.id} failed: ${JSON.stringify(result)}`);
    const at = new Map();
    while (at.size < homes.length && performance.now() - answered < 10_000) {
      for (const url of homes) {
        if (!at.has(url) && (await (await fetch(url)).text()).includes(item.title)) at.set(url, performance.now() - answered);
      }
    }
    samples.push(homes.map((u) => at.get(u) ?? Infinity));
  }
  const slowest = samples.map((s) => Math.max(...s));
  const perInstance = c.instances.map((instance, i) => ({ instance: instance.name, p95: percentile(samples.map((s) => s[i]), 95) }));
  return { samples: samples.length, p50: percentile(slowest, 50), p95: percentile(slowest, 95), max: percentile(slowest, 100), perInstance, frontP95: percentile(samples.map((s) => s.at(-1)), 95), neverVisible: slowest.filter((v) => !Number.isFinite(v)).length };
}

/** Readers through the real VCL while the lease holder is killed; failures and the lease's move. */
async function failover(c) {
  const db = new pg.Pool({ connectionString: postgres.url, max: 1 });
  const one = async (text) => (await db.query(text)).rows[0];
  const holder = async () => (await one("select holder from leases where name = 'scheduler'"))?.holder ?? null;
  const name = (i) => `${os.hostname()}:${i.port}`;
  try {
    for (let i = 0; i < 100; i++) {
      const now = await holder();
      if (c.instances.some((x) => name(x) === now)) break;
      await sleep(200);
    }
    const held = await holder();
    const victim = c.instances.find((x) => name(x) === held);
    if (!victim) throw new Error("no instance holds the scheduler lease");
    const survivor = c.instances.find((x) => x !== victim);
    const slug = (await one("select a.slug from articles a join publications p on p.article_id = a.id where a.status = 'published' order by a.id limit 1")).slug;
    // Cached pages, a passed request and a page nobody asked for yet (a new query each time).
    const paths = (n) => ["/", `/news/${slug}`, "/api/health", `/?q=failover${n}`][n % 4];
    const reads = { ok: 0, failed: 0, examples: [] };
    let reading = true;
    let n = 0;
    const reader = async () => {
      while (reading) {
        const p = paths(n++);
        const status = await fetch(front + p, { headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING }, signal: AbortSignal.timeout(10_000) }).then(async (r) => (await r.arrayBuffer(), r.status), (e) => e.message);
        if (status === 200) reads.ok++;
        else if (reads.failed++ < 5) reads.examples.push(`${p}: ${status}`);
      }
    };
    const readers = Array.from({ length: Math.min(connections, 32) }, reader);
    await sleep(3_000);
    const killedAt = performance.now();
    await victim.kill("SIGKILL");
    let movedMs = null;
    while (performance.now() - killedAt < failoverSeconds * 1000) {
      if (movedMs === null && (await holder()) === name(survivor)) movedMs = performance.now() - killedAt;
      if (movedMs !== null && performance.now() - killedAt > movedMs + 3_000) break;
      await sleep(100);
    }
    reading = false;
    await Promise.all(readers);
    return { readerRequests: reads.ok + reads.failed, failed: reads.failed, examples: reads.examples, leaseMovedSeconds: movedMs === null ? null : Number((movedMs / 1000).toFixed(1)), killed: victim.name };
  } finally {
    await db.end();
  }
}

ensureDependencies();
ensureBuild();
ensureLoadTools();
ensurePostgres();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-cluster-"));
const postgres = await startPostgres({ port: await freePort() });
const results = { date: new Date().toISOString(), engine: "postgresql", machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, loadavg: { start: os.loadavg() }, seconds, connections, size };
try {
  const engineEnv = { DATABASE_URL: postgres.url };
  prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: password, ...engineEnv } });
  const filled = spawnSync("node", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/fill.ts", String(size)], { cwd: root, stdio: "inherit", env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir, ...engineEnv } });
  if (filled.status !== 0) throw new Error("filling the benchmark database failed");
  const items = preparePublishFixture(dataDir, publishes, engineEnv);

  console.log("\n• Throughput, one instance (Varnish caching nothing)…");
  let c = await cluster(1, passEverythingVcl);
  const html = await (await fetch(`${c.instances[0].url}/`)).text();
  const article = /href="\/news\/([a-z0-9-]+)"/.exec(html)?.[1];
  const pages = [{ name: "home", path: "/" }, { name: "article", path: `/news/${article}` }, { name: "new search", path: "/search?q=river+library+harbour+music", fresh: true }];
  const one = await throughput(c, pages, 1);
  await c.stop();

  console.log("• Throughput, two instances…");
  c = await cluster(2, passEverythingVcl);
  const two = await throughput(c, pages, 2);
  await c.stop();
  results.throughput = [...one, ...two];
  const ratio = (key) => Object.fromEntries(pages.map((p) => [p.name, Number((two.find((r) => r.page === p.name)[key] / one.find((r) => r.page === p.name)[key]).toFixed(2))]));
  results.twoOverOne = ratio("rps");
  results.twoOverOneDirect = ratio("directRps");

  console.log("• Publish → visible on both instances, then failover (the real VCL)…");
  c = await cluster(2);
  try {
    results.publishVisible = await publishVisible(c, items);
    results.failover = await failover(c);
  } finally {
    await c.stop();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await postgres.stop();
}
results.loadavg.end = os.loadavg();

console.log(`\nCluster benchmark on PostgreSQL (${results.machine}; wrk ${connections} connections, ${seconds} s; ${size} live articles)`);
console.log("page       instances  nginx req/s  cluster req/s  p99 ms  errors  vs nginx  instances without Varnish");
for (const r of results.throughput) console.log(`${r.page.padEnd(11)}${String(r.instances).padStart(9)}  ${String(r.nginxRps).padStart(11)}  ${String(r.rps).padStart(13)}  ${String(r.p99).padStart(6)}  ${String(r.errors).padStart(6)}  ${r.vsNginx.toFixed(3).padStart(8)}  ${String(r.directRps).padStart(9)}`);
console.log(`two instances / one: ${Object.entries(results.twoOverOne).map(([k, v]) => `${k} ${v}×`).join(", ")} (target ≥ 1.6×); without Varnish ${Object.entries(results.twoOverOneDirect).map(([k, v]) => `${k} ${v}×`).join(", ")}`);
const pv = results.publishVisible;
console.log(`publish → visible on every instance and the front: p50 ${pv.p50} ms, p95 ${pv.p95} ms, max ${pv.max} ms over ${pv.samples} publishes (${pv.perInstance.map((i) => `${i.instance} p95 ${i.p95}`).join(", ")}, front p95 ${pv.frontP95}; never visible: ${pv.neverVisible}) (target p95 ≤ 1000 ms)`);
const fo = results.failover;
console.log(`failover (${fo.killed} killed with SIGKILL): ${fo.failed} of ${fo.readerRequests} reader requests failed${fo.examples.length ? ` (${fo.examples.join(", ")})` : ""}; lease moved after ${fo.leaseMovedSeconds ?? "—"} s (target: no failed reader request; lease within 30 s)`);
console.log(`Load average (1, 5, 15 min) at start ${results.loadavg.start.map((n) => n.toFixed(2)).join(" ")}, at end ${results.loadavg.end.map((n) => n.toFixed(2)).join(" ")}`);
fs.writeFileSync(path.join(root, "bench", "cluster-results.json"), JSON.stringify(results, null, 2));
console.log("Written to bench/cluster-results.json");
