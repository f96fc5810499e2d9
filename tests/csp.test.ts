import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes, secureResponse } from "../scripts/csp.mjs";

const sha = (s: string) => `'sha256-${crypto.createHash("sha256").update(s).digest("base64")}'`;

describe("inline script hashes", () => {
  it("hashes the exact text of each inline script and skips external and JSON ones", () => {
    const html = `<html><script>a()</script><script async src="/x.js"></script><script id="r">self.__next_f.push([1,"x"])</script><script type="application/ld+json">{"a":1}</script><script>a()</script></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha("a()"), sha('self.__next_f.push([1,"x"])')]);
  });

  it("builds a policy without unsafe-inline scripts", () => {
    const policy = contentSecurityPolicy([sha("a()")]);
    expect(policy).toContain(`script-src 'self' ${sha("a()")};`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe("secureResponse on a real HTTP server", () => {
  let server: http.Server;
  let base: string;
  const page = `<!doctype html><p>${"news ".repeat(500)}</p><script>boot()</script>`;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      secureResponse(req, res);
      if (req.url === "/html") {
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.write(page.slice(0, 100));
        res.end(page.slice(100));
      } else if (req.url === "/not-modified") {
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.writeHead(304);
        res.end();
      } else if (req.url === "/js") {
        res.writeHead(200, { "Content-Type": "application/javascript" });
        res.end("x".repeat(5000));
      } else {
        res.writeHead(200, { "Content-Type": "image/png" });
        res.end(Buffer.from([1, 2, 3]));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("sends HTML whole, gzip-compressed, with the hashes of its scripts", async () => {
    const res = await fetch(`${base}/html`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-security-policy")).toContain(sha("boot()"));
    expect(await res.text()).toBe(page);
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) =>
      http.get(`${base}/html`, { headers: { "accept-encoding": "gzip" } }, (r) => {
        const parts: Buffer[] = [];
        r.on("data", (c: Buffer) => parts.push(c));
        r.on("end", () => resolve({ encoding: r.headers["content-encoding"], body: Buffer.concat(parts) }));
      }),
    );
    expect(raw.encoding).toBe("gzip");
    expect(zlib.gunzipSync(raw.body).toString()).toBe(page);
  });

  it("compresses other text and passes binary responses through with the baseline policy", async () => {
    const js = await fetch(`${base}/js`, { headers: { "accept-encoding": "gzip" } });
    expect(await js.text()).toBe("x".repeat(5000));
    const png = await fetch(`${base}/png`);
    expect(png.headers.get("content-security-policy")).toBe(contentSecurityPolicy());
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("sends no policy with a 304, so the cached page keeps the hashes of its scripts", async () => {
    const res = await fetch(`${base}/not-modified`);
    expect(res.status).toBe(304);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});
