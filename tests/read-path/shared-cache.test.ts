import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRedis, startRedis, type RunningRedis } from "../../scripts/redis.mjs";
import { createSharedCache, decodeEntry, encodeEntry, type SharedCache } from "../../scripts/shared-cache.mjs";
import type CacheHandlerClass from "../../scripts/cache-handler.mjs";
import { freePort } from "../../scripts/service.mjs";

/*
 * The cache several instances share (scripts/shared-cache.mjs, scripts/cache-handler.mjs), on a
 * real redis-server. "Instance A" is a shared cache of its own; the handler Next would use is
 * "instance B" (the process-wide one, from MASTHEAD_REDIS_URL).
 */
let redis: RunningRedis;
let a: SharedCache;
let CacheHandler: typeof CacheHandlerClass;
let distDir: string;
let port = 0;


const fetchCtx = (tags: string[]) => ({ kind: "FETCH", tags, softTags: [] });
const fetchValue = (body: string) => ({ kind: "FETCH", data: { headers: {}, body, url: "", status: 200 }, revalidate: 3600, tags: [] });

function handler() {
  return new CacheHandler({ serverDistDir: path.join(distDir, "server"), revalidatedTags: [], _requestHeaders: {} });
}

async function until(check: () => boolean, ms = 2_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
}

beforeAll(async () => {
  ensureRedis();
  port = await freePort();
  redis = await startRedis({ port });
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-dist-"));
  fs.mkdirSync(path.join(distDir, "server"));
  fs.writeFileSync(path.join(distDir, "BUILD_ID"), "build-1");
  process.env.MASTHEAD_REDIS_URL = redis.url;
  process.env.MASTHEAD_REDIS_PREFIX = "test";
  CacheHandler = (await import("../../scripts/cache-handler.mjs")).default;
  a = createSharedCache({ url: redis.url, prefix: "test", log: () => {} });
  await a.connect();
  // The process-wide one (instance B) connects on first use.
  await (await import("../../scripts/shared-cache.mjs")).sharedCache()!.connect();
}, 120_000);

afterAll(async () => {
  await a?.close();
  await (await import("../../scripts/shared-cache.mjs")).sharedCache()?.close();
  await redis?.stop();
  fs.rmSync(distDir, { recursive: true, force: true });
  delete process.env.MASTHEAD_REDIS_URL;
});

describe("a tag expired on one instance", () => {
  it("is expired on the other: its entry is gone there at once", async () => {
    const b = handler();
    expect(await b.get("home", fetchCtx(["articles"]))).toBeNull();
    await b.set("home", fetchValue("old home"), fetchCtx(["articles"]));
    const kept = await handler().get("home", fetchCtx(["articles"]));
    expect((kept?.value as ReturnType<typeof fetchValue>).data.body).toBe("old home");

    expect(await a.expire(["articles"])).toBe(true);
    expect(await handler().get("home", fetchCtx(["articles"]))).toBeNull();
  });

  it("leaves entries under other tags alone", async () => {
    const b = handler();
    await b.get("topics", fetchCtx(["topics"]));
    await b.set("topics", fetchValue("topic list"), fetchCtx(["topics"]));
    await a.expire(["article:some-slug"]);
    expect((await handler().get("topics", fetchCtx(["topics"])))?.value).toMatchObject({ data: { body: "topic list" } });
  });

  it("counts from when the read began, not when the entry was written", async () => {
    // B misses and reads the database; A publishes and expires the tag; B then writes what it
    // read before the publication. That copy must not be served as fresh.
    const b = handler();
    expect(await b.get("news", fetchCtx(["articles"]))).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await a.expire(["articles"]);
    await new Promise((r) => setTimeout(r, 5));
    await b.set("news", fetchValue("read before the publication"), fetchCtx(["articles"]));
    expect(await handler().get("news", fetchCtx(["articles"]))).toBeNull();
  });

  it("is heard by every instance on the channel, so each drops its page copies", async () => {
    const heard: (string[] | null)[] = [];
    const b = createSharedCache({ url: redis.url, prefix: "test", log: () => {} });
    await b.connect();
    b.onExpired((tags) => heard.push(tags));
    await a.expire(["topic:research", "articles"]);
    expect(await until(() => heard.length > 0)).toBe(true);
    expect(heard[0]).toEqual(["topic:research", "articles"]);
    await b.close();
  });

  it("records expiries on Redis's clock, so an instance whose clock runs ahead does not take an old read for fresh", async () => {
    const b = handler();
    expect(await b.get("clocks", fetchCtx(["clock-tag"]))).toBeNull();
    // This machine's clock jumps ten minutes ahead (another machine's, in effect) while it renders.
    const real = Date.now;
    Date.now = () => real() + 600_000;
    try {
      await a.expire(["clock-tag"]);
      await b.set("clocks", fetchValue("read before the expiry"), fetchCtx(["clock-tag"]));
      expect(await handler().get("clocks", fetchCtx(["clock-tag"]))).toBeNull();
    } finally {
      Date.now = real;
    }
    const before = await a.time();
    await a.expire(["clock-tag"]);
    expect(await a.expiredSince(["clock-tag"], before - 1)).toBe(true);
    expect(await a.expiredSince(["clock-tag"], before + 60_000)).toBe(false);
  });

  it("counts a refresh after a hit from the hit, not from its write (Next refreshes stale entries in the background)", async () => {
    const b = handler();
    await b.get("article", fetchCtx(["article:x"]));
    await b.set("article", fetchValue("live"), fetchCtx(["article:x"]));
    // A later reader gets it (stale by age, say) and Next re-renders it from the database...
    expect(await handler().get("article", fetchCtx(["article:x"]))).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    // ...while the article is unpublished on another instance; the refresh's result arrives after.
    await a.expire(["article:x"]);
    await new Promise((r) => setTimeout(r, 5));
    await handler().set("article", fetchValue("read while still live"), fetchCtx(["article:x"]));
    expect(await handler().get("article", fetchCtx(["article:x"]))).toBeNull();
  });

  it("takes a write with no read on record as older than any expiry of the last minute", async () => {
    await a.expire(["orphan"]);
    await handler().set("orphan", fetchValue("rendered, its read not on record"), fetchCtx(["orphan"]));
    expect(await handler().get("orphan", fetchCtx(["orphan"]))).toBeNull();
  });
});

