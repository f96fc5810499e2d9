import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./scripts/limits.mjs";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // scripts/server.mjs compresses HTML itself, after hashing its inline scripts for the CSP.
  compress: false,
  reactStrictMode: true,
  // Rendered pages and cached reads stay in this process's memory and are never written into
  // .next: one build serves whichever data folder it is started on (the tests rely on this).
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // Next's own cache unless MASTHEAD_REDIS_URL is set at run time; then one shared by every
  // instance, so an expiry on one is an expiry on all (scripts/cache-handler.mjs).
  cacheHandler: require.resolve("./scripts/cache-handler.mjs"),
  // Titles, canonical URLs, share cards and the feed link always in <head>, for every client: Next
  // otherwise streams metadata that resolves after the page into the body, where feed readers,
  // link previews and the page cache in front (which keeps one copy for every client) miss it.
  htmlLimitedBots: /.*/,
  experimental: {
    isrFlushToDisk: false,
    authInterrupts: true,
    // Saves up to the 2 MB body the validator allows (Next's default of 1 MB answered a 500).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Outside review links: a draft no search engine indexes, and a token in the URL that no
        // link on the page may pass on as a referrer. (The later entry wins for the same header.)
        source: "/review/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
