// Content-Security-Policy with hashes of the exact inline scripts of each HTML response.
//
// Next.js inlines its RSC payload as <script> elements. Nonces would force every page to render
// per request (no page cache); hashes work for cached pages too, because they are computed from
// the bytes actually sent. So the server buffers each HTML response, hashes its inline scripts,
// sends the policy with those hashes, and compresses the body itself afterwards.
import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** CSP source expressions for every inline script in `html` (external and JSON scripts skipped). */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? "";
    if (/\bsrc\s*=/i.test(attributes)) continue;
    if (/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(match[2] ?? "", "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The policy: scripts only from this origin or with one of `hashes`; never inline otherwise. */
export function contentSecurityPolicy(hashes = []) {
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.length ? " " + hashes.join(" ") : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Content types worth compressing (text, scripts, feeds, SVG). */
export const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|rss\+xml|manifest\+json)|image\/svg\+xml)/;
const gzip = promisify(zlib.gzip);

function wantsGzip(req) {
  return /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
}

/**
 * Patches `res` so that an HTML response is held until complete, then sent with a CSP naming its
 * inline scripts, gzip-compressed (in zlib's thread pool) when the client accepts it. Other text
 * responses are compressed the same way; anything else passes straight through with the
 * baseline policy.
 *
 * With `options.capture`, any complete GET response is held (whatever its type) and handed
 * over with its policy set; `capture` may return a function that then answers the request
 * itself (from the page cache), or null to have the response sent as above.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ capture?: (response: { status: number, headers: Record<string, unknown>, body: Buffer }) => Promise<(() => void) | null> }} [options]
 */
export function secureResponse(req, res, options = {}) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let mode = null; // "html" | "compress" | "capture" | "pass", decided on the first write
  let head = null;
  const chunks = [];

  // Node's own end() calls this.writeHead() for implicit headers: put the originals back first.
  const restore = (withHead = true) => {
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
    if (head && withHead) original.writeHead.apply(res, head);
  };
  const decide = () => {
    if (mode) return mode;
    const type = String(res.getHeader("content-type") ?? "");
    const status = head?.[0] ?? res.statusCode;
    if (req.method === "HEAD" || status === 304 || status === 206 || res.getHeader("content-encoding") !== undefined) mode = "pass";
    else if (options.capture && req.method === "GET") mode = "capture";
    else if (type.includes("text/html")) mode = "html";
    else if (COMPRESSIBLE.test(type) && wantsGzip(req)) mode = "compress";
    else mode = "pass";
    if (mode === "pass") {
      // A 304's headers replace the cached response's: a baseline policy there would strip the
      // hashes from the cached HTML and block its scripts on reload, so a 304 keeps the original.
      if (status === 304) res.removeHeader("Content-Security-Policy");
      else res.setHeader("Content-Security-Policy", contentSecurityPolicy());
      restore();
    }
    return mode;
  };
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : Buffer.from(chunk);

  res.writeHead = function writeHead(status, reason, headers) {
    const fields = typeof reason === "object" && reason !== null ? reason : headers;
    if (Array.isArray(fields)) for (let i = 0; i + 1 < fields.length; i += 2) res.setHeader(fields[i], fields[i + 1]);
    else if (fields) for (const [k, v] of Object.entries(fields)) if (v !== undefined) res.setHeader(k, v);
    head = typeof reason === "string" ? [status, reason] : [status];
    decide();
    return res;
  };
  res.write = function write(chunk, encoding, callback) {
    if (decide() === "pass") return original.write.call(res, chunk, encoding, callback);
    chunks.push(toBuffer(chunk, encoding));
    const done = [encoding, callback].find((f) => typeof f === "function");
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    if (decide() === "pass") return original.end.call(res, chunk, encoding, callback);
    if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((f) => typeof f === "function");
    let body = Buffer.concat(chunks);
    const isHtml = String(res.getHeader("content-type") ?? "").includes("text/html");
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(isHtml ? inlineScriptHashes(body.toString("utf8")) : []));
    const finish = async () => {
      if (mode === "capture") {
        const status = head?.[0] ?? res.statusCode;
        const answer = await options.capture({ status, headers: res.getHeaders(), body });
        if (answer) {
          // The original methods first: the answer writes the response itself.
          restore(false);
          answer();
          done?.();
          return;
        }
      }
      const type = String(res.getHeader("content-type") ?? "");
      if ((isHtml || COMPRESSIBLE.test(type)) && wantsGzip(req) && body.length > 1024) {
        body = await gzip(body, { level: 6 });
        res.setHeader("Content-Encoding", "gzip");
        res.appendHeader?.("Vary", "Accept-Encoding");
      }
      res.setHeader("Content-Length", body.length);
      restore();
      original.end.call(res, body, done);
    };
    finish().catch((error) => {
      console.error("sending a response failed", error);
      if (!res.headersSent) {
        restore(false);
        res.statusCode = 500;
      }
      res.end();
    });
    return res;
  };
}
