import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { etagMatches, PageCache, pickEncoding } from "../../scripts/page-cache.mjs";

const html = (text: string) => Buffer.from(`<!doctype html><p>${text.repeat(200)}</p>`);
const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0", "set-cookie": undefined, date: "x" };

describe("PageCache", () => {
  it("keeps a rendering under its tags and drops it when one of them is purged", async () => {
    const cache = new PageCache();
    const entry = (await cache.build({ status: 200, headers, body: html("home"), tags: ["articles", "topics"], ttlSeconds: null }))!;
    expect(cache.store("/", entry, cache.begin())).toBe(true);
    expect(cache.lookup("/")?.fresh).toBe(true);
    expect(cache.purge(["people"])).toBe(0);
    expect(cache.lookup("/")).not.toBeNull();
    expect(cache.purge(["topics"])).toBe(1);
    expect(cache.lookup("/")).toBeNull();
    expect(cache.bytes).toBe(0);
  });

  it("does not keep a rendering that began before a purge of its tags (it may hold old data)", async () => {
    const cache = new PageCache();
    const token = cache.begin();
    cache.purge(["articles"]); // a publish commits while the page renders
    const entry = (await cache.build({ status: 200, headers, body: html("old"), tags: ["articles"], ttlSeconds: null }))!;
    expect(cache.store("/", entry, token)).toBe(false);
    expect(cache.store("/", entry, cache.begin())).toBe(true);
  });

  it("drops everything at once when expiries may have been missed, renderings under way included", async () => {
    const cache = new PageCache();
    const entry = (await cache.build({ status: 200, headers, body: html("home"), tags: ["articles"], ttlSeconds: null }))!;
    cache.store("/", entry, cache.begin());
    cache.store("/news", { ...entry, tags: ["people"] }, cache.begin());
    const token = cache.begin();
    expect(cache.purgeAll()).toBe(2);
    expect(cache.lookup("/")).toBeNull();
    expect(cache.lookup("/news")).toBeNull();
    expect(cache.bytes).toBe(0);
    expect(cache.store("/topics", { ...entry, tags: ["topics"] }, token)).toBe(false);
    expect(cache.store("/topics", { ...entry, tags: ["topics"] }, cache.begin())).toBe(true);
  });

  it("never keeps an error, a cookie-setting response, or a huge body", async () => {
    const cache = new PageCache();
    expect(await cache.build({ status: 500, headers, body: html("x"), tags: [], ttlSeconds: null })).toBeNull();
    expect(await cache.build({ status: 200, headers: { ...headers, "set-cookie": "a=b" }, body: html("x"), tags: [], ttlSeconds: null })).toBeNull();
    expect(await cache.build({ status: 200, headers, body: Buffer.alloc(9 * 1024 * 1024), tags: [], ttlSeconds: null })).toBeNull();
  });

  it("compresses once, with gzip and brotli that decode to the same bytes", async () => {
    const cache = new PageCache();
    const body = html("compress me ");
    const entry = (await cache.build({ status: 200, headers, body, tags: [], ttlSeconds: null }))!;
    expect(zlib.gunzipSync(entry.bodies.gzip!)).toEqual(body);
    expect(zlib.brotliDecompressSync(entry.bodies.br!)).toEqual(body);
    expect(entry.headers).not.toHaveProperty("date");
    expect(entry.headers).not.toHaveProperty("set-cookie");
  });

  it("expires by TTL and evicts the least recently used beyond its size", async () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 60_000, now: () => now });
    const make = async (ttlSeconds: number | null) => (await cache.build({ status: 200, headers: { "content-type": "image/jpeg" }, body: Buffer.alloc(20_000), tags: ["media:x"], ttlSeconds }))!;
    cache.store("/a", await make(300), cache.begin());
    now += 301_000;
    expect(cache.lookup("/a")?.fresh).toBe(false);
    cache.store("/b", await make(null), cache.begin());
    cache.lookup("/a"); // /a is now the most recently used
    cache.store("/c", await make(null), cache.begin());
    expect(cache.entries.has("/b")).toBe(false);
    expect([...cache.entries.keys()]).toEqual(["/a", "/c"]);
  });
});

describe("content negotiation", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["identity", "identity"],
    ["", "identity"],
    ["*", "br"],
  ])("Accept-Encoding %j → %s", (accept, want) => expect(pickEncoding(accept)).toBe(want));

  it("compares ETags weakly and accepts lists", () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
  });
});

describe("serving from the cache over HTTP", () => {
  const cache = new PageCache();
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    const entry = (await cache.build({ status: 200, headers: { ...headers, "content-security-policy": "script-src 'self' 'sha256-x'", xkey: "articles" }, body: html("served"), tags: ["articles"], ttlSeconds: null }))!;
    cache.store("/", entry, cache.begin());
    server = http.createServer((req, res) => cache.serve(req, res, cache.lookup("/")!.entry));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (h: Record<string, string>, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.request(`${base}/`, { method, headers: h }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject).end();
    });

  it("sends brotli, gzip or identity as asked, with the stored policy and keys", async () => {
    const br = await get({ "accept-encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain("served");
    expect(br.headers["content-security-policy"]).toContain("sha256-x");
    expect(br.headers.xkey).toBe("articles");
    expect(br.headers.vary).toBe("Accept-Encoding");
    const plain = await get({});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("served");
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
  });

  it("answers a matching If-None-Match with 304 and no policy; HEAD with headers only", async () => {
    const first = await get({});
    const again = await get({ "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["content-security-policy"]).toBeUndefined();
    const head = await get({ "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-encoding"]).toBe("gzip");
  });
});
