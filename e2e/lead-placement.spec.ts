import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState, type DemoRole } from "./support/auth";
import { clickWorkflow } from "./support/actions";
import { withDb } from "./support/db";
import { newArticle } from "./support/editor";
import { testPhoto } from "./support/images";

/*
 * The lead image's words are the article's version's: a drafter's new caption on a live article
 * shows in the preview and reaches readers only once a reviser approved it, and the library's row
 * (shared by other articles) never changes. The focal point is the photo's: moving it changes the
 * live pages at once, also the copies the page cache holds.
 */
test.use({ storageState: storageState("drafter") });

const SHOTS = "/tmp/lead-shots";
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saved = (page: Page) => expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
const leadRegion = (page: Page) => page.getByRole("region", { name: "Lead image" });
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

async function approve(browser: Browser, id: number) {
  const reviser = await as(browser, "reviser");
  await reviser.goto(`/newsroom/articles/${id}`);
  await clickWorkflow(reviser, "Approve and publish");
  await expect(reviser.getByText("Published", { exact: true })).toBeVisible();
  await reviser.context().close();
}

test("a new lead caption on a live article waits for approval; a focal change reaches cached pages at once", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const title = `Welcome week opens at the gate ${Date.now()}`;
  const id = await newArticle(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Standfirst").fill("New students arrived on Monday.");
  await body(page).click();
  await page.keyboard.type("The banner went up at dawn.");
  await page.getByRole("checkbox", { name: "Campus Life" }).check();
  const lead = leadRegion(page);
  await lead.getByLabel("Upload", { exact: true }).setInputFiles(await testPhoto("gate.png", "#c9a227"));
  await expect(lead.getByLabel("Lead alt text (required)")).toBeVisible();

  // Alt text is required, and the editor says so.
  await lead.getByLabel("Lead alt text (required)").fill("");
  await expect(lead.getByText("the article cannot go to review without alt text for its lead image")).toBeVisible();
  await lead.getByLabel("Lead alt text (required)").fill("A yellow banner over the gate");
  await lead.getByLabel("Lead caption").fill("Welcome week banner.");
  await lead.getByLabel("Lead credit").fill("Photo: News Office");
  await saved(page);
  const leadId = (withDb((db) => db.prepare("select lead_media_id as lead from articles where id = ?").get(id)) as { lead: number }).lead;
  const libraryRow = withDb((db) => db.prepare("select alt, caption, credit from media where id = ?").get(leadId));
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await approve(browser, id);

  const slug = (withDb((db) => db.prepare("select slug from articles where id = ?").get(id)) as { slug: string }).slug;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/news/${slug}`);
  const leadFigure = reader.getByRole("main").getByRole("figure").first();
  await expect(leadFigure).toContainText("Welcome week banner.");
  await expect(leadFigure).toContainText("Photo: News Office");
  await expect(leadFigure.getByRole("img", { name: "A yellow banner over the gate" })).toBeVisible();

  // The drafter starts a new version and rewrites the lead's words.
  await page.reload();
  await workflow(page).getByRole("button", { name: "Edit again" }).click();
  await expect(page.getByText("Draft · live version on site", { exact: true })).toBeVisible();
  await lead.getByLabel("Lead caption").fill("Banner for the new term, not yet reviewed.");
  await lead.getByLabel("Lead alt text (required)").fill("Students under a yellow banner");
  await saved(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/editor-lead-1280.png`, fullPage: true });
  // The library keeps its own words for every other article.
  expect(withDb((db) => db.prepare("select alt, caption, credit from media where id = ?").get(leadId))).toEqual(libraryRow);

  // The preview shows the new words …
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("main").getByRole("figure").first()).toContainText("Banner for the new term, not yet reviewed.");
  // … readers still the approved ones, fresh or from the page cache.
  for (let i = 0; i < 2; i++) {
    const html = await (await request.get(`/news/${slug}`)).text();
    expect(html).toContain("Welcome week banner.");
    expect(html).not.toContain("not yet reviewed");
    expect(html).not.toContain("Students under a yellow banner");
  }
  await reader.reload();
  await expect(leadFigure).toContainText("Welcome week banner.");

  // The focal point is the photo's: the cached article and home pages follow it at once.
  for (const path of [`/news/${slug}`, "/"]) await request.get(path);
  await page.goto(`/newsroom/articles/${id}`);
  await lead.getByLabel("From left (%)").fill("20");
  await lead.getByLabel("From top (%)").fill("70");
  await expect.poll(() => withDb((db) => db.prepare("select focal_x as x, focal_y as y from media where id = ?").get(leadId))).toEqual({ x: 20, y: 70 });
  for (const path of [`/news/${slug}`, "/"]) {
    await expect.poll(async () => (await (await request.get(path)).text()).includes("object-position:20% 70%"), { message: path }).toBe(true);
  }
  await reader.reload();
  await expect(leadFigure.getByRole("img")).toHaveCSS("object-position", "20% 70%");

  // Approved: now readers see the new words.
  await saved(page);
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/^In review/)).toBeVisible();
  await approve(browser, id);
  await reader.reload();
  await expect(leadFigure).toContainText("Banner for the new term, not yet reviewed.");
  await expect(leadFigure.getByRole("img", { name: "Students under a yellow banner" })).toBeVisible();
  await expectNoAxeViolations(reader);
  await reader.screenshot({ path: `${SHOTS}/article-1280.png` });
  await reader.setViewportSize({ width: 390, height: 844 });
  await reader.screenshot({ path: `${SHOTS}/article-390.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await lead.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/editor-lead-390.png` });
});

test("lead words typed while the server is unreachable survive a closed tab and are saved when it returns", async ({ page, context }) => {
  const id = await newArticle(page);
  await page.getByLabel("Title").fill("Lead words on the train");
  await leadRegion(page).getByLabel("Upload", { exact: true }).setInputFiles(await testPhoto("train.png", "#3a6ea5"));
  await expect(leadRegion(page).getByLabel("Lead alt text (required)")).toBeVisible();
  await saved(page);
  await context.setOffline(true);
  await leadRegion(page).getByLabel("Lead caption").fill("Typed between two stations.");
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Offline", { timeout: 15_000 });
  // The tab is closed before the network returns: the copy in this browser is all there is.
  await page.close({ runBeforeUnload: false });
  await context.setOffline(false);

  const again = await context.newPage();
  await again.goto(`/newsroom/articles/${id}`);
  await expect(leadRegion(again).getByLabel("Lead caption")).toHaveValue("Typed between two stations.");
  await saved(again);
  expect(withDb((db) => db.prepare("select lead_caption as caption from articles where id = ?").get(id))).toEqual({ caption: "Typed between two stations." });
});
