import { expect, test, type Page } from "@playwright/test";
import Parser from "rss-parser";
import { callAction, transition, writeArticle } from "../support/actions";
import { storageState } from "../support/auth";
import { withDb } from "../support/db";
import { testPhoto } from "../support/images";
import { dbSnapshot } from "../support/snapshot";

/*
 * Content, by raw request and in real pages. Input: bodies the allow-list refuses, POSTed straight
 * to the save action (the editor never sends them), each refused naming the problem with the
 * database unchanged. Output: hostile-but-allowed text in a published article, shown literally in
 * every place content appears, with no element or attribute of the attacker's choosing.
 *
 * Elsewhere: every refused node, mark, attribute and scheme through saveArticleAction, and oversize
 * bodies: tests/security/content.test.ts; validateBody and renderBody alone: tests/content-*.test.ts;
 * JSON-LD escaping alone: tests/json-ld.test.ts.
 */

const MARKER = "Zephyrine"; // a word found by search, in nothing else of the demo content
const TITLE = `${MARKER} <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2"> ]]> {{7*7}} \u2028 end`;
const STANDFIRST = `Standfirst </script><script>window.__pwned=3</script> '"><svg onload=window.__pwned=4> ${MARKER}`;
// The body's caption may not contain tags (the allow-list says so); the library's may.
const CAPTION = `Caption "> ]]> {{constructor.constructor('window.__pwned=5')()}} \u2028 & < script`;
const LIBRARY_CAPTION = `Library "><b onmouseover=window.__pwned=7>caption</b>`;
/** What the title becomes once saved: runs of white space (U+2028 included) fold into one space. */
const SAVED_TITLE = TITLE.replace(/\s+/g, " ").trim();
const BODY_TEXT = `Body <img src=x onerror=window.__pwned=6> </script> ]]> {{7*7}} \u2028 ${MARKER}`;

let articleId = 0;
let slug = "";

test.beforeAll(async ({ playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const photo = await testPhoto("hostile.png", "#884422");
  const upload = await drafter.post(`/api/media?${new URLSearchParams({ alt: `Alt "><img onerror=x>`, caption: LIBRARY_CAPTION, credit: "Credit <i>x</i>" })}`, {
    headers: { "Content-Type": photo.mimeType, Origin: baseURL! },
    data: photo.buffer,
  });
  expect(upload.status()).toBe(201);
  const mediaId = ((await upload.json()) as { photo: { id: number } }).photo.id;
  const topicIds = withDb((db) => db.prepare("select id from topics order by id limit 1").pluck().all()) as number[];
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: BODY_TEXT }] },
      { type: "image", attrs: { mediaId, alt: `Alt "' & > end`, caption: CAPTION } },
      { type: "paragraph", content: [{ type: "text", text: "Second paragraph.", marks: [{ type: "link", attrs: { href: "/news?q=\"><script>" } }] }] },
    ],
  };
  const { id, version } = await writeArticle(drafter, { title: TITLE, standfirst: STANDFIRST, body, topicIds, leadMediaId: mediaId });
  expect((await transition(drafter, id, "submit", version)).result).toMatchObject({ ok: true });
  expect((await transition(reviser, id, "approve", version)).result).toMatchObject({ ok: true });
  articleId = id;
  slug = withDb((db) => db.prepare("select slug from articles where id = ?").pluck().get(id)) as string;
  await Promise.all([drafter.dispose(), reviser.dispose()]);
});

/** Nothing the attacker wrote became markup, and nothing ran. */
async function expectInert(page: Page, where: string) {
  for (const selector of ["img[onerror]", "svg[onload]", "[onmouseover]", "script:not([type='application/ld+json'])"]) {
    const hostile = page.locator(selector).filter({ hasText: /__pwned/ });
    if (selector.startsWith("script")) expect(await hostile.count(), `${where}: ${selector}`).toBe(0);
    else expect(await page.locator(selector).count(), `${where}: ${selector}`).toBe(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), where).toBeUndefined();
}

