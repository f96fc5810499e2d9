// `npm run bench:soak`: a long mixed run against the real server, looking for errors and leaks
// rather than peak throughput. Builds if needed, seeds a throwaway data folder with the demo
// content, starts scripts/server.mjs on loopback and for SOAK_MINUTES (default 5) mixes
// readers, view beacons, three staff autosaving and a reviser publishing and unpublishing,
// while sampling the server's RSS every 10 s. Then it stops the server with SIGTERM and checks
// in the database that every beacon became a view and every acknowledged save and publish is
// there. Prints tables and writes bench/soak-results.json. Nothing here is part of `npm test`.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { childEnv, ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "../scripts/lib.mjs";
import { actionIds, signIn } from "./staff-client.mjs";
import { pacedLoop, slope, Tally } from "./soak-stats.mjs";
import { runBeacons, runEditor, runPublisher, runReaders } from "./soak-traffic.mjs";
import { verifyDatabase } from "./soak-verify.mjs";

const minutes = Number(process.env.SOAK_MINUTES || 5);
const port = Number(process.env.SOAK_PORT || 3260);
const connections = Number(process.env.SOAK_CONNECTIONS || 20);
const readerRate = Number(process.env.SOAK_READER_RATE || 200);
const beaconRate = Number(process.env.SOAK_BEACON_RATE || 20);
const publishEvery = Number(process.env.SOAK_PUBLISH_SECONDS || 3);
if (!(minutes > 0 && minutes <= 120)) throw new Error("SOAK_MINUTES must be between 0 and 120");
const seconds = Math.round(minutes * 60);
// Caches fill and the JIT settles first; memory before then says nothing about leaks.
const warmupSeconds = Math.min(60, Math.round(seconds / 4));
const FLAT_MB_PER_MINUTE = 2;
const base = `http://127.0.0.1:${port}`;
const password = crypto.randomBytes(12).toString("base64url");
const secret = crypto.randomBytes(32).toString("base64url");

let server = null;
let dataDir = null;
function cleanUp() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});
// Whatever hangs, the run ends: a watchdog well past the planned duration.
setTimeout(() => {
  console.error("✗ The soak overran its time; stopping.");
  cleanUp();
  process.exit(1);
}, (seconds + 240) * 1000).unref();

function tsx(script, args) {
  const r = spawnSync("node", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args], { cwd: root, encoding: "utf8", env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir } });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function readSite(file) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      live: db.prepare("SELECT article_id AS id, slug FROM publications ORDER BY article_id").all(),
      topics: db.prepare("SELECT slug FROM topics ORDER BY position").all().map((t) => t.slug),
      views: db.prepare("SELECT sum(view_count) AS n FROM articles").get().n ?? 0,
    };
  } finally {
    db.close();
  }
}

function rssMb(pid) {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? Number((Number(kb) / 1024).toFixed(1)) : null;
}

function memorySummary(samples) {
  const settled = samples.filter((s) => s.t >= warmupSeconds);
  const perMinuteOf = (list) => slope(list.map((s) => ({ x: s.t / 60, y: s.rssMb })));
  const perMinute = perMinuteOf(settled);
  // Also over the second half alone: growth that is only the caches filling shows early.
  const secondHalf = perMinuteOf(samples.filter((s) => s.t >= seconds / 2));
  const enough = settled.length >= 6;
  return {
    warmupSeconds,
    startMb: settled[0]?.rssMb ?? null,
    endMb: samples.at(-1)?.rssMb ?? null,
    maxMb: Math.max(...samples.map((s) => s.rssMb)),
    slopeMbPerMinute: perMinute === null ? null : Number(perMinute.toFixed(2)),
    slopeSecondHalfMbPerMinute: secondHalf === null ? null : Number(secondHalf.toFixed(2)),
    verdict: !enough || perMinute === null ? "too short to judge" : Math.abs(perMinute) < FLAT_MB_PER_MINUTE ? "flat" : "growing",
    samples,
  };
}

