import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";
import { testPhoto } from "./support/images";
import { newArticle } from "./support/editor";

test.use({ storageState: storageState("drafter") });

const status = (page: Page) => page.getByRole("main").getByRole("status").first();
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });

test("a drafter writes an article with two photographs and captions, and it is all there after a reload", async ({ page }) => {
  const id = await newArticle(page);
  await page.getByLabel("Title").fill("Ferry timetable changes for the spring term");
  await page.getByLabel("Standfirst").fill("Boats leave ten minutes earlier from March.");
  await body(page).click();
  await page.keyboard.type("The university ferry runs on a new timetable from March.");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Heading 2" }).click();
  await page.keyboard.type("What changes");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Morning boats leave at ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("7:50");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" instead of 8:00.");

  const fileInput = page.getByRole("toolbar", { name: "Formatting" }).getByLabel("Add photo");
  await fileInput.setInputFiles(await testPhoto("quay.png", "#2a6f97"));
  await expect(page.getByLabel("Caption")).toHaveCount(1);
  await page.getByLabel("Caption").first().fill("The ferry at the north quay.");
  await page.getByLabel("Alt text (required)").first().fill("A blue ferry moored at a quay");
  // The next photo goes after the paragraph the cursor is in: the empty one after the first photo.
  await body(page).locator("p").last().click();
  await fileInput.setInputFiles(await testPhoto("deck.png", "#9c6644"));
  await expect(page.getByLabel("Caption")).toHaveCount(2);
  await page.getByLabel("Caption").nth(1).fill("Passengers on the upper deck.");
  await page.getByLabel("Alt text (required)").nth(1).fill("People standing on a ferry deck");
  await page.getByRole("button", { name: "Use as lead image" }).first().click();
  await page.getByRole("checkbox", { name: "Campus Life" }).check();
  await expect(page.getByText(/\d+ words · 1 min read/)).toBeVisible();
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue("Ferry timetable changes for the spring term");
  await expect(page.getByLabel("Standfirst")).toHaveValue("Boats leave ten minutes earlier from March.");
  await expect(body(page).getByRole("heading", { name: "What changes" })).toBeVisible();
  await expect(body(page).locator("strong", { hasText: "7:50" })).toBeVisible();
  await expect(page.getByLabel("Caption")).toHaveCount(2);
  await expect(page.getByLabel("Caption").nth(0)).toHaveValue("The ferry at the north quay.");
  await expect(page.getByLabel("Caption").nth(1)).toHaveValue("Passengers on the upper deck.");
  await expect(page.getByRole("checkbox", { name: "Campus Life" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Lead image" }).getByRole("img")).toHaveAttribute("alt", "A blue ferry moored at a quay");

  // What the database holds: the validated body with both photos and their captions.
  const stored = withDb((db) => db.prepare("select body, lead_media_id from articles where id = ?").get(id)) as { body: string; lead_media_id: number };
  const images = (JSON.parse(stored.body).content as { type: string; attrs?: { caption: string; mediaId: number } }[]).filter((n) => n.type === "image");
  expect(images.map((i) => i.attrs?.caption)).toEqual(["The ferry at the north quay.", "Passengers on the upper deck."]);
  expect(stored.lead_media_id).toBe(images[0]!.attrs!.mediaId);

  // The preview shows it as readers will see it, credits included.
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ferry timetable changes for the spring term" })).toBeVisible();
  // The lead (the first photo) is shown once, on top: the body does not repeat it.
  const figures = page.getByRole("main").getByRole("figure");
  await expect(figures).toHaveCount(2);
  await expect(figures.first()).toContainText("The ferry at the north quay.");
  await expect(figures.nth(1)).toContainText("Passengers on the upper deck.");
  await expect(page.getByRole("region", { name: "About this article" })).toContainText("Draft: Maya Lindqvist");
});

test("an SVG or an oversized file is refused with a clear message", async ({ page }) => {
  await newArticle(page);
  const fileInput = page.getByRole("toolbar", { name: "Formatting" }).getByLabel("Add photo");
  await fileInput.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("alert")).toContainText("is not a JPEG, PNG, WebP or GIF photograph");
  // The server refuses it too, whatever the browser claims.
  const response = await page.request.post("/api/media", { headers: { "content-type": "image/png", origin: "http://127.0.0.1:3100" }, data: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  expect(response.status()).toBe(415);
  expect((await response.json()).message).toContain("Only JPEG, PNG, WebP and GIF");
  const crossSite = await page.request.post("/api/media", { headers: { "content-type": "image/png", origin: "https://evil.example" }, data: (await testPhoto("x.png", "#000")).buffer });
  expect(crossSite.status()).toBe(403);
});

test("text typed while the server is unreachable survives and is saved when it returns", async ({ page, context }) => {
  const id = await newArticle(page);
  await page.getByLabel("Title").fill("Written on the train");
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });
  await context.setOffline(true);
  await body(page).click();
  await page.keyboard.type("Every word typed offline must survive.");
  await expect(status(page)).toContainText("Offline", { timeout: 15_000 });
  // The tab is closed before the network returns: the copy in this browser is all there is.
  await page.close({ runBeforeUnload: false });
  await context.setOffline(false);

  const again = await context.newPage();
  await again.goto(`/newsroom/articles/${id}`);
  await expect(body(again)).toContainText("Every word typed offline must survive.");
  await expect(again.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
  const stored = withDb((db) => db.prepare("select body from articles where id = ?").get(id)) as { body: string };
  expect(stored.body).toContain("Every word typed offline must survive.");
});

test("two people on one draft: the second save is a conflict and shows both texts", async ({ page, browser }) => {
  const id = await newArticle(page);
  await page.getByLabel("Title").fill("Shared draft");
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });

  const otherContext = await browser.newContext({ storageState: storageState("drafter") });
  const other = await otherContext.newPage();
  await other.goto(`/newsroom/articles/${id}`);
  await expect(other.getByLabel("Title")).toHaveValue("Shared draft");

  await body(page).click();
  await page.keyboard.type("First tab's paragraph.");
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });

  await body(other).click();
  await other.keyboard.type("Second tab's paragraph.");
  const conflict = other.getByRole("region", { name: "This article changed while you were editing" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole("article", { name: "Your version" })).toContainText("Second tab's paragraph.");
  await expect(conflict.getByRole("article", { name: "The saved version" })).toContainText("First tab's paragraph.");
  await conflict.getByRole("button", { name: "Keep my version" }).click();
  await expect(other.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });

  // Nothing was lost: both texts are in the history.
  const revisions = withDb((db) => db.prepare("select body from revisions where article_id = ?").all(id)) as { body: string }[];
  expect(revisions.some((r) => r.body.includes("First tab's paragraph."))).toBe(true);
  expect(revisions.some((r) => r.body.includes("Second tab's paragraph."))).toBe(true);
  await otherContext.close();
});