test("hostile text is shown literally on the article page, with safe meta tags and JSON-LD", async ({ page }) => {
  await page.goto(`/news/${slug}`);
  await expectInert(page, "article page");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__pwned=1</script>");
  await expect(page.getByRole("main")).toContainText('"><svg onload=window.__pwned=4>');
  await expect(page.getByRole("main")).toContainText("<img src=x onerror=window.__pwned=6>");
  await expect(page.getByRole("main").getByText(/\{\{constructor\.constructor/).first()).toBeVisible();
  const link = page.getByRole("link", { name: "Second paragraph." });
  expect(new URL((await link.getAttribute("href"))!, page.url()).origin).toBe(new URL(page.url()).origin);

  // Meta tags hold the text as attribute values, not as markup.
  for (const property of ["og:title", "twitter:title"]) {
    const content = await page.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute("content");
    expect(content, property).toContain("<script>window.__pwned=1</script>");
  }
  expect(await page.locator('meta[property="og:description"]').first().getAttribute("content")).toContain("</script><script>");

  // Exactly one JSON-LD script, and it parses back to the same text: "</script>" did not close it.
  const jsonLd = page.locator('script[type="application/ld+json"]');
  await expect(jsonLd).toHaveCount(1);
  const data = JSON.parse((await jsonLd.textContent())!) as { headline: string; description?: string };
  expect(data.headline).toBe(SAVED_TITLE);
  expect(data.description).toBe(STANDFIRST);
  const html = await (await page.request.get(`/news/${slug}`)).text();
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  expect(script).not.toMatch(/<\/script/i);
  expect(script).not.toContain("<");
});

test("hostile text stays inert in search results and snippets, and in the RSS feed", async ({ page, request }) => {
  await page.goto(`/search?q=${MARKER}`);
  await expectInert(page, "search");
  const results = page.getByRole("main");
  await expect(results.getByRole("link", { name: /Zephyrine/ }).first()).toBeVisible();
  await expect(results).toContainText("<script>window.__pwned=1</script>");

  const xml = await (await request.get("/feed.xml")).text();
  const feed = await new Parser().parseString(xml);
  const item = feed.items.find((i) => i.title?.startsWith(MARKER));
  expect(item, "the article is in the feed").toBeDefined();
  expect(item!.title).toBe(SAVED_TITLE);
  // content:encoded is HTML: the standfirst must arrive escaped, so a reader shows it as text.
  const encoded = (item as unknown as Record<string, string>)["content:encoded"] ?? "";
  expect(encoded).toContain("&lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;");
  expect(encoded).not.toMatch(/<script|<svg/i);
  // So is <description>, which feed readers also show as HTML.
  expect(item!.content ?? "").not.toMatch(/<script|<svg/i);
  expect(item!.content ?? "").toContain("&lt;/script&gt;");
});

test("hostile text stays inert in the newsroom: editor, preview, history, lists and dashboard", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("reviser") });
  const page = await context.newPage();
  for (const [path, check] of [
    [`/newsroom/articles/${articleId}/preview`, async () => expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__pwned=1</script>")],
    [`/newsroom/articles/${articleId}`, async () => expect(page.getByLabel("Title")).toHaveValue(SAVED_TITLE)],
    [`/newsroom/articles/${articleId}/history`, async () => expect(page.getByRole("main")).toContainText("<script>window.__pwned=1</script>")],
    [`/newsroom/articles?q=${MARKER}`, async () => expect(page.getByRole("main")).toContainText("<script>window.__pwned=1</script>")],
    ["/newsroom", async () => expect(page.getByRole("main")).toContainText(MARKER)],
  ] as const) {
    await page.goto(path);
    await check();
    await expectInert(page, path);
  }
  await context.close();
});

test("bodies outside the allow-list, POSTed straight to the save action, are refused naming the problem", async ({ playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const topicIds = withDb((db) => db.prepare("select id from topics order by id limit 1").pluck().all()) as number[];
  const { id, version } = await writeArticle(drafter, { title: "Security: hostile bodies by request", topicIds });
  const p = (...content: unknown[]) => ({ type: "paragraph", content });
  const linked = (href: string) => p({ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] });
  const before = dbSnapshot();
  for (const [node, problem] of [
    [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }, '"script" is not allowed here'],
    [{ type: "iframe", attrs: { src: "https://evil.example" } }, '"iframe" is not allowed here'],
    [p({ type: "text", text: "x", marks: [{ type: "underline" }] }), 'formatting "underline" is not allowed'],
    [{ type: "paragraph", attrs: { style: "x" }, content: [] }, 'attribute "style" is not allowed'],
    [linked("javascript:alert(1)"), "href must be"],
    [linked("java\tscript:alert(1)"), "href must be"],
    [linked("&#106;avascript:alert(1)"), "href must be"],
    [linked("data:text/html,<script>alert(1)</script>"), "href must be"],
    [linked("//evil.example"), "href must be"],
  ] as const) {
    const payload = { articleId: id, baseVersion: version, title: "x", standfirst: "", body: { type: "doc", content: [node] }, topicIds, leadMediaId: null };
    const call = await callAction(drafter, "saveArticleAction", { payload: JSON.stringify(payload) }, { page: `/newsroom/articles/${id}` });
    expect(call.result, problem).toMatchObject({ ok: false, code: "invalid" });
    expect(call.result!.message, problem).toContain("The body cannot be saved:");
    expect(call.result!.message, problem).toContain(problem);
  }
  expect(dbSnapshot()).toBe(before);
  await drafter.dispose();
});
