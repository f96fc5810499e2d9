// The production server: Next's request handler behind the hash-based CSP of scripts/csp.mjs.
// `npm start`, the browser tests and the benchmark all serve through it.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import { contentSecurityPolicy, secureResponse } from "./csp.mjs";
import { SERVER_ACTION_BODY_LIMIT_BYTES, TOO_LARGE_MESSAGE } from "./limits.mjs";
import { PageCache } from "./page-cache.mjs";
import { sharedCache } from "./shared-cache.mjs";

const port = Number(process.env.PORT || 3000);
const dir = path.resolve(import.meta.dirname, "..");
const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();

// Modules register work to finish before the process exits (the view counter flushes its
// buffer); they are awaited after the last request has been answered.
globalThis.__mastheadShutdownHooks ??= new Set();

/**
 * View beacons are answered here, before Next's router, by the handler lib/views/recorder.ts
 * registers: a beacon then costs microseconds instead of a full route dispatch, so a burst of
 * them does not slow page serving. Without a registered handler they go to the route as usual.
 */
function answerBeacon(req, res) {
  const handleBeacon = globalThis.__mastheadViewBeacon;
  if (!handleBeacon || req.method !== "POST" || req.url !== "/api/views") return false;
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => {
    if (body.length <= 1024) body += chunk;
  });
  req.on("end", () => {
    // Answered at once; the count is written in the background (a shutdown waits for it).
    handleBeacon({ body, socket: req.socket.remoteAddress ?? null, forwardedFor: req.headers["x-forwarded-for"] ?? null, userAgent: req.headers["user-agent"] ?? null }).catch((error) =>
      console.error("view beacon failed", error),
    );
    res.writeHead(204, { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": contentSecurityPolicy() });
    res.end();
  });
  return true;
}

// The socket address reaches the app in a header with a token only this process knows, so a
// client sending the same header names is not believed (lib/request/client-address.ts decides,
// with MASTHEAD_TRUSTED_PROXIES, what the client's address is).
const socketToken = crypto.randomBytes(24).toString("base64url");
globalThis.__mastheadSocketToken = socketToken;

/**
 * A server action larger than Next accepts would get a 500 with a digest; refuse it here with a
 * 413 and a sentence instead (text/plain is what Next's client shows as the error's message).
 */
function refuseOversizeAction(req, res) {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const length = Number(req.headers["content-length"]);
  if (!(length > SERVER_ACTION_BODY_LIMIT_BYTES)) return false;
  // Answer once the client has finished sending (reading and dropping the body): closing while
  // it still writes makes it see a broken pipe instead of the sentence. A body far over the
  // limit, or one that takes too long, gets the connection cut instead.
  let received = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, 30_000).unref();
  req.on("data", (chunk) => {
    received += chunk.length;
    if (received > 8 * SERVER_ACTION_BODY_LIMIT_BYTES) cut();
  });
  req.once("end", () => {
    clearTimeout(timer);
    res.writeHead(413, { "Content-Type": "text/plain", "Cache-Control": "private, no-store", Connection: "close", "Content-Security-Policy": contentSecurityPolicy() });
    res.end(TOO_LARGE_MESSAGE);
  });
  req.once("error", cut);
  return true;
}

// Public pages, kept whole after their first rendering (scripts/page-cache.mjs). The app says
// which requests are public pages and under which tags (lib/public/cacheable.ts, registered at
// startup), and purges tags after each write that changes what readers see (lib/revalidate.ts).
const pages = new PageCache();
globalThis.__mastheadPagePurge = (tags) => pages.purge(tags);