test("history compares two revisions with changes marked, and restores one", async ({ page }) => {
  const draft = withDb((db) =>
    db
      .prepare(
        `select a.id, a.title from articles a join article_drafters d on d.article_id = a.id join users u on u.id = d.user_id
          where u.email = 'drafter@example.edu' and a.status = 'draft' order by a.id limit 1`,
      )
      .get(),
  ) as { id: number; title: string };
  await page.goto(`/newsroom/articles/${draft.id}`);
  await page.getByLabel("Title").fill(`${draft.title} (revised)`);
  await body(page).click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Added opening sentence. ");
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });

  await page.getByRole("link", { name: "History" }).click();
  // The demo draft's first revision, written by the seed through the newsroom's own save.
  await expect(page.getByRole("table")).toContainText("First draft");
  await page.getByRole("button", { name: "Compare" }).click();
  const title = page.getByRole("region", { name: "Changes in title" });
  await expect(title.locator("ins")).toHaveText(/\(revised\)/);
  await expect(page.getByRole("region", { name: "Changes in body" }).locator("ins").first()).toContainText("Added opening sentence.");
  await expectNoAxeViolations(page);

  const first = page.getByRole("row").filter({ hasText: "First draft" });
  await first.getByRole("button", { name: /Restore revision/ }).click();
  await page.waitForURL(/restored=1/);
  await expect(page.getByLabel("Title")).toHaveValue(draft.title);
  await expect(body(page)).not.toContainText("Added opening sentence.");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("table")).toContainText("Restored");
});

test("another drafter's article is not found; a reviser may read it but not edit a draft", async ({ browser }) => {
  const theirs = withDb((db) =>
    db.prepare(`select a.id from articles a join article_drafters d on d.article_id = a.id join users u on u.id = d.user_id where u.email = 'drafter2@example.edu' and a.status = 'draft' limit 1`).get(),
  ) as { id: number };
  const mine = await browser.newContext({ storageState: storageState("drafter") });
  const page = await mine.newPage();
  expect((await page.goto(`/newsroom/articles/${theirs.id}`))?.status()).toBe(404);
  const reviserContext = await browser.newContext({ storageState: storageState("reviser") });
  const reviser = await reviserContext.newPage();
  await reviser.goto(`/newsroom/articles/${theirs.id}`);
  await expect(reviser.getByText("Read only")).toBeVisible();
  await expect(reviser.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await mine.close();
  await reviserContext.close();
});

test("pasting from a word processor keeps the structure the body allows and drops the rest", async ({ page }) => {
  const id = await newArticle(page);
  await body(page).click();
  const html =
    '<h1 style="color:red">Big title</h1><p class="MsoNormal"><span style="font-family:Calibri"><b>Bold</b> and <u>underlined</u> and <a href="javascript:alert(1)">bad link</a> and <a href="https://example.edu/x">good link</a></span></p>' +
    '<table><tr><td>cell text</td></tr></table><ul><li>one</li><li>two</li></ul><img src="https://evil.example/x.png"><script>alert(1)</script>';
  await body(page).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/html", data);
    transfer.setData("text/plain", "fallback");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
  await expect(body(page).getByRole("listitem")).toHaveCount(2);
  await expect(status(page)).toHaveText(/^Saved/, { timeout: 15_000 });
  const stored = (withDb((db) => db.prepare("select body from articles where id = ?").get(id)) as { body: string }).body;
  expect(stored).toContain('"text":"Bold"');
  expect(stored).toContain('"type":"bold"');
  expect(stored).toContain("https://example.edu/x");
  expect(stored).toContain("cell text");
  expect(stored).toContain('"type":"bulletList"');
  for (const gone of ["javascript:", "\"type\":\"underline\"", "style", "Calibri", "evil.example", "alert(1)", '"level":1', "table"]) expect(stored).not.toContain(gone);
});
