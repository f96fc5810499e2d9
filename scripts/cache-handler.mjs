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
// When each key last missed here: an entry written next for that key was read from the database
// after that moment, so that moment (not the write's) is what a later expiry is compared with.
holder.__mastheadCacheMisses ??= new Map();
const misses = holder.__mastheadCacheMisses;

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
    const missedAt = Date.now();
    let entry = null;
    try {
      entry = await this.shared.read(`${this.prefix}:${key}`);
      if (!entry && ctx?.kind !== "FETCH") entry = await this.build.get(key, ctx);
      if (entry && (await this.shared.expiredSince(tagsOf(entry.value, ctx), entry.lastModified, missedAt))) entry = null;
    } catch {
      // Redis away: a miss (the page is rendered from the database), never a stale answer.
      entry = null;
    }
    // The earliest outstanding miss: the oldest read a coming write may hold.
    if (!entry && !misses.has(key)) {
      misses.set(key, missedAt);
      if (misses.size > 10_000) misses.delete(misses.keys().next().value);
    }
    return entry;
  }

  async set(key, data, ctx) {
    const lastModified = misses.get(key) ?? Date.now();
    misses.delete(key);
    if (data === null) return;
    try {
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
