// The read path, as numbers: each public page type served by the static copy (nginx, the
// machine's limit), by the app alone (its in-app page cache, warm) and by the app behind
// Varnish (warm), all measured with the same wrk client sending a browser's Accept-Encoding.
import zlib from "node:zlib";
import { startStaticCopy } from "./nginx.mjs";
import { rawGet } from "./raw-http.mjs";
import { BROWSER_ACCEPT_ENCODING, runWrk } from "./wrk.mjs";

export const READ_TARGETS = { appRps: 2500, appP99Ms: 60, varnishVsStatic: 0.6 };

const decode = { identity: (b) => b, gzip: (b) => zlib.gunzipSync(b), br: (b) => zlib.brotliDecompressSync(b) };

/**
 * Fetches each page from the app once per encoding, keeping the bytes as sent, and checks that
 * the compressed bodies decode to the identity one (the static copy must be the same page).
 */
export async function capturePages(appBase, pages) {
  const captured = [];
  for (const page of pages) {
    const bodies = {};
    let headers = null;
    for (const encoding of ["identity", "gzip", "br"]) {
      const res = await rawGet(appBase + page.path, { "accept-encoding": encoding });
      if (res.status !== 200) throw new Error(`${page.path}: HTTP ${res.status}`);
      const got = res.headers["content-encoding"] ?? "identity";
      bodies[encoding] = got === encoding ? res.body : null;
      if (got === encoding && !decode[encoding](res.body).equals(bodies.identity)) throw new Error(`${page.path}: the ${encoding} body is not the same page`);
      headers ??= res.headers;
    }
    captured.push({ ...page, headers, bodies });
  }
  return captured;
}

/**
 * Asks each page twice through Varnish and returns what its second answer says (X-Cache), so a
 * page that Varnish does not keep shows up in the results instead of being measured as a hit.
 */
async function warmVarnish(varnishBase, pages) {
  const seen = {};
  for (const page of pages) {
    await rawGet(varnishBase + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
    const res = await rawGet(varnishBase + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
    seen[page.name] = { xCache: res.headers["x-cache"] ?? null, age: res.headers.age ?? null, encoding: res.headers["content-encoding"] ?? "identity", bytes: res.body.length };
  }
  return seen;
}

/** Median latency of 20 sequential requests to the app: a page-cache hit answers in about a millisecond. */
async function sequentialMs(base, path) {
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await rawGet(base + path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
    times.push(performance.now() - t0);
  }
  return Number(times.sort((a, b) => a - b)[10].toFixed(2));
}

/**
 * Measures every page on the three tiers, page by page (static, app, Varnish back to back, so
 * a change in the machine's load affects the three alike). Resolves to rows and checks.
 */
export async function measureReadPath({ appBase, varnishBase, staticPort, pages, seconds, connections }) {
  const captured = await capturePages(appBase, pages);
  const nginx = await startStaticCopy({ port: staticPort, pages: captured });
  const staticBase = `http://127.0.0.1:${staticPort}`;
  const rows = [];
  const checks = { varnish: null, appSequentialMs: {}, encodings: {} };
  try {
    for (const page of captured) {
      const mine = await rawGet(staticBase + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
      const app = await rawGet(appBase + page.path, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
      if (!mine.body.equals(app.body)) throw new Error(`${page.path}: the static copy does not send the app's bytes`);
      checks.encodings[page.name] = { sent: app.headers["content-encoding"] ?? "identity", bytes: app.body.length, identityBytes: page.bodies.identity.length };
      checks.appSequentialMs[page.name] = await sequentialMs(appBase, page.path);
    }
    checks.varnish = await warmVarnish(varnishBase, captured);
    for (const page of captured) {
      const tiers = [
        ["static (nginx)", staticBase],
        ["app alone", appBase],
        ["app + Varnish", varnishBase],
      ];
      let staticRps = null;
      for (const [tier, base] of tiers) {
        const r = await runWrk(base + page.path, { seconds, connections });
        staticRps ??= r.rps;
        rows.push({ page: page.name, path: page.path, tier, ...r, vsStatic: Number((r.rps / staticRps).toFixed(3)) });
      }
    }
  } finally {
    await nginx.stop();
  }
  return { rows, checks, targets: READ_TARGETS, verdicts: verdicts(rows) };
}

/** Each target, per page: met or not, with the figure it was judged on. */
function verdicts(rows) {
  const out = [];
  for (const r of rows) {
    if (r.tier === "app alone") {
      out.push({ page: r.page, target: `app alone ≥ ${READ_TARGETS.appRps} req/s`, figure: r.rps, met: r.rps >= READ_TARGETS.appRps && r.errors === 0 });
      out.push({ page: r.page, target: `app alone p99 ≤ ${READ_TARGETS.appP99Ms} ms`, figure: r.p99, met: r.p99 <= READ_TARGETS.appP99Ms });
    } else if (r.tier === "app + Varnish") {
      out.push({ page: r.page, target: `Varnish ≥ ${READ_TARGETS.varnishVsStatic}× static`, figure: r.vsStatic, met: r.vsStatic >= READ_TARGETS.varnishVsStatic && r.errors === 0 });
    }
  }
  return out;
}
