// The in-app page cache of scripts/server.mjs: whole public responses (status, headers, and the
// body as identity, gzip and brotli, with its CSP hashes and ETag already computed), kept in
// memory under the cache tags of lib/cache-tags.ts and dropped when a write purges a tag.
//
// Why here and not in Next's own cache: a hit must not touch Next at all. Next's response cache
// still renders the RSC tree into HTML on each request for dynamic pages and, for every
// response, the hash-based CSP needs the final bytes. Keeping the finished bytes here makes a
// hit a Map lookup and one write, and the work that depends only on a rendering's bytes
// (script hashes, compression, ETag) is done once per rendering.
import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { COMPRESSIBLE } from "./csp.mjs";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Response headers that belong to one delivery, never to the stored page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "vary", "age", "set-cookie"]);
/** Statuses whose rendering may be kept: a page, a page that does not exist, a moved page. */
const STORABLE = new Set([200, 301, 308, 404, 410]);
/** Bodies larger than this are not kept (photos are at most a few hundred KB). */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** The encoding to send: brotli, then gzip, when the client accepts it (q=0 refuses). */
export function pickEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/** Whether an If-None-Match header names this ETag (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

export class PageCache {
  /** @param {{ maxBytes?: number, now?: () => number }} [options] */
  constructor({ maxBytes = 192 * 1024 * 1024, now = Date.now } = {}) {
    this.maxBytes = maxBytes;
    this.now = now;
    /** @type {Map<string, any>} key → entry, in least-recently-used order */
    this.entries = new Map();
    /** @type {Map<string, Set<string>>} tag → keys */
    this.byTag = new Map();
    this.bytes = 0;
    // Purges are numbered; a rendering that began before a purge of one of its tags is stale.
    this.clock = 0;
    /** @type {Map<string, number>} */
    this.purgedAt = new Map();
    // The stamp of the last purge of everything (see purgeAll).
    this.allPurgedAt = -1;
    /** @type {Map<string, Promise<void>>} key → the rendering in progress */
    this.inflight = new Map();
    this.stats = { hits: 0, misses: 0, stale: 0, stored: 0, purged: 0 };
  }

  /** The stored entry for `key`, marked most recently used; `fresh` tells whether its TTL holds. */
  lookup(key) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { entry, fresh: entry.expiresAt === null || entry.expiresAt > this.now() };
  }

  /** A token to hand to `store`, taken when a rendering starts. */
  begin() {
    return this.clock;
  }

  /** Marks `key` as being rendered; others asking for it may wait for the result. */
  claim(key) {
    let release;
    const done = new Promise((resolve) => (release = resolve));
    this.inflight.set(key, done);
    return () => {
      if (this.inflight.get(key) === done) this.inflight.delete(key);
      release();
    };
  }

  /**
   * Builds an entry from a finished response: compresses text bodies (off the event loop, in
   * zlib's thread pool) and computes the ETag. Returns null when the response must not be kept.
   */
  async build({ status, headers, body, tags, ttlSeconds }) {
    if (!STORABLE.has(status) || body.length > MAX_ENTRY_BYTES) return null;
    const stored = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const lower = name.toLowerCase();
      if (lower === "set-cookie") return null; // a response that sets a cookie is never shared
      if (!PER_RESPONSE.has(lower)) stored[lower] = value;
    }
    const type = String(stored["content-type"] ?? "");
    const bodies = { identity: body, gzip: null, br: null };
    if (COMPRESSIBLE.test(type) && body.length > 1024) {
      // Brotli 6 is within a few percent of 9 on these pages at a tenth of the time (≈2 ms for
      // the 100 KB home page): a flood of distinct searches cannot make compression expensive.
      const [g, b] = await Promise.all([
        gzip(body, { level: 6 }),
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      ]);
      bodies.gzip = g;
      bodies.br = b;
    }
    const etag = `W/"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    const size = body.length + (bodies.gzip?.length ?? 0) + (bodies.br?.length ?? 0) + 1024;
    return { status, headers: stored, bodies, etag, tags, size, expiresAt: ttlSeconds ? this.now() + ttlSeconds * 1000 : null };
  }

  /** Keeps `entry` unless one of its tags was purged after `token` (the rendering is stale). */
  store(key, entry, token) {
    if (this.allPurgedAt > token || entry.tags.some((tag) => (this.purgedAt.get(tag) ?? -1) > token)) return false;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.stats.stored++;
    while (this.bytes > this.maxBytes && this.entries.size > 1) this.remove(this.entries.keys().next().value);
    return true;
  }

  remove(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  /** Drops every entry holding one of `tags`; renderings already under way are not kept. */
  purge(tags) {
    const stamp = ++this.clock;
    let count = 0;
    for (const tag of tags) {
      this.purgedAt.set(tag, stamp);
      for (const key of [...(this.byTag.get(tag) ?? [])]) {
        this.remove(key);
        count++;
      }
    }
    this.stats.purged += count;
    return count;
  }

  /**
   * Drops every entry, and renderings under way are not kept: for when expiries may have been
   * missed (the shared cache's channel broke and came back).
   */
  purgeAll() {
    this.allPurgedAt = ++this.clock;
    const count = this.entries.size;
    for (const key of [...this.entries.keys()]) this.remove(key);
    this.stats.purged += count;
    return count;
  }

  /** Answers `req` from `entry`: a 304 for a matching If-None-Match, else the best encoding. */
  serve(req, res, entry) {
    const common = { ...entry.headers, etag: entry.etag, vary: "Accept-Encoding" };
    if (etagMatches(req.headers["if-none-match"], entry.etag) && entry.status === 200) {
      // A 304 refreshes the browser's stored headers: it must not replace the page's policy.
      const { "content-security-policy": _policy, "content-type": _type, ...rest } = common;
      res.writeHead(304, rest);
      res.end();
      return;
    }
    const encoding = entry.bodies.br && entry.bodies.gzip ? pickEncoding(req.headers["accept-encoding"]) : "identity";
    const body = entry.bodies[encoding] ?? entry.bodies.identity;
    const headers = { ...common, "content-length": body.length };
    if (encoding !== "identity") headers["content-encoding"] = encoding;
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }
}
