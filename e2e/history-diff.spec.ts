import { expect, test, type Browser } from "@playwright/test";
import { callAction, transition, writeArticle } from "./support/actions";
import { expectNoAxeViolations } from "./support/axe";
import { storageState, type DemoRole } from "./support/auth";
import { withDb } from "./support/db";

const SHOTS = "/tmp/review-shots";
const text = (t: string) => [{ type: "text", text: t }];
const p = (t: string) => ({ type: "paragraph", content: text(t) });
const h2 = (t: string) => ({ type: "heading", attrs: { level: 2 }, content: text(t) });
const ul = (...items: string[]) => ({ type: "bulletList", content: items.map((t) => ({ type: "listItem", content: [p(t)] })) });
const doc = (...content: object[]) => ({ type: "doc", content });
const photo = (mediaId: number, caption: string) => ({ type: "image", attrs: { mediaId, alt: "A ferry at a quay", caption } });

async function api(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageState(role) });
  return { context, request: context.request };
}

function save(request: import("@playwright/test").APIRequestContext, articleId: number, baseVersion: number, title: string, body: object, topicIds: number[]) {
  const payload = { articleId, baseVersion, title, standfirst: "", body, topicIds, leadMediaId: null, noFold: true };
  return callAction(request, "saveArticleAction", { payload: JSON.stringify(payload) }, { page: `/newsroom/articles/${articleId}` });
}

