// Next's cache handler (next.config.ts `cacheHandler`), modelled on Next's own Redis example.
// Without MASTHEAD_REDIS_URL it is Next's built-in cache, unchanged (one instance, in memory).
// With it, every instance keeps Next's entries (the data of `unstable_cache`, rendered routes) in
// one Redis, and a tag expired on any instance is expired for all at once: scripts/shared-cache.mjs
// records the time, and an entry read here counts as gone when one of its tags expired after
// the entry's own read began.
//
// Next makes one handler per request, so all state lives in the module (and on globalThis).
import fs from "node:fs";
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { sharedCache } from "./shared-cache.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const TAGS_HEADER = "x-next-cache-tags";

const holder = globalThis;
// For each key, when the first read since its last write began (on Redis's clock). A write that
// follows holds data read after that moment at the earliest, so that moment, not the write's, is
// what a later expiry is compared with: a rendering (after a miss, or Next's refresh of a stale
// entry in the background) that read the database before a publish and wrote after it is not
// taken for fresh. Kept for every read, hits included, since Next may refresh after a hit.
holder.__mastheadCacheReads ??= new Map();
const reads = holder.__mastheadCacheReads;
const MAX_READS = 10_000;
// A write with no read on record (evicted, or a second writer after the first): assume the
// rendering began this long before it. Too early only costs one more rendering.
const LONGEST_RENDER_MS = 60_000;

function buildId(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

/** The tags an entry is filed under: the request's (data) or those the route recorded (pages). */
function tagsOf(value, ctx) {
  if (value?.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(value.tags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",") : [];
}

/** Seconds an entry is worth keeping: its own expiry when it has one, else the shared default. */
function ttlOf(data, ctx) {
  const expire = ctx?.cacheControl?.expire;
  if (typeof expire === "number" && expire > 0) return expire;
  const revalidate = data?.kind === "FETCH" ? data.revalidate : ctx?.cacheControl?.revalidate;
  return typeof revalidate === "number" && revalidate > 0 ? Math.max(revalidate * 10, 3600) : undefined;
}

class SharedCacheHandler {
  constructor(ctx) {
    this.shared = sharedCache();
    this.prefix = buildId(ctx.serverDistDir ?? "");
    // Pages prerendered by the build live in the build folder, the same on every instance.
    this.build = new FileSystemCache(ctx);
  }

  async get(key, ctx) {
    let entry = null;
    try {
      // One round trip: Redis's clock, then the entry (auto-pipelined, in this order).
      const [readAt, stored] = await Promise.all([this.shared.time(), this.shared.read(`${this.prefix}:${key}`)]);
      if (!reads.has(key)) {
        reads.set(key, readAt);
        if (reads.size > MAX_READS) reads.delete(reads.keys().next().value);
      }
      entry = stored;
      if (!entry && ctx?.kind !== "FETCH") entry = await this.build.get(key, ctx);
      if (entry && (await this.shared.expiredSince(tagsOf(entry.value, ctx), entry.lastModified))) entry = null;
    } catch {
      // Redis away: a miss (the page is rendered from the database), never a stale answer.
      entry = null;
    }
    return entry;
  }

  async set(key, data, ctx) {
    const readAt = reads.get(key);
    reads.delete(key);
    if (data === null) return;
    try {
      const lastModified = readAt ?? (await this.shared.time()) - LONGEST_RENDER_MS;
      await this.shared.write(`${this.prefix}:${key}`, { lastModified, value: data, cacheControl: ctx?.cacheControl }, ttlOf(data, ctx));
    } catch {
      // Not kept: the next reader renders it again.
    }
  }

  async revalidateTag(tags) {
    // The app expires at once (lib/revalidate.ts); a stale-while-revalidate window asked of this
    // handler is honoured as an expiry too: never stale, only sooner fresh.
    await this.shared.expire(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}

// One instance: Next applies a server action's revalidateTag only when the action finishes, while
// lib/revalidate.ts drops the page copies and starts the cache tier's purge at once; a page
// rendered in between (the cache tier refetching) would read the old data and be kept. This
// expires the tags in Next's own cache at once too (FileSystemCache's revalidateTag only writes
// its tag manifest, shared by every handler of the process). With Redis the shared cache does it.
holder.__mastheadExpireNow = (tags) => {
  if (!sharedCache()) void FileSystemCache.prototype.revalidateTag.call(null, [...tags], { expire: 0 });
};

/**
 * Next's own cache when no Redis is configured, else the shared one. `next build` always uses
 * Next's own, even with MASTHEAD_REDIS_URL in its environment: what it prerenders belongs in the
 * build folder, and its build id is not written yet to file entries under.
 */
export default class CacheHandler {
  constructor(ctx) {
    this.impl = process.env.NEXT_PHASE !== "phase-production-build" && sharedCache() ? new SharedCacheHandler(ctx) : new FileSystemCache(ctx);
  }

  get(...args) {
    return this.impl.get(...args);
  }

  set(...args) {
    return this.impl.set(...args);
  }

  revalidateTag(...args) {
    return this.impl.revalidateTag(...args);
  }

  resetRequestCache() {
    return this.impl.resetRequestCache?.();
  }
}
