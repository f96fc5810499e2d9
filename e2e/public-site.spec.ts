import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { withDb } from "./support/db";

interface Row {
  slug: string;
  title: string;
}

interface Node {
  type: string;
  attrs?: { caption?: string };
  content?: Node[];
}

function imageCaptions(node: Node): string[] {
  const own = node.type === "image" ? [node.attrs?.caption ?? ""] : [];
  return [...own, ...(node.content ?? []).flatMap(imageCaptions)];
}

function publishedWithPhotos(): Row & { articleId: number; drafter: string; reviser: string } {
  return withDb((db) =>
    db
      .prepare(
        `select p.article_id as articleId, p.slug, p.title,
                (select u.name from article_drafters d join users u on u.id = d.user_id where d.article_id = p.article_id) as drafter,
                (select u.name from users u where u.id = p.reviser_id) as reviser
           from publications p
          where (select count(*) from json_tree(p.body) where json_tree.type = 'object' and json_extract(json_tree.value, '$.type') = 'image') >= 2
          limit 1`,
      )
      .get(),
  ) as Row & { articleId: number; drafter: string; reviser: string };
}

test("a reader goes from the home page to a topic, to an article and back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Halden University News" })).toBeVisible();
  await expect(page.getByText(/News and events from the university about research/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest news" })).toBeVisible();

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Research" }).click();
  await expect(page).toHaveURL(/\/topics\/research$/);
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();

  const first = page.getByRole("main").getByRole("heading", { level: 2 }).first();
  const title = (await first.textContent())!.trim();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/news\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Topics:")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/topics\/research$/);
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
});

test("an article shows its photographs with captions and every credit line", async ({ page }) => {
  const article = publishedWithPhotos();
  const stored = withDb((db) =>
    db.prepare("select body from publications where article_id = ?").get(article.articleId),
  ) as { body: string };
  const captions = imageCaptions(JSON.parse(stored.body));
  expect(captions.length).toBeGreaterThanOrEqual(2);

  const response = await page.goto(`/news/${article.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();

  const body = page.locator("article .article-body");
  const figures = body.getByRole("figure");
  await expect(figures).toHaveCount(captions.length);
  for (const [i, caption] of captions.entries()) {
    await expect(figures.nth(i).locator("figcaption")).toContainText(caption);
    await expect(figures.nth(i).getByRole("img")).toHaveAttribute("alt", /\S/);
  }
  // Figures stand between paragraphs, not at the start or the end of the body.
  const order = await body.evaluate((el) => [...el.children].map((c) => c.tagName));
  expect(order[0]).not.toBe("FIGURE");
  expect(order.at(-1)).not.toBe("FIGURE");

  const credits = page.getByRole("region", { name: "About this article" });
  await expect(credits).toContainText(`Draft: ${article.drafter}`);
  await expect(credits).toContainText(`Revision: ${article.reviser}`);
  await expect(credits).toContainText(/Topics: \S/);
  await expect(credits).toContainText(/Date: [A-Z][a-z]+ \d{1,2}, 20\d\d/);
  await expect(credits).toContainText(/Views: [\d,]+/);

  // The photographs themselves load, as AVIF in Chromium, with nosniff; WebP and JPEG remain.
  const img = figures.first().getByRole("img");
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
  const media = await page.request.get(src);
  expect(media.status()).toBe(200);
  expect(media.headers()["content-type"]).toBe("image/avif");
  expect(media.headers()["x-content-type-options"]).toBe("nosniff");
  expect(src).toMatch(/\/\d+\.avif$/);
  for (const [ext, type] of [["webp", "image/webp"], ["jpg", "image/jpeg"]] as const) {
    const fallback = await page.request.get(src.replace(/avif$/, ext));
    expect(fallback.status()).toBe(200);
    expect(fallback.headers()["content-type"]).toBe(type);
  }
});

test("articles that are not published answer 404 with a real page, by every URL", async ({ page, request }) => {
  const hidden = withDb((db) =>
    db
      .prepare(
        `select a.slug, a.title, m.file_key as fileKey from articles a join media m on m.id = a.lead_media_id
          where a.status <> 'published' and a.title <> '' order by a.status`,
      )
      .all(),
  ) as (Row & { fileKey: string })[];
  expect(hidden.length).toBeGreaterThanOrEqual(3);
  for (const article of hidden) {
    const response = await page.goto(`/news/${article.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(article.title)).toHaveCount(0);
    // Its photograph is not served to readers either.
    for (const file of ["640.avif", "640.webp"]) expect((await request.get(`/media/${article.fileKey}/${file}`)).status()).toBe(404);
  }
  for (const path of ["/", "/news", "/news?page=2", "/news?page=3", "/topics/research"]) {
    const html = await (await request.get(path)).text();
    for (const article of hidden) expect(html).not.toContain(article.slug);
  }

  const missing = await page.goto("/no/such/page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await request.get("/topics/no-such-topic")).status()).toBe(404);
  expect((await request.get("/news?page=999")).status()).toBe(404);
  expect((await request.get("/news?page=abc")).status()).toBe(404);
});

test("/news and topic pages paginate", async ({ page }) => {
  const total = withDb((db) => (db.prepare("select count(*) as n from publications").get() as { n: number }).n);
  const pages = Math.ceil(total / 12);
  expect(pages).toBeGreaterThanOrEqual(3);

  await page.goto("/news");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText(`Page 1 of ${pages}`);
  const firstPageTitles = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(firstPageTitles).toHaveLength(12);

  await pagination.getByRole("link", { name: /Older/ }).click();
  await expect(page).toHaveURL(/\/news\?page=2$/);
  await expect(pagination).toContainText(`Page 2 of ${pages}`);
  const secondPageTitles = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(secondPageTitles.filter((t) => firstPageTitles.includes(t))).toEqual([]);

  await page.goto(`/news?page=${pages}`);
  await expect(pagination.getByRole("link", { name: /Older/ })).toHaveCount(0);
  await pagination.getByRole("link", { name: /Newer/ }).click();
  await expect(pagination).toContainText(`Page ${pages - 1} of ${pages}`);

  // Newest first across the whole listing.
  const dates = withDb((db) =>
    db.prepare("select slug from publications order by published_at desc, article_id desc limit 12").all(),
  ) as { slug: string }[];
  await page.goto("/news");
  const hrefs = await page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link").evaluateAll((els) =>
    els.map((e) => e.getAttribute("href")),
  );
  expect(hrefs).toEqual(dates.map((d) => `/news/${d.slug}`));
});

test("a former slug redirects to the article's current URL", async ({ page, request }) => {
  const article = publishedWithPhotos();
  withDb((db) =>
    db.prepare("insert or ignore into slug_redirects (slug, article_id) values (?, ?)").run("an-older-headline", article.articleId),
  );
  const response = await request.get("/news/an-older-headline", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  const locations = response.headersArray().filter((h) => h.name.toLowerCase() === "location");
  expect(locations.length).toBeGreaterThan(0);
  for (const location of locations) expect(location.value).toBe(`/news/${article.slug}`);

  await page.goto("/news/an-older-headline");
  await expect(page).toHaveURL(new RegExp(`/news/${article.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
});

test("home, a topic page and an article have no accessibility violations", async ({ page }) => {
  const article = publishedWithPhotos();
  for (const path of ["/", "/topics/campus-life", `/news/${article.slug}`, "/news?page=2", "/no-such-page"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});
