import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";

/*
 * The read path as a shared cache and a browser see it: every public page type is marked
 * public with its surrogate keys, served the same from the page cache as from its first
 * rendering, and answers If-None-Match with 304; staff pages never are.
 */

const PUBLIC_PAGES = ["/", "/news", "/news?page=2", "/topics/research", "/search?q=river", "/feed.xml", "/topics/research/feed.xml", "/sitemap.xml", "/robots.txt"];

test("every public page type is public, keyed, cached whole and revalidated with 304", async ({ request }) => {
  const home = await (await request.get("/")).text();
  const article = /href="(\/news\/[a-z0-9-]+)"/.exec(home)![1]!;
  const photo = /src="(\/media\/[a-z0-9]+\/\d+\.jpg)"/.exec(home)![1]!;
  for (const url of [...PUBLIC_PAGES, article, photo]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    const again = await request.get(url);
    expect(await again.body(), `${url} from the cache is the same as rendered`).toEqual(await first.body());
    const headers = again.headers();
    expect(headers["cache-control"], url).toMatch(url === photo ? /^public, max-age=31536000, immutable$/ : /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(headers["xkey"], url).toBeTruthy();
    expect(headers["set-cookie"], url).toBeUndefined();
    const revalidated = await request.get(url, { headers: { "If-None-Match": headers["etag"]! } });
    expect(revalidated.status(), url).toBe(304);
  }
  const articleHeaders = (await request.get(article)).headers();
  expect(articleHeaders["xkey"]).toContain(`article-slug:${article.slice("/news/".length)}`);
  expect((await request.get(photo)).headers()["xkey"]).toMatch(/^media:[a-z0-9]+$/);
});

test("build files come from the cache byte for byte", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  const scripts = [...html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]!).slice(0, 4);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const onDisk = fs.readFileSync(path.join(process.cwd(), ".next", "static", src.slice("/_next/static/".length)));
    for (const encoding of ["identity", "gzip", "br"]) {
      const res = await request.get(src, { headers: { "Accept-Encoding": encoding } });
      expect(await res.body(), `${src} (${encoding})`).toEqual(onDisk);
    }
  }
});

test("newsroom, sign-in and API responses are never public and carry no surrogate keys", async ({ browser, request }) => {
  const context = await browser.newContext({ storageState: storageState("reviser") });
  for (const url of ["/newsroom", "/newsroom/articles"]) {
    const res = await context.request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["cache-control"], url).toMatch(/private|no-store/);
    expect(res.headers()["xkey"], url).toBeUndefined();
  }
  await context.close();
  for (const url of ["/login", "/api/health", "/api/auth/session", "/newsroom"]) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.headers()["cache-control"] ?? "", url).not.toMatch(/public/);
    expect(res.headers()["xkey"], url).toBeUndefined();
  }
});

test("a reader's session cookie does not change the public page or add a cookie", async ({ browser, request }) => {
  const anonymous = await (await request.get("/news")).body();
  const context = await browser.newContext({ storageState: storageState("admin") });
  const res = await context.request.get("/news");
  expect(await res.body()).toEqual(anonymous);
  expect(res.headers()["set-cookie"]).toBeUndefined();
  await context.close();
});

test("a photo of a draft that staff have seen is still not served to a reader", async ({ browser, request }) => {
  const hidden = withDb((db) =>
    db.prepare("select m.file_key as fileKey from articles a join media m on m.id = a.lead_media_id where a.status <> 'published' and not exists (select 1 from publication_media pm where pm.media_id = m.id) limit 1").get(),
  ) as { fileKey: string };
  const url = `/media/${hidden.fileKey}/640.webp`;
  // A reader first: the "not found" they get is kept, and must not hide the photo from staff.
  expect((await request.get(url)).status()).toBe(404);
  const staff = await browser.newContext({ storageState: storageState("reviser") });
  const seen = await staff.request.get(url);
  expect(seen.status()).toBe(200);
  expect(seen.headers()["cache-control"]).toMatch(/private/);
  await staff.close();
  expect((await request.get(url)).status()).toBe(404);
});