describe("entries", () => {
  it("keep a rendered page's bytes and segments through Redis", () => {
    const page = { kind: "APP_PAGE", html: "<p>x</p>", rscData: Buffer.from([0, 1, 2, 250]), segmentData: new Map([["/_tree", Buffer.from("tree")]]), headers: { "x-next-cache-tags": "articles" }, status: 200 };
    const back = decodeEntry(encodeEntry({ lastModified: 1, value: page })) as { value: typeof page };
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect([...back.value.rscData]).toEqual([0, 1, 2, 250]);
    expect(back.value.segmentData.get("/_tree")?.toString()).toBe("tree");
  });

  it("are kept per build: another build does not read them", async () => {
    const b = handler();
    await b.get("about", fetchCtx(["site"]));
    await b.set("about", fetchValue("about v1"), fetchCtx(["site"]));
    fs.writeFileSync(path.join(distDir, "BUILD_ID"), "build-2");
    try {
      expect(await handler().get("about", fetchCtx(["site"]))).toBeNull();
    } finally {
      fs.writeFileSync(path.join(distDir, "BUILD_ID"), "build-1");
    }
  });
});

describe("when Redis is away", () => {
  it("a read is a quick miss and a write is dropped, and an expiry is written once it is back", async () => {
    const b = handler();
    await b.get("feed", fetchCtx(["feed"]));
    await b.set("feed", fetchValue("feed"), fetchCtx(["feed"]));
    await redis.stop();
    try {
      const started = Date.now();
      expect(await handler().get("feed", fetchCtx(["feed"]))).toBeNull();
      await handler().set("feed", fetchValue("feed 2"), fetchCtx(["feed"]));
      expect(Date.now() - started).toBeLessThan(3_000);
      // An expiry that cannot be written is not forgotten: this instance treats it as done...
      expect(await a.expire(["feed"])).toBe(false);
      expect(await a.expiredSince(["feed"], 0)).toBe(true);
    } finally {
      redis = await startRedis({ port });
    }
    // ...and writes it when Redis answers again.
    const b2 = createSharedCache({ url: redis.url, prefix: "test", log: () => {} });
    await b2.connect();
    expect(await until(() => a.ready, 10_000)).toBe(true);
    let written = false;
    for (let i = 0; i < 100 && !written; i++) {
      written = await b2.expiredSince(["feed"], 0).catch(() => false);
      if (!written) await new Promise((r) => setTimeout(r, 50));
    }
    expect(written).toBe(true);
    await b2.close();
  }, 30_000);
});

describe("without MASTHEAD_REDIS_URL, and during next build", () => {
  it("is Next's own cache while building, even with Redis configured", async () => {
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      const FileSystemCache = (await import("next/dist/server/lib/incremental-cache/file-system-cache.js")).default;
      expect(handler().impl).toBeInstanceOf((FileSystemCache as { default?: unknown }).default ?? FileSystemCache);
    } finally {
      delete process.env.NEXT_PHASE;
    }
    expect(handler().impl.constructor.name).toBe("SharedCacheHandler");
  });

  it("expires tags in Next's own cache at once when asked (lib/revalidate.ts does, before the cache tier's purge)", async () => {
    const url = process.env.MASTHEAD_REDIS_URL;
    delete process.env.MASTHEAD_REDIS_URL;
    try {
      const own = new CacheHandler({ serverDistDir: path.join(distDir, "server"), revalidatedTags: [], _requestHeaders: {}, maxMemoryCacheSize: 1024 * 1024 });
      const ctx = { ...fetchCtx(["now-tag"]), fetchCache: true };
      await own.set("now-key", fetchValue("before"), ctx);
      expect(await own.get("now-key", ctx)).not.toBeNull();
      await new Promise((r) => setTimeout(r, 5));
      (globalThis as { __mastheadExpireNow?: (tags: string[]) => void }).__mastheadExpireNow!(["now-tag"]);
      await new Promise((r) => setTimeout(r, 2));
      expect(await own.get("now-key", ctx)).toBeNull();
    } finally {
      process.env.MASTHEAD_REDIS_URL = url;
    }
  });

  it("is Next's own cache", async () => {
    const url = process.env.MASTHEAD_REDIS_URL;
    delete process.env.MASTHEAD_REDIS_URL;
    try {
      const own = handler();
      const FileSystemCache = (await import("next/dist/server/lib/incremental-cache/file-system-cache.js")).default;
      expect(own.impl).toBeInstanceOf((FileSystemCache as { default?: unknown }).default ?? FileSystemCache);
    } finally {
      process.env.MASTHEAD_REDIS_URL = url;
    }
  });
});