// Several instances (MASTHEAD_REDIS_URL): an expiry on any of them reaches this page cache over
// the shared cache's channel, and this instance then purges the cache tier once more itself (it
// may have refetched from an instance that had not heard yet: the last instance to hear sends
// the last purge). After a break on the channel everything is dropped, since expiries may have
// been missed; and while the shared cache is not healthy, no copy is kept or served from memory.
// lib/revalidate.ts and the purge outbox call __mastheadSharedExpire: the expiry is recorded in
// Redis first, then this instance's copies go again.
const shared = sharedCache();
/** A purge of `tags` straight to the cache tier (MASTHEAD_PURGE_URL), if there is one. */
async function purgeCacheTier(tags) {
  const url = process.env.MASTHEAD_PURGE_URL;
  if (!url || tags.length === 0) return;
  try {
    const res = await fetch(url, { method: "PURGE", headers: { xkey: tags.join(" ") }, signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
  } catch (error) {
    console.error(`purging ${tags.join(" ")} after an expiry from another instance failed`, error);
  }
}
if (shared) {
  shared.onExpired((tags) => {
    if (!tags) return void pages.purgeAll();
    pages.purge(tags);
    void purgeCacheTier(tags);
  });
  // An expiry written late (Redis was away when it happened): the cache tier may hold what changed.
  shared.onWrittenLate((tags) => void purgeCacheTier(tags));
  globalThis.__mastheadSharedExpire = async (tags) => {
    const told = await shared.expire(tags);
    pages.purge(tags);
    return told;
  };
  // View counting: "the same reader within 30 minutes counts once" whichever instance answers
  // (lib/views/recorder.ts keeps 30-minute keys there, HMACs under a day key it never stores).
  globalThis.__mastheadSharedViews = { firstTime: shared.firstTime };
  // Bounded: an instance whose Redis is away still starts, rendering from the database.
  await Promise.race([shared.connect(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  console.log(shared.ready ? `• Sharing caches through ${shared.url}` : `✗ The shared cache at ${shared.url} is not answering; pages are rendered from the database until it does`);
}
/** Whether whole pages may be kept and served from this process's memory now. */
const pageCacheTrusted = () => !shared || shared.healthy;

/** Sets the headers shared caches need on a public page: its policy and its surrogate keys. */
function publicHeaders(headers, page) {
  if (page.cacheControl) headers["cache-control"] = page.cacheControl;
  // Varnish (xkey), Fastly (Surrogate-Key) and Cloudflare (Cache-Tag) each read their own.
  headers["xkey"] = page.tags.join(" ");
  headers["surrogate-key"] = page.tags.join(" ");
  headers["cache-tag"] = page.tags.join(",");
  return headers;
}

/**
 * Hands the request to Next; a public GET's finished response is stored on the way out. Public
 * pages never read the session, but a photo of a draft is shown to staff only: a rendering made
 * for a signed-in request is never kept (build files excepted).
 */
function render(req, res, requested, keep = true) {
  const page = requested && (requested.sameForEveryone || !requested.signedIn) ? requested : null;
  const token = pages.begin();
  const head = page && req.method === "HEAD";
  // A HEAD that misses is rendered as the GET it stands for, kept, and answered without a body.
  if (head) req.method = "GET";
  const release = page ? pages.claim(page.key) : null;
  // A signed-in request for a public URL is answered for that person only.
  const personal = requested && !page;
  if (release) {
    // The stored copy answers conditional requests with its own ETag: Next renders it whole.
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
  }
  secureResponse(req, res, {
    capture: release
      ? async ({ status, headers, body }) => {
          try {
            const entry = await pages.build({ status, headers: publicHeaders({ ...headers }, page), body, tags: page.tags, ttlSeconds: page.ttlSeconds });
            if (!entry) {
              // Not a page to keep (an error, or it set a cookie): no shared cache may keep it.
              res.setHeader("Cache-Control", "private, no-store");
              return null;
            }
            if (keep) pages.store(page.key, entry, token);
            return () => {
              for (const name of res.getHeaderNames()) res.removeHeader(name);
              if (head) req.method = "HEAD";
              pages.serve(req, res, entry);
            };
          } finally {
            release();
          }
        }
      : personal
        ? async () => {
            res.setHeader("Cache-Control", "private, no-store");
            return null;
          }
        : undefined,
  });
  res.once("close", () => release?.());
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end("Internal Server Error");
  });
}

/** Answers from the page cache when it can: fresh, or stale while another request refreshes. */
async function answerPublic(req, res, page) {
  if (!pageCacheTrusted()) {
    // Rendered fresh (Next's data cache misses too while Redis is away) and not kept.
    pages.stats.misses++;
    render(req, res, page, false);
    return;
  }
  let found = pages.lookup(page.key);
  if (!found && pages.inflight.has(page.key)) {
    // The same page is being rendered for someone else: wait for it rather than render twice.
    await Promise.race([pages.inflight.get(page.key), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    found = pages.lookup(page.key);
  }
  // A "not found" kept for readers may be something staff can see (a photo of a draft).
  const forReaders = found && found.entry.status !== 200 && !page.sameForEveryone && page.signedIn;
  if (found && !forReaders && (found.fresh || pages.inflight.has(page.key))) {
    pages.stats[found.fresh ? "hits" : "stale"]++;
    pages.serve(req, res, found.entry);
    return;
  }
  pages.stats.misses++;
  render(req, res, page);
}

// Public pages wait (at most 15 s) for the scheduler's first run after start, which publishes
// what came due while the server was down: a page rendered before that run could otherwise be
// kept by Next's route cache as it was (a 404 for a piece that is live a moment later), since
// its render began before the publication's tags were expired.
let caughtUp = false;
const schedulerCaughtUp = new Promise((resolve) => {
  globalThis.__mastheadSchedulerCaughtUp = () => {
    caughtUp = true;
    resolve();
  };
  setTimeout(globalThis.__mastheadSchedulerCaughtUp, 15_000).unref();
});

const server = http.createServer((req, res) => {
  if (answerBeacon(req, res) || refuseOversizeAction(req, res)) return;
  req.headers["x-masthead-socket-address"] = req.socket.remoteAddress ?? "";
  req.headers["x-masthead-socket-token"] = socketToken;
  const page = globalThis.__mastheadPublicRequest?.(req.method ?? "GET", req.url ?? "/", req.headers) ?? null;
  if (page) {
    (caughtUp ? answerPublic(req, res, page) : schedulerCaughtUp.then(() => answerPublic(req, res, page))).catch((error) => {
      console.error("request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
    return;
  }
  render(req, res, null);
});
server.keepAliveTimeout = 65_000;
// HOST narrows the listening address (start:cached binds the origin to loopback, so readers
// cannot go around the cache tier); by default every interface, as `next start` does.
const host = process.env.HOST || undefined;
server.listen(port, host, () => console.log(`✓ Ready on http://${host ?? "localhost"}:${port}`));

/** Runs every registered shutdown hook, each bounded in time, logging failures. */
async function runShutdownHooks() {
  for (const hook of globalThis.__mastheadShutdownHooks) {
    try {
      await Promise.race([hook(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    } catch (error) {
      console.error("shutdown hook failed", error);
    }
  }
}

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing open requests…`);
    // Stop accepting, let open requests finish (at most 5 s), then run the hooks and exit.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections?.();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await runShutdownHooks();
    await shared?.close();
    process.exit(0);
  });
}
