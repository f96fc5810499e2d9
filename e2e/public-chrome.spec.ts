import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { withDb } from "./support/db";

/*
 * The public site as a whole: a home page that names each story once, with a photo per topic
 * section; a menu that says where the reader is; 404s that are real pages; the feeds linked;
 * a footer with the news office's contact and policies.
 */

const storyLinks = (page: Page) => page.getByRole("main").getByRole("heading").getByRole("link");

test("the home page shows every story once: lead, latest news and topic sections never repeat", async ({ page }) => {
  await page.goto("/");
  const hrefs = await storyLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(9);
  expect(hrefs.every((h) => /^\/news\/[a-z0-9-]+$/.test(h ?? ""))).toBe(true);
  expect(hrefs.length - new Set(hrefs).size, `repeated: ${hrefs.filter((h, i) => hrefs.indexOf(h) !== i).join(", ")}`).toBe(0);
  // Every photo link on the page leads to a story that is also named by its headline.
  const photoHrefs = await page.getByRole("main").locator("a:has(img)").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  for (const href of photoHrefs) expect(hrefs).toContain(href);
  // Only live articles: every story is in publications.
  const live = new Set((withDb((db) => db.prepare("select slug from publications").all()) as { slug: string }[]).map((r) => `/news/${r.slug}`));
  for (const href of hrefs) expect(live.has(href!), href!).toBe(true);
});

test("topic sections on the home page lead with a photograph, one high-priority photo per page", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const topics = (withDb((db) => db.prepare("select name from topics order by position").all()) as { name: string }[]).map((t) => t.name);
    const sections = [];
    for (const name of topics) {
      const region = page.getByRole("region", { name, exact: true });
      if ((await region.count()) > 0) sections.push(region);
    }
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      const photo = section.locator("img").first();
      await photo.scrollIntoViewIfNeeded();
      await expect(photo).toBeVisible();
      await expect(photo).toHaveAttribute("width", /^\d+$/);
      await expect(photo).toHaveAttribute("height", /^\d+$/);
      await expect(photo).toHaveAttribute("sizes", /\(min-width: 48rem\) calc\(50vw - 2rem\), calc\(100vw - 2rem\)$/);
      // The photo is loaded and drawn at the width the sizes attribute promised (±2 px).
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const box = (await photo.boundingBox())!;
      const main = (await page.getByRole("main").boundingBox())!;
      const expected = width >= 768 ? (main.width - 32 - 32) / 2 : main.width - 32;
      expect(Math.abs(box.width - expected)).toBeLessThan(3);
    }
    await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
  }
});

test("the menu marks the page the reader is on, and only that page", async ({ page }) => {
  const menu = page.getByRole("navigation", { name: "Sections" });
  const current = menu.locator('[aria-current="page"]');

  await page.goto("/topics/research");
  await expect(current).toHaveCount(1);
  await expect(menu.getByRole("link", { name: "Research", exact: true })).toHaveAttribute("aria-current", "page");
  // Visible too, not only to screen readers: the current entry has a coloured bar under it.
  const bar = await menu.getByRole("link", { name: "Research", exact: true }).evaluate((a) => getComputedStyle(a).borderBottomColor);
  const other = await menu.getByRole("link", { name: "Latest news" }).evaluate((a) => getComputedStyle(a).borderBottomColor);
  expect(bar).not.toBe(other);

  await page.goto("/news");
  await expect(current).toHaveCount(1);
  await expect(menu.getByRole("link", { name: "Latest news" })).toHaveAttribute("aria-current", "page");

  // The front page and an article are no menu entry's page.
  await page.goto("/");
  await expect(current).toHaveCount(0);
  await page.getByRole("main").getByRole("heading").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/news\/[a-z0-9-]+$/);
  await expect(current).toHaveCount(0);
});

test("every unknown URL answers 404 with the site's header, search, footer and a way back", async ({ page, request }) => {
  for (const url of ["/nothing-here", "/news/unknown-slug", "/topics/unknown", "/some/deeper/path"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Halden University News" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByRole("search", { name: "Search the news", exact: true })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Front page" })).toBeVisible();
    // Asked again (the page cache's second answer), still a 404 and never a public 200.
    const again = await request.get(url);
    expect(again.status(), url).toBe(404);
  }
  // A search from the 404 page works.
  await page.goto("/nothing-here");
  const field = page.getByRole("searchbox", { name: "Search the news for what you were looking for" });
  await field.fill("river");
  await field.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=river$/);
});

test("the feeds are linked from public pages, and every enclosure states the bytes it serves", async ({ page, request }) => {
  for (const path of ["/", "/news", "/accessibility", "/topics/research"]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/feed\.xml$/);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "RSS feed" })).toHaveAttribute("href", "/feed.xml");
  }
  await page.goto("/topics/research");
  await page.getByRole("link", { name: "RSS feed of Research" }).click();
  await expect(page).toHaveURL(/\/topics\/research\/feed\.xml$/);

  const xml = await (await request.get("/feed.xml")).text();
  const enclosures = [...xml.matchAll(/<enclosure url="([^"]+)" length="(\d+)" type="image\/jpeg"\/>/g)];
  expect(enclosures.length).toBeGreaterThan(5);
  for (const [, url, length] of enclosures) {
    const photo = await request.get(new URL(url!).pathname);
    expect(photo.status()).toBe(200);
    expect(Number(length), url).toBe((await photo.body()).length);
  }
});

test("the footer gives the news office's contact, the policies and the feed", async ({ page, request }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "news@halden.example.edu" })).toHaveAttribute("href", "mailto:news@halden.example.edu");
  await expect(footer.getByText("14 Riverside Quay, Halden")).toBeVisible();
  for (const [name, heading] of [
    ["Accessibility", "Accessibility statement"],
    ["About the news office", "About the news office"],
    ["Privacy", "Privacy"],
  ] as const) {
    await page.goto("/");
    await footer.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  await page.goto("/accessibility");
  const main = page.getByRole("main");
  await expect(main.getByText(/WCAG\) 2\.2 at level AA/)).toBeVisible();
  await expect(main.getByText(/checked\s+automatically with axe/)).toBeVisible();
  await expect(main.getByRole("heading", { name: "Report a problem" })).toBeVisible();
  await expect(main.getByRole("link", { name: "news@halden.example.edu" })).toHaveAttribute("href", /^mailto:news@halden\.example\.edu/);

  // Public and cacheable like the other pages, and in the sitemap.
  for (const path of ["/about", "/accessibility", "/privacy"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(headers["xkey"], path).toContain("topics");
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/accessibility<\/loc>/);
});

test("new and changed pages have no accessibility violations, on a desktop and a phone", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/", "/topics/research", "/news", "/accessibility", "/about", "/privacy", "/nothing-here", "/news/unknown-slug"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  }
});
