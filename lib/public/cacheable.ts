import { hasSessionCookie } from "@/lib/auth/cookie-names";
import { cacheTags } from "@/lib/cache-tags";
import { isFileKey } from "@/lib/media/store";
import { isSlug } from "@/lib/slug";
import { INFO_PAGES } from "./site-info";

/*
 * Which requests are public pages, under which cache key, with which tags and for how long.
 * scripts/server.mjs asks this for every request (through the hook registered below) and keeps
 * the answer's rendering in its page cache; shared caches get the same tags as surrogate keys.
 * Anything not named here — the newsroom, sign-in, the API, server actions, client-router
 * requests — is never cached and never marked public.
 */

export interface PublicRequest {
  /** The cache key: the path with only the query parameters the page reads, in one order. */
  key: string;
  tags: string[];
  /** Cache-Control for browsers and shared caches; null keeps the framework's (build files). */
  cacheControl: string | null;
  /** Seconds the in-app copy stays fresh without a purge; null: until purged. */
  ttlSeconds: number | null;
  /**
   * Whether a rendering made for a signed-in request may be kept too. Only build files: a
   * photo of a draft, say, is served to staff alone, so other renderings for them are not.
   */
  sameForEveryone: boolean;
  /** The request carries a session: a rendering for it is that person's alone. */
  signedIn: boolean;
}

/** Long enough that only a purge replaces a page in a shared cache. */
const SHARED_MAX_AGE = 365 * 24 * 3600;
/** Article pages show a view count refreshed every five minutes. */
export const ARTICLE_PAGE_TTL_SECONDS = 300;

/** Browsers revalidate every time (a cheap 304); shared caches keep pages until purged. */
export const publicCacheControl = (sharedSeconds: number = SHARED_MAX_AGE) => `public, max-age=0, s-maxage=${sharedSeconds}, stale-while-revalidate=30`;

const LISTING = [cacheTags.articles, cacheTags.topics];

/** `?page=N` as the page reads it: absent or "1" is page 1; anything else is not cached. */
function pageParam(params: URLSearchParams): number | null {
  const raw = params.get("page");
  if (raw === null) return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

const withPage = (path: string, page: number) => (page === 1 ? path : `${path}?page=${page}`);

/** The cache entry of a request, or null when it is not a public page. */
export function classifyPublicRequest(method: string, rawUrl: string, headers: Record<string, string | string[] | undefined>): PublicRequest | null {
  if (method !== "GET" && method !== "HEAD") return null;
  // Client-router and server-action requests vary by headers no shared cache keys on.
  if (headers["rsc"] !== undefined || headers["next-action"] !== undefined || headers["next-router-prefetch"] !== undefined || headers["authorization"] !== undefined) return null;
  let url: URL;
  try {
    url = new URL(rawUrl, "http://masthead.invalid");
  } catch {
    return null;
  }
  const path = url.pathname;
  const params = url.searchParams;
  const signedIn = hasSessionCookie(headers["cookie"]);
  const page = (key: string, tags: string[], ttlSeconds: number | null = null, shared = SHARED_MAX_AGE): PublicRequest => ({
    key,
    tags,
    cacheControl: publicCacheControl(shared),
    ttlSeconds,
    sameForEveryone: false,
    signedIn,
  });

  if (path === "/") return page("/", LISTING);
  if (path === "/news") {
    const n = pageParam(params);
    return n === null ? null : page(withPage("/news", n), LISTING);
  }
  if (path.startsWith("/news/")) {
    const slug = path.slice("/news/".length);
    if (!isSlug(slug)) return null;
    return page(path, [cacheTags.articleSlug(slug), cacheTags.articles, cacheTags.topics, cacheTags.people], ARTICLE_PAGE_TTL_SECONDS, ARTICLE_PAGE_TTL_SECONDS);
  }
  const topic = /^\/topics\/([^/]+)(\/feed\.xml)?$/.exec(path);
  if (topic) {
    const slug = topic[1]!;
    if (!isSlug(slug)) return null;
    if (topic[2]) return page(path, [cacheTags.topic(slug), ...LISTING, cacheTags.people]);
    const n = pageParam(params);
    return n === null ? null : page(withPage(path, n), [cacheTags.topic(slug), ...LISTING]);
  }
  if (path === "/search") {
    const q = params.get("q") ?? "";
    const n = pageParam(params);
    if (n === null || q.length > 200) return null;
    return page(`/search?q=${encodeURIComponent(q)}${n === 1 ? "" : `&page=${n}`}`, LISTING);
  }
  if (path === "/feed.xml") return page(path, [...LISTING, cacheTags.people]);
  if (path === "/sitemap.xml") return page(path, LISTING);
  // "Published in the last 48 hours" changes with the clock as well as with publishing.
  if (path === "/news-sitemap.xml") return page(path, LISTING, 600);
  if (path === "/robots.txt") return page(path, [cacheTags.site]);
  // Pages about the site: fixed text under the menu of topics.
  if (INFO_PAGES.has(path)) return page(path, [cacheTags.site, cacheTags.topics]);
  const media = /^\/media\/([^/]+)\/(\d{3,4}\.(?:webp|jpg|avif))$/.exec(path);
  if (media) {
    if (!isFileKey(media[1]!)) return null;
    // A size's bytes never change (keys are never reused): browsers keep it; a shared cache
    // drops it when the purge of its tag says no live article shows it any more.
    return { ...page(path, [cacheTags.media(media[1]!)]), cacheControl: "public, max-age=31536000, immutable" };
  }
  if (path.startsWith("/_next/static/") || path === "/icon.svg" || path === "/favicon.ico") {
    return { key: path, tags: [cacheTags.static], cacheControl: null, ttlSeconds: null, sameForEveryone: true, signedIn };
  }
  return null;
}

const holder = globalThis as unknown as { __mastheadPublicRequest?: typeof classifyPublicRequest };

/** Lets scripts/server.mjs ask, before Next's router, whether a request is a public page. */
export function registerPublicRequestClassifier(): void {
  holder.__mastheadPublicRequest = classifyPublicRequest;
}