ensureDependencies();
ensureBuild();
dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-soak-"));
const dbFile = path.join(dataDir, "masthead.db");
try {
  prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: password } });
  const fixture = tsx("bench/soak-fixture.ts", [String(Math.ceil(seconds / publishEvery) + 2)]);
  const site = readSite(dbFile);
  const searches = ["research", "library", "climate", "student", "music", "campus history", "river", "grant"];
  const mix = [
    { type: "home", share: 0.15, paths: ["/"] },
    { type: "news", share: 0.1, paths: ["/news"] },
    { type: "topic", share: 0.15, paths: site.topics.map((t) => `/topics/${t}`) },
    { type: "article", share: 0.35, paths: site.live.map((a) => `/news/${a.slug}`) },
    { type: "search", share: 0.15, paths: searches.map((q) => `/search?q=${encodeURIComponent(q)}`) },
    { type: "feed", share: 0.1, paths: ["/feed.xml", ...site.topics.map((t) => `/topics/${t}/feed.xml`)] },
  ];
  const ids = actionIds();
  const loadAtStart = os.loadavg();
  server = await startBackgroundServer({ port, dataDir, env: { NEXTAUTH_SECRET: secret } });
  const tally = new Tally();

  // Sign in once per person, as they would at the start of a shift; prime every reader path.
  const editors = await Promise.all(fixture.editors.map(async (e) => ({ ...e, client: await signIn(base, e.email, password) })));
  const reviser = await signIn(base, "reviser@example.edu", password);
  for (const p of mix.flatMap((m) => m.paths)) {
    const res = await fetch(base + p);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`priming ${p}: HTTP ${res.status}`);
  }

  console.log(`• Soaking for ${minutes} min: readers ${readerRate} req/s on ${connections} connections, ${beaconRate} beacons/s, ${editors.length} editors autosaving, a publish every ${publishEvery} s…`);
  const t0 = Date.now();
  const until = t0 + seconds * 1000;
  const samples = [];
  const sample = () => samples.push({ t: Math.round((Date.now() - t0) / 1000), rssMb: rssMb(server.pid), load1: os.loadavg()[0] });
  const sampler = pacedLoop({ intervalMs: 10_000, until, task: async () => sample() });
  const [readers, beacons, publishes, ...edits] = await Promise.all([
    runReaders({ base, seconds, mix, connections, rate: readerRate }),
    runBeacons({ base, until, perSecond: beaconRate, articleIds: site.live.map((a) => a.id), tally }),
    runPublisher({ base, client: reviser, transitionActionId: ids.get("transitionAction"), queue: fixture.queue, until, everyMs: publishEvery * 1000, tally }),
    ...editors.map((editor) => runEditor({ client: editor.client, saveActionId: ids.get("saveArticleAction"), editor, until, tally })),
  ]);
  await sampler;
  sample();
  const loadAtEnd = os.loadavg();

  // Graceful shutdown: buffered views must reach the database before the process exits.
  const stopAt = performance.now();
  server.kill("SIGTERM");
  const exit = await Promise.race([new Promise((r) => server.once("exit", (code, signal) => r({ code, signal }))), new Promise((r) => setTimeout(() => r(null), 20_000))]);
  const shutdown = { ms: Math.round(performance.now() - stopAt), exit: exit ?? "did not exit within 20 s" };

  const check = verifyDatabase(dbFile, {
    viewsBefore: site.views,
    beacons,
    edits: editors.map((e, i) => ({ email: e.email, articleId: e.articleId, acked: edits[i] })),
    transitions: publishes,
  });
  const requests = [...readers.map(({ connections: _c, paths: _p, ...row }) => row), ...tally.rows()];
  const memory = memorySummary(samples);
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    loadAverage: { atStart: loadAtStart.map((l) => Number(l.toFixed(2))), atEnd: loadAtEnd.map((l) => Number(l.toFixed(2))) },
    settings: { minutes, connections, readerRate, beaconRate, publishEverySeconds: publishEvery, editors: editors.map((e) => e.email) },
    requests,
    memory,
    shutdown,
    check,
  };

  console.log(`\nRequests over ${minutes} min (errors: non-2xx/3xx answers, timeouts, refused connections; ms)`);
  console.table(requests.map(({ failures, ...row }) => ({ ...row, failures: Object.entries(failures).map(([k, n]) => `${k}×${n}`).join(", ") })));
  console.log(`Server RSS every 10 s (after ${warmupSeconds} s of warm-up)`);
  console.table([{ startMb: memory.startMb, endMb: memory.endMb, maxMb: memory.maxMb, slopeMbPerMinute: memory.slopeMbPerMinute, secondHalf: memory.slopeSecondHalfMbPerMinute, verdict: memory.verdict, samples: samples.length }]);
  console.log(`Shutdown after SIGTERM: ${shutdown.ms} ms, ${JSON.stringify(shutdown.exit)}`);
  console.log("In the database afterwards");
  console.table([
    { check: "views (human beacons acknowledged → counted)", expected: check.views.expected, found: check.views.counted, lost: check.views.lost, extra: check.views.extra },
    { check: "autosaves acknowledged → audited, last one is the working copy", expected: check.saves.acknowledged, found: check.saves.found, lost: check.saves.missing, extra: check.saves.wrongFinal },
    { check: "pieces published/unpublished → in that state, live or not", expected: check.transitions.pieces, found: check.transitions.found, lost: check.transitions.missing, extra: 0 },
  ]);
  console.log(`Load average (1/5/15 min): ${loadAtStart.map((l) => l.toFixed(2)).join(" ")} at start, ${loadAtEnd.map((l) => l.toFixed(2)).join(" ")} at the end`);
  fs.writeFileSync(path.join(root, "bench", "soak-results.json"), JSON.stringify(results, null, 2));
  console.log("Written to bench/soak-results.json");
  const errors = requests.reduce((s, r) => s + r.errors, 0);
  const failed = errors > 0 || check.views.lost > 0 || check.saves.missing > 0 || check.saves.wrongFinal > 0 || check.transitions.missing > 0 || exit?.code !== 0;
  if (failed) console.log("✗ Errors or lost writes: see above.");
  process.exitCode = failed ? 1 : 0;
} finally {
  cleanUp();
}