test("the history compares blocks (headings, list items, paragraphs) and marks the live revision", async ({ browser }) => {
  const topic = withDb((db) => db.prepare("select id from topics where slug = 'research'").get()) as { id: number };
  const media = withDb((db) => db.prepare("select id from media order by id limit 1").get()) as { id: number };
  const title = `Spring ferry timetable ${Date.now()}`;
  const drafter = await api(browser, "drafter");
  const reviser = await api(browser, "reviser");
  const { id } = await writeArticle(drafter.request, { title, topicIds: [topic.id], body: doc(p("The ferry runs a new timetable."), h2("What changes"), ul("Morning boats leave at 7:50", "Evening boats leave at 18:10"), photo(media.id, "The north quay at dawn.")) });
  expect((await transition(drafter.request, id, "submit", 2)).result?.ok).toBe(true);
  expect((await transition(reviser.request, id, "approve", 2)).result?.ok).toBe(true);
  // A new working copy after it went live: a heading, an item and a paragraph change.
  expect((await transition(reviser.request, id, "edit_again", 2)).result?.ok).toBe(true);
  const edited = doc(p("The ferry runs a new timetable."), h2("What changes in March"), p("Tickets stay the same price."), ul("Morning boats leave at 7:50", "Evening boats leave at 18:30"), photo(media.id, "The north quay at dusk."));
  const saved = await save(reviser.request, id, 2, title, edited, [topic.id]);
  expect(saved.result?.ok, JSON.stringify(saved.result)).toBe(true);

  const page = await (await browser.newContext({ storageState: storageState("reviser") })).newPage();
  await page.goto(`/newsroom/articles/${id}/history`);
  const rows = page.getByRole("table").getByRole("row");
  // Newest first: the working copy, then the live revision.
  await expect(rows.nth(1)).toContainText("Working copy");
  await expect(rows.nth(1)).toContainText("Helen Marchetti");
  await expect(rows.nth(2)).toContainText(/Live since/);
  await expect(rows.nth(2).locator("time").first()).toHaveAttribute("datetime", /^\d{4}-/);
  await expect(page.getByText(/Live since/)).toHaveCount(1);

  const changes = page.getByRole("region", { name: "Changes in body" });
  // Each block in its own row, labelled by kind and change in words, not by colour alone.
  await expect(changes.getByRole("listitem").filter({ hasText: "Changed · Heading 2" })).toContainText("What changes [added: in March]");
  await expect(changes.getByRole("listitem").filter({ hasText: "Changed · Heading 2" }).locator("ins")).toHaveText("[added: in March]");
  await expect(changes.getByRole("listitem").filter({ hasText: "Added · Paragraph" })).toContainText("Tickets stay the same price.");
  const item = changes.getByRole("listitem").filter({ hasText: "Changed · List item" });
  await expect(item).toHaveCount(1);
  await expect(item.locator("del")).toHaveText("[removed: 18:10]");
  await expect(item.locator("ins")).toHaveText("[added: 18:30]");
  // The unchanged list item stays a list item of its own, not run into its neighbour.
  await expect(changes.getByRole("listitem").filter({ hasText: "Morning boats leave at 7:50" })).toHaveCount(1);
  await expect(changes.getByRole("listitem").filter({ hasText: "Morning boats leave at 7:50" })).not.toContainText("Evening");
  // A photo as a thumbnail, its caption compared word by word.
  const picture = changes.getByRole("listitem").filter({ hasText: "Changed · Photo" });
  await expect(picture.getByRole("img", { name: "A ferry at a quay" })).toBeVisible();
  await expect(picture.locator("del")).toHaveText("[removed: dawn]");
  await expect(picture.locator("ins")).toHaveText("[added: dusk]");
  // A heading looks like a heading: larger than the paragraphs around it.
  const size = async (t: string) => Number.parseFloat(await changes.getByText(t, { exact: true }).first().evaluate((el) => getComputedStyle(el.closest("p") ?? el).fontSize));
  expect(await size("The ferry runs a new timetable.")).toBeLessThan(await size("What changes"));
  await page.screenshot({ path: `${SHOTS}/history-diff.png`, fullPage: true });
  await expectNoAxeViolations(page);

  // At phone width the page still reads (no sideways scrolling of the comparison).
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await changes.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/history-diff-phone.png`, fullPage: true });
});

test("the preview shows the page at phone width in a frame that really reflows, never cached", async ({ browser, request }) => {
  const topic = withDb((db) => db.prepare("select id from topics where slug = 'research'").get()) as { id: number };
  const drafter = await api(browser, "drafter");
  const title = `Preview at phone width ${Date.now()}`;
  const { id } = await writeArticle(drafter.request, { title, topicIds: [topic.id], body: doc(p("A paragraph long enough to wrap on a phone screen when it is shown at three hundred and ninety pixels.")) });
  const page = await drafter.context.newPage();
  const response = await page.goto(`/newsroom/articles/${id}/preview`);
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  const desktop = page.getByRole("button", { name: "Desktop" });
  const phone = page.getByRole("button", { name: /Phone/ });
  await expect(desktop).toHaveAttribute("aria-pressed", "true");
  await expect(phone).toHaveAttribute("aria-pressed", "false");
  const desktopSize = await page.getByRole("heading", { level: 1, name: title }).evaluate((el) => getComputedStyle(el).fontSize);

  await phone.click();
  await expect(phone).toHaveAttribute("aria-pressed", "true");
  await expect(desktop).toHaveAttribute("aria-pressed", "false");
  const frame = page.getByTitle("Preview at phone width (390 px)").contentFrame();
  const heading = frame.getByRole("heading", { level: 1, name: title });
  await expect(heading).toBeVisible();
  await expect(frame.getByText("Draft: Maya Lindqvist")).toBeVisible();
  expect(await heading.evaluate(() => window.innerWidth)).toBe(390);
  // The public page's own phone layout: the headline steps down from its desktop size.
  const phoneSize = await heading.evaluate((el) => getComputedStyle(el).fontSize);
  expect(Number.parseFloat(phoneSize)).toBeLessThan(Number.parseFloat(desktopSize));
  await page.screenshot({ path: `${SHOTS}/preview-phone.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await desktop.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Not readable by anyone outside the newsroom.
  expect((await request.get(`/newsroom/articles/${id}/preview`, { maxRedirects: 0 })).status()).not.toBe(200);
});
