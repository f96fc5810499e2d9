import { expect, test } from "@playwright/test";
import Parser from "rss-parser";
import { expectNoAxeViolations } from "./support/axe";
import { withDb } from "./support/db";

const READER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

function liveArticle(): { articleId: number; slug: string; title: string } {
  return withDb((db) =>
    db.prepare("select article_id as articleId, slug, title from publications where lead_media_id is not null order by published_at desc limit 1").get(),
  ) as { articleId: number; slug: string; title: string };
}

test("a reader searches from the header and sees ranked, highlighted results", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search", { name: "Search the news" }).getByLabel("Search the news");
  await box.fill("harbour");
  await box.press("Enter");
  await page.waitForURL((u) => u.pathname === "/search" && u.searchParams.get("q") === "harbour");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(/\d+ articles? match(es)? “harbour”/);
  const results = page.getByRole("main").getByRole("listitem");
  expect(await results.count()).toBeGreaterThan(0);
  await expect(results.first().locator("mark").first()).toHaveText(/harbour/i);
  await expectNoAxeViolations(page);

  const first = results.first().getByRole("heading", { level: 2 });
  const title = (await first.textContent())!.trim();
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("awkward search input never fails and an empty search explains itself", async ({ page }) => {
  for (const q of ['"', "*", "NEAR", "NEAR(a b)", "(", "climate-change", "Zoë café", "大学新闻", '"unclosed', "a OR", "%", "<script>"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search for" })).toHaveValue(q);
  }
  await page.goto("/search");
  await expect(page.getByText("Type a word or two and press Search.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Latest news" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/search?q=zzzqqqxxx");
  await expect(page.getByRole("status")).toHaveText("No articles match “zzzqqqxxx”.");
  expect((await page.request.get("/search?q=harbour&page=999")).status()).toBe(404);
});

test("the feeds are valid RSS with every field, and pages link to them", async ({ page, request }) => {
  const res = await request.get("/feed.xml");
  expect(res.headers()["content-type"]).toContain("application/rss+xml");
  const feed = await new Parser({ customFields: { item: ["dc:creator", "enclosure"] } }).parseString(await res.text());
  const live = withDb((db) => db.prepare("select slug, title, standfirst, lead_media_id as lead from publications order by published_at desc limit 20").all()) as {
    slug: string;
    title: string;
    standfirst: string;
    lead: number | null;
  }[];
  expect(feed.items.map((i) => i.title)).toEqual(live.map((a) => a.title));
  // Other tests publish short pieces without photos too: an enclosure exactly when there is a lead.
  expect(live.filter((a) => a.lead !== null).length).toBeGreaterThan(10);
  for (const [i, item] of feed.items.entries()) {
    expect(item.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/[a-z0-9-]+$/);
    expect(item.pubDate).toBeTruthy();
    // The description is the standfirst (HTML text); a piece without one has an empty one.
    expect(item.content?.length ?? 0).toBeGreaterThanOrEqual(Math.min(1, live[i]!.standfirst.length));
    expect(item["dc:creator"]).toMatch(/\S/);
    expect(item.categories?.length).toBeGreaterThan(0);
    if (live[i]!.lead !== null) {
      expect(item.content?.length).toBeGreaterThan(20);
      expect(item.enclosure?.url).toMatch(/\/media\/\w+\/\d+\.jpg$/);
    } else expect(item.enclosure).toBeUndefined();
  }
  const topicFeed = await new Parser().parseString(await (await request.get("/topics/research/feed.xml")).text());
  expect(topicFeed.title).toContain("Research");
  expect(topicFeed.items.length).toBeGreaterThan(0);
  expect((await request.get("/topics/no-such-topic/feed.xml")).status()).toBe(404);

  await page.goto("/topics/research");
  const alternates = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
  await expect(alternates).toHaveCount(2);
  await expect(alternates.nth(1)).toHaveAttribute("href", /\/topics\/research\/feed\.xml$/);
});

test("sitemap lists every live article and no draft; robots keeps crawlers out of the newsroom", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  const { live, hidden } = withDb((db) => ({
    live: db.prepare("select slug from publications").all() as { slug: string }[],
    hidden: db.prepare("select slug from articles where id not in (select article_id from publications)").all() as { slug: string }[],
  }));
  expect(hidden.length).toBeGreaterThan(0);
  for (const { slug } of live) expect(xml).toContain(`/news/${slug}</loc>`);
  for (const { slug } of hidden) expect(xml).not.toContain(`/news/${slug}<`);
  expect(xml).toContain("/topics/research</loc>");
  expect(xml).toMatch(/<lastmod>20\d\d-\d\d-\d\dT/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /newsroom");
  expect(robots).toContain("Disallow: /login");
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/news-sitemap\.xml/);
  // The Google News sitemap is well-formed and lists no draft.
  const news = await request.get("/news-sitemap.xml");
  expect(news.headers()["content-type"]).toContain("application/xml");
  const newsXml = await news.text();
  expect(newsXml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  for (const { slug } of hidden) expect(newsXml).not.toContain(`/news/${slug}<`);
});

test("an article has a canonical URL, share cards and parsable NewsArticle JSON-LD", async ({ page }) => {
  const article = liveArticle();
  await page.goto(`/news/${article.slug}`);
  await expect(page).toHaveTitle(`${article.title} — Halden University News`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/news/${article.slug}$`));
  await expect(page.locator('head meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/.+\/media\/\w+\/\d+\.jpg$/);
  await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", /\S.{9,}/);
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(json!);
  expect(data).toMatchObject({ "@type": "NewsArticle", headline: article.title, publisher: { name: "Halden University News" } });
  expect(data.author.length).toBeGreaterThan(0);
  expect(Date.parse(data.datePublished)).not.toBeNaN();
  expect(data.image[0]).toMatch(/\.jpg$/);
});

test("every public page sends its title, canonical URL, description and feed link in the head, to a browser as to a crawler", async ({ request }) => {
  const article = liveArticle();
  // A search nobody asked before is rendered then and there: metadata that waits on data can
  // come after the page itself, and was then streamed into the body (about one render in 30).
  const fresh = Array.from({ length: 100 }, (_, i) => `/search?q=${encodeURIComponent(`harbour ${i} ${Date.now()}`)}`);
  const pages = ["/", "/news", `/news/${article.slug}`, "/topics/research", "/accessibility"];
  for (const userAgent of [READER_UA, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"]) {
    for (const path of userAgent === READER_UA ? [...pages, ...fresh] : [...pages, fresh[0]!]) {
      const html = await (await request.get(path, { headers: { "user-agent": userAgent } })).text();
      const head = html.slice(0, html.indexOf("</head>"));
      const where = `${path} for ${userAgent.slice(0, 20)}`;
      expect(head, where).toMatch(/<title>[^<]*Halden University News<\/title>/);
      expect(head, where).toMatch(/<link rel="canonical" href="http[^"]+"/);
      expect(head, where).toMatch(/<meta name="description" content="[^"]{10,}"/);
      expect(head, where).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="http[^"]+\/feed\.xml"/);
      // Once only: nothing of it is streamed again further down the page.
      expect(html.match(/<link rel="canonical"/g), where).toHaveLength(1);
    }
  }
});

test("share links need no third-party script and no page makes an external request", async ({ browser }) => {
  const context = await browser.newContext({ userAgent: READER_UA });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  const article = liveArticle();
  for (const path of ["/", "/news", "/topics/research", "/search?q=harbour", `/news/${article.slug}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect([...origins]).toEqual([new URL(page.url()).origin]);

  const share = page.getByRole("region", { name: "Share this article" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/news/${article.slug}$`));
  await expect(share.getByRole("link", { name: "Share by e-mail" })).toHaveAttribute("href", /^mailto:\?subject=.+&body=.+/);
  await context.close();
});

test("a reader's visit counts once however often they reload; a headless bot never counts", async ({ browser, page }) => {
  const article = liveArticle();
  const views = () =>
    withDb((db) => (db.prepare("select view_count as n from articles where id = ?").get(article.articleId) as { n: number }).n);
  const before = views();

  // The default test browser announces itself as HeadlessChrome: a bot.
  const botBeacon = page.waitForRequest((r) => r.url().endsWith("/api/views"));
  await page.goto(`/news/${article.slug}`);
  await botBeacon;

  const context = await browser.newContext({ userAgent: READER_UA });
  const reader = await context.newPage();
  for (let i = 0; i < 3; i++) {
    const beacon = reader.waitForRequest((r) => r.url().endsWith("/api/views") && r.method() === "POST");
    if (i === 0) await reader.goto(`/news/${article.slug}`);
    else await reader.reload();
    await beacon;
  }
  await context.close();
  // Views are written in batches every few seconds.
  await expect.poll(views, { timeout: 15_000 }).toBe(before + 1);
  await new Promise((r) => setTimeout(r, 6_000));
  expect(views()).toBe(before + 1);
  const today = new Date().toISOString().slice(0, 10);
  const daily = withDb((db) =>
    db.prepare("select views from article_views_daily where article_id = ? and day = ?").get(article.articleId, today),
  ) as { views: number };
  expect(daily.views).toBeGreaterThanOrEqual(1);
});

test("keyboard: the skip link leads to the content and the search box is reachable", async ({ page }) => {
  await page.goto("/news");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.goto("/news");
  const box = page.getByRole("search", { name: "Search the news" }).getByLabel("Search the news");
  for (let i = 0; i < 6 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(box).toBeFocused();
});

test("every public page type passes axe: news list, search results, empty search, topic, article, 404", async ({ page }) => {
  const article = liveArticle();
  for (const path of ["/news", "/search?q=research", "/search", "/topics/research", `/news/${article.slug}`, "/news/no-such-story"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test("the newsroom dashboard shows what was most read this week", async ({ browser }) => {
  const { storageState } = await import("./support/auth");
  const article = liveArticle();
  const today = new Date().toISOString().slice(0, 10);
  withDb((db) =>
    db
      .prepare(
        "insert into article_views_daily (article_id, day, views) values (?, ?, 4321) on conflict (article_id, day) do update set views = views + 4321",
      )
      .run(article.articleId, today),
  );
  const context = await browser.newContext({ storageState: storageState("reviser") });
  const page = await context.newPage();
  await page.goto("/newsroom");
  const panel = page.getByRole("region", { name: "Most read this week" });
  await expect(panel.getByRole("link", { name: article.title })).toBeVisible();
  await expect(panel).toContainText(/4,3\d\d views in 7 days/);
  // Beside the week's count, the total the article page shows, so the two never seem to disagree.
  const total = withDb((db) => (db.prepare("select view_count as n from articles where id = ?").get(article.articleId) as { n: number }).n);
  await expect(panel).toContainText(`${total.toLocaleString("en-US")} ${total === 1 ? "view" : "views"} in all`);
  // The badge counts unread notifications, and is gone (not "0 new") once they are read.
  const heading = page.getByRole("heading", { name: /^Notifications/ });
  if (!(await heading.textContent())?.includes("new")) {
    withDb((db) => db.prepare("insert into notifications (user_id, kind, message) select id, 'review', 'A test notice' from users where email = 'reviser@example.edu'").run());
    await page.reload();
  }
  await expect(heading).toContainText(/\d+ new/);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(heading).toHaveText("Notifications");
  await expectNoAxeViolations(page);
  await context.close();
});
