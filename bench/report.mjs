// Tables of `npm run bench` (bench/run.mjs): what each section measured, its targets, and the
// comparison of the largest size with the smallest.
import { READ_TARGETS } from "./read-path.mjs";

export const PUBLISH_VISIBLE_TARGET_MS = 1000;
/** 100 → 10,000 live articles: no figure may get worse by more than this. */
export const SCALE_TOLERANCE = 0.2;

const pct = (ratio) => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(0)}%`;

/** The read-path table of one size, with ratios to the static copy and the targets beside. */
export function printReadPath(size, readPath) {
  console.log(`\nRead path at ${size} live articles (wrk, browser Accept-Encoding; targets: app alone ≥ ${READ_TARGETS.appRps} req/s and p99 ≤ ${READ_TARGETS.appP99Ms} ms, Varnish ≥ ${READ_TARGETS.varnishVsStatic}× static)`);
  console.table(
    readPath.rows.map((r) => ({
      page: r.page,
      tier: r.tier,
      "req/s": r.rps,
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "× static": r.vsStatic,
      "bytes/resp": r.bytesPerResponse,
      errors: r.errors,
      target: r.tier === "app alone" ? (r.rps >= READ_TARGETS.appRps && r.p99 <= READ_TARGETS.appP99Ms ? "met" : "MISSED") : r.tier === "app + Varnish" ? (r.vsStatic >= READ_TARGETS.varnishVsStatic ? "met" : "MISSED") : "",
    })),
  );
  const notHits = Object.entries(readPath.checks.varnish ?? {}).filter(([, v]) => v.xCache !== "HIT");
  if (notHits.length) console.log(`  ! not a Varnish hit after warming: ${notHits.map(([k, v]) => `${k} (${v.xCache})`).join(", ")}`);
}

/** The comparison of every figure between the first and the last size. */
export function compareSizes(results) {
  const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
  if (sizes.length < 2) return [];
  const [small, large] = [results.sizes[sizes[0]], results.sizes[sizes.at(-1)]];
  const out = [];
  const add = (figure, a, b, higherIsBetter, staticChange) => {
    if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b) || a === 0) return;
    const worse = higherIsBetter ? (a - b) / a : (b - a) / a;
    const row = { figure, [sizes[0]]: a, [sizes.at(-1)]: b, change: pct((b - a) / a), ok: worse <= SCALE_TOLERANCE ? "ok" : "WORSE > 20%" };
    // The static copy cannot depend on the number of articles: how far its figure moved is how
    // far the machine's load alone moved the same measurement.
    if (staticChange !== undefined) row["static copy moved"] = staticChange;
    out.push(row);
  };
  const rowsOf = (s) => s.readPath?.rows ?? [];
  for (const r of rowsOf(small)) {
    const o = rowsOf(large).find((x) => x.page === r.page && x.tier === r.tier);
    const st = [rowsOf(small), rowsOf(large)].map((rows) => rows.find((x) => x.page === r.page && x.tier === "static (nginx)"));
    if (!o) continue;
    const moved = (key) => (st[0] && st[1] && r.tier !== "static (nginx)" ? pct((st[1][key] - st[0][key]) / st[0][key]) : undefined);
    add(`${r.page} · ${r.tier} · req/s`, r.rps, o.rps, true, moved("rps"));
    add(`${r.page} · ${r.tier} · p50 ms`, r.p50, o.p50, false, moved("p50"));
    add(`${r.page} · ${r.tier} · p99 ms`, r.p99, o.p99, false, moved("p99"));
  }
  if (small.publishVisible && large.publishVisible) {
    add("publish → visible p50 ms", small.publishVisible.visibleP50, large.publishVisible.visibleP50, false);
    add("publish → visible p95 ms", small.publishVisible.visibleP95, large.publishVisible.visibleP95, false);
  }
  for (const r of small.jsWeight?.rows ?? []) {
    const o = large.jsWeight?.rows.find((x) => x.page === r.page);
    if (o) add(`${r.page} · JS bytes`, r.totalJsBytes, o.totalJsBytes, false);
  }
  return out;
}

/** Publish → visible through Varnish, JS weight, and the scale comparison. */
export function printCacheSections(results) {
  const sized = Object.entries(results.sizes);
  console.log(`\nPublish → visible through Varnish: approve response until article, home and topic page all show it (target p95 ≤ ${PUBLISH_VISIBLE_TARGET_MS} ms)`);
  console.table(
    sized.filter(([, s]) => s.publishVisible).map(([size, s]) => {
      const p = s.publishVisible;
      return { size: Number(size), samples: p.samples, "p50 ms": p.visibleP50, "p95 ms": p.visibleP95, "max ms": p.visibleMax, "article p95": p.articleP95, "home p95": p.homeP95, "topic p95": p.topicP95, "approve resp p50": p.approveResponseP50, never: p.neverVisible, target: p.visibleP95 <= PUBLISH_VISIBLE_TARGET_MS ? "met" : "MISSED" };
    }),
  );
  for (const [size, s] of sized) if (s.publishVisible?.notCachedBeforePublish.length) console.log(`  ! ${size}: not a Varnish hit before publishing: ${s.publishVisible.notCachedBeforePublish.join(", ")}`);
  console.log("\nJavaScript per public page type (external scripts: gzip bytes as the app sends them; inline: raw bytes)");
  console.table(sized.flatMap(([size, s]) => (s.jsWeight?.rows ?? []).map(({ notCompressed, ...r }) => ({ size: Number(size), ...r, notCompressed: notCompressed.length }))));
  const compared = compareSizes(results);
  if (compared.length) {
    console.log(`\nScale: smallest → largest size (target: no figure worse by more than ${SCALE_TOLERANCE * 100}%)`);
    console.table(compared);
  }
  return compared;
}

/** The sections that were there before the read path: first renders, editor, beacons, searches. */
export function printServingSections(results, beacons) {
  const sized = Object.entries(results.sizes);
  console.log("\nFirst render of a never-visited article (sequential, ms)");
  console.table(sized.map(([size, s]) => ({ size: Number(size), p50: s.cold?.p50.toFixed(1), p99: s.cold?.p99.toFixed(1) })));
  const editor = Object.values(results.sizes).find((s) => s.editor)?.editor;
  if (editor?.error) console.log(`Editor: failed (${editor.error.split("\n")[0]})`);
  else if (editor) {
    console.log("Editor on a 10,000-word article with 20 photographs (targets: typing p95 < 16 ms, save p95 < 50 ms)");
    console.table([
      { measure: "key press to next paint (ms)", p50: editor.typing.over16ms > editor.typing.keys / 2 ? editor.typing.p50 : "< 16", p95: editor.typing.p95Label, samples: `${editor.typing.keys} keys, ${editor.typing.over16ms} over 16 ms` },
      ...(editor.typing.inputProcessing
        ? [
            { measure: "… of which input processing (event handlers, ms)", p50: editor.typing.inputProcessing.p50, p95: editor.typing.inputProcessing.p95, samples: `${editor.typing.keys} keys` },
            { measure: "… of which frame wait (handler end → next paint, ms)", p50: editor.typing.frameWait.p50, p95: editor.typing.frameWait.p95, samples: `${editor.typing.keys} keys` },
          ]
        : []),
      { measure: "server time of a save (ms)", p50: editor.saveServerMs.p50, p95: editor.saveServerMs.p95, samples: 40 },
    ]);
  }
  if (sized.some(([, s]) => s.publish)) {
    console.log("Publish-to-live in Chromium: approve click until the article, home and topic pages of the app all show it (target < 1 s)");
    console.table(sized.filter(([, s]) => s.publish).map(([size, s]) => ({ size: Number(size), ...s.publish })));
  }
  console.log("First search for a query (sequential, uncached, ms)");
  console.table(sized.map(([size, s]) => ({ size: Number(size), p50: s.coldSearch?.p50.toFixed(1), p99: s.coldSearch?.p99.toFixed(1) })));
  console.log(`View beacons: ${beacons} from distinct readers while loading the article page, then SIGTERM`);
  console.table(sized.map(([size, s]) => ({ size: Number(size), ...s.burst })));
}
