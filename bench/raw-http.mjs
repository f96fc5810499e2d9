// Plain HTTP GETs that keep the bytes as they came over the wire: fetch() would decompress
// them, and the read-path benchmark needs each server's exact compressed bodies.
import http from "node:http";

/** GETs `url` with `headers`; resolves to { status, headers, body } with the body undecoded. */
export function rawGet(url, headers = {}, { timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
  });
}
