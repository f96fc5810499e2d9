// JavaScript a reader's browser downloads per public page type: every `<script src>` the page
// loads, fetched from the app with Accept-Encoding: gzip and counted as sent, plus the bytes of
// its inline scripts (before the page's own compression). `nomodule` scripts are counted apart:
// a current browser does not load them. JSON-LD blocks are data, not script, and counted apart.
import { rawGet } from "./raw-http.mjs";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const attr = (attrs, name) => new RegExp(`\\b${name}(?:=(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, "i").exec(attrs);

/** Parses the page's scripts: external ones (src, nomodule) and inline ones (type, bytes). */
export function listScripts(html) {
  const external = [];
  const inline = [];
  for (const [, attrs, text] of html.matchAll(SCRIPT)) {
    const src = attr(attrs, "src");
    if (src) external.push({ src: src[1] ?? src[2] ?? src[3], noModule: Boolean(attr(attrs, "nomodule")) });
    else inline.push({ type: (attr(attrs, "type")?.[1] ?? "").toLowerCase(), bytes: Buffer.byteLength(text) });
  }
  return { external, inline };
}

/** Per page: scripts loaded, their gzip bytes as sent by the app, and inline script bytes. */
export async function measureJsWeight(appBase, pages) {
  const sizes = new Map();
  const rows = [];
  for (const page of pages) {
    const html = (await rawGet(appBase + page.path, { "accept-encoding": "identity" })).body.toString("utf8");
    const { external, inline } = listScripts(html);
    let gzipBytes = 0;
    let noModuleGzipBytes = 0;
    const notCompressed = [];
    for (const script of external) {
      const url = new URL(script.src, appBase).href;
      if (!sizes.has(url)) {
        const res = await rawGet(url, { "accept-encoding": "gzip" });
        if (res.status !== 200) throw new Error(`${script.src}: HTTP ${res.status}`);
        sizes.set(url, { bytes: res.body.length, encoding: res.headers["content-encoding"] ?? "identity", cacheControl: res.headers["cache-control"] ?? null });
      }
      const got = sizes.get(url);
      if (got.encoding !== "gzip") notCompressed.push(script.src);
      if (script.noModule) noModuleGzipBytes += got.bytes;
      else gzipBytes += got.bytes;
    }
    const js = inline.filter((s) => s.type === "" || s.type === "text/javascript" || s.type === "module");
    rows.push({
      page: page.name,
      scripts: external.filter((s) => !s.noModule).length,
      scriptGzipBytes: gzipBytes,
      inlineScripts: js.length,
      inlineScriptBytes: js.reduce((n, s) => n + s.bytes, 0),
      totalJsBytes: gzipBytes + js.reduce((n, s) => n + s.bytes, 0),
      noModuleGzipBytes,
      jsonLdBytes: inline.filter((s) => s.type === "application/ld+json").reduce((n, s) => n + s.bytes, 0),
      notCompressed,
    });
  }
  const staticHeaders = [...new Set([...sizes.values()].map((s) => s.cacheControl))];
  return { rows, scriptCacheControl: staticHeaders };
}
