import { describe, expect, it } from "vitest";
import { classifyPublicRequest } from "@/lib/public/cacheable";

const get = (url: string, headers: Record<string, string> = {}) => classifyPublicRequest("GET", url, headers);

describe("which requests are public pages, and under which tags", () => {
  it.each([
    ["/", "/", ["articles", "topics"]],
    ["/?utm_source=x", "/", ["articles", "topics"]],
    ["/news", "/news", ["articles", "topics"]],
    ["/news?page=1", "/news", ["articles", "topics"]],
    ["/news?page=3&x=y", "/news?page=3", ["articles", "topics"]],
    ["/news/river-flood", "/news/river-flood", ["article-slug:river-flood", "articles", "topics", "people"]],
    ["/topics/research?page=2", "/topics/research?page=2", ["topic:research", "articles", "topics"]],
    ["/topics/research/feed.xml", "/topics/research/feed.xml", ["topic:research", "articles", "topics", "people"]],
    ["/search?q=snow%20melt", "/search?q=snow%20melt", ["articles", "topics"]],
    ["/search?page=2&q=snow", "/search?q=snow&page=2", ["articles", "topics"]],
    ["/feed.xml", "/feed.xml", ["articles", "topics", "people"]],
    ["/sitemap.xml", "/sitemap.xml", ["articles", "topics"]],
    ["/robots.txt", "/robots.txt", ["site"]],
  ])("%s → key %s", (url, key, tags) => {
    const page = get(url)!;
    expect(page.key).toBe(key);
    expect(page.tags).toEqual(tags);
    expect(page.cacheControl).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it("photo sizes are immutable for browsers and keyed by photo for shared caches", () => {
    expect(get("/media/abcdef0123456789/640.webp")).toMatchObject({ key: "/media/abcdef0123456789/640.webp", tags: ["media:abcdef0123456789"], cacheControl: "public, max-age=31536000, immutable" });
  });

  it("article pages stay fresh five minutes (their view count), lists until purged", () => {
    expect(get("/news/river-flood")!.ttlSeconds).toBe(300);
    expect(get("/")!.ttlSeconds).toBeNull();
  });

  it("build files keep the framework's own immutable caching", () => {
    expect(get("/_next/static/chunks/app.js")).toMatchObject({ tags: ["static"], cacheControl: null, sameForEveryone: true });
    expect(get("/media/abcdef0123456789/640.webp")).toMatchObject({ sameForEveryone: false });
  });

  it.each([
    "/newsroom",
    "/newsroom/articles/3",
    "/login?callbackUrl=/newsroom",
    "/set-password?token=x",
    "/api/health",
    "/api/auth/session",
    "/review/abc",
    "/news/Not_A_Slug",
    "/news?page=0",
    "/news?page=abc",
    "/topics/x/y",
    "/media/../../etc/passwd/640.jpg",
    "/unknown-page",
  ])("%s is never a public page", (url) => expect(get(url)).toBeNull());

  it("writes, client-router and server-action requests are never public pages", () => {
    expect(classifyPublicRequest("POST", "/", {})).toBeNull();
    expect(get("/", { rsc: "1" })).toBeNull();
    expect(get("/", { "next-action": "abc" })).toBeNull();
    expect(get("/", { authorization: "Basic eA==" })).toBeNull();
    expect(classifyPublicRequest("HEAD", "/", {})).not.toBeNull();
  });

  it("says when the request carries a session, whatever else its cookies hold", () => {
    expect(get("/", { cookie: "theme=dark" })!.signedIn).toBe(false);
    expect(get("/", { cookie: "theme=dark; next-auth.session-token=abc" })!.signedIn).toBe(true);
    expect(get("/media/abcdef0123456789/640.webp", { cookie: "__Secure-next-auth.session-token.0=abc" })!.signedIn).toBe(true);
    expect(get("/", { cookie: "next-auth.csrf-token=abc" })!.signedIn).toBe(false);
  });

  it("a search too long to be typed in the box is not kept", () => {
    expect(get(`/search?q=${"a".repeat(201)}`)).toBeNull();
  });
});
