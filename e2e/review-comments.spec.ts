import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState, type DemoRole } from "./support/auth";
import { newArticle } from "./support/editor";

const SHOTS = "/tmp/review-shots";

async function as(browser: Browser, role: DemoRole, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), viewport });
  return context.newPage();
}
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const status = (page: Page) => page.getByRole("main").getByRole("status").first();
const margin = (page: Page) => page.getByRole("list", { name: "Comments beside the text" });

/** Selects `text` in the body as a person dragging over it would (works in a read-only body too). */
async function selectText(body: Locator, text: string) {
  await body.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`“${wanted}” is not in the body`);
  }, text);
  await body.page().waitForTimeout(100); // the editor reads the selection on selectionchange
}

/** Remembers this document, so a test can tell that no navigation or reload happened. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
}

test("a reviser comments on a passage: beside it, with a time, no reload, no edit, no conflict for the drafter typing", async ({ browser }) => {
  test.setTimeout(120_000);
  // The drafter is writing (the article stays a draft, her editor open).
  const maya = await as(browser, "drafter");
  const id = await newArticle(maya);
  await maya.getByLabel("Title").fill(`Harbour mussels ${Date.now()}`);
  await body(maya).click();
  await maya.keyboard.type("Researchers at the marine laboratory counted plastic fragments in mussels.");
  await maya.keyboard.press("Enter");
  await maya.keyboard.type("Levels fell by almost half since the ban.");
  await expect(status(maya)).toHaveText(/^Saved/, { timeout: 15_000 });

  // The reviser reads it and comments on "marine laboratory".
  const helen = await as(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);
  await expect(body(helen)).toContainText("Levels fell");
  await markDocument(helen);
  const navigations: string[] = [];
  helen.on("framenavigated", (frame) => frame === helen.mainFrame() && navigations.push(frame.url()));
  await helen.getByLabel("Comment", { exact: true }).fill("Which laboratory? Name it.");
  await selectText(body(helen), "marine laboratory");
  await helen.getByRole("button", { name: "Comment on selected text" }).click();

  const card = margin(helen).getByRole("listitem", { name: "Comment by Helen Marchetti" });
  await expect(card).toContainText("Which laboratory? Name it.");
  await expect(card.locator("time").first()).toHaveText(/^today \d\d:\d\d$/);
  await expect(card.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  expect(navigations).toEqual([]);
  await expectSameDocument(helen);
  await expect(helen.getByLabel("Comment", { exact: true })).toHaveValue("");

  // Beside its passage: level with the highlighted words, to their right.
  const passage = body(helen).getByText("marine laboratory", { exact: true });
  await expect(passage).toBeVisible();
  const [p, c] = [await passage.boundingBox(), await card.boundingBox()];
  expect(Math.abs(p!.y - c!.y)).toBeLessThan(24);
  expect(c!.x).toBeGreaterThan(p!.x + p!.width);
  await helen.screenshot({ path: `${SHOTS}/comment-margin-desktop.png`, fullPage: true });

  // Choosing the comment selects it; clicking the passage selects it too.
  await helen.getByRole("heading", { name: /Comments/ }).click();
  await card.getByRole("button", { name: /Show the passage/ }).click();
  await expect(card).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(helen);

  // The drafter typed on meanwhile: her saves go through (no conflict), and anchoring wrote nothing.
  await body(maya).getByText("since the ban.").click();
  await maya.keyboard.press("End");
  await maya.keyboard.type(" Bags were banned in 2019.");
  await expect(status(maya)).toHaveText(/^Saved/, { timeout: 15_000 });
  await expect(maya.getByRole("button", { name: "Keep my version" })).toHaveCount(0);

  // The passage moves with the text: still highlighted for the reviser after the drafter's save.
  await helen.reload();
  await expect(margin(helen).getByRole("listitem", { name: "Comment by Helen Marchetti" })).toContainText("Which laboratory?");
  await expect(body(helen).getByText("marine laboratory", { exact: true })).toBeVisible();

  // The drafter sees the comment beside the passage, replies without a reload.
  await maya.reload();
  await markDocument(maya);
  const thread = margin(maya).getByRole("listitem", { name: "Comment by Helen Marchetti" });
  await expect(thread).toContainText("“marine laboratory”");
  await thread.getByLabel("Reply to Helen Marchetti").fill("The Nordvik Marine Laboratory.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText("Maya Lindqvist");
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText("The Nordvik Marine Laboratory.");
  await expect(thread.getByRole("list", { name: "Replies" }).locator("time")).toHaveText(/^today \d\d:\d\d$/);

  // Resolve: out of the margin and the text, collapsed under "Resolved". Reopen brings it back.
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(margin(maya).getByRole("listitem")).toHaveCount(0);
  await expect(body(maya).getByText("marine laboratory", { exact: true })).toHaveCount(0);
  const resolved = maya.getByRole("list", { name: "Resolved comments" }).getByRole("listitem", { name: "Comment by Helen Marchetti, resolved" });
  await expect(resolved).toBeVisible();
  await expect(resolved.getByRole("button", { name: "Reopen" })).toBeHidden(); // collapsed
  await resolved.getByText("Resolved", { exact: true }).click();
  await expect(resolved).toContainText("Resolved by Maya Lindqvist");
  await resolved.getByRole("button", { name: "Reopen" }).click();
  await expect(margin(maya).getByRole("listitem", { name: "Comment by Helen Marchetti" })).toBeVisible();
  await expect(body(maya).getByText("marine laboratory", { exact: true })).toBeVisible();
  await expectSameDocument(maya);

  // The history holds only the drafter's saves: anchoring is not the reviser's edit.
  await maya.goto(`/newsroom/articles/${id}/history`);
  const rows = maya.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Maya Lindqvist");
  await expect(maya.getByRole("table")).not.toContainText("Reviser’s edit");
  await expect(maya.getByRole("table")).not.toContainText("Helen Marchetti");
});

test("at phone width the comments are a readable list with their passage", async ({ browser }) => {
  const maya = await as(browser, "drafter");
  const id = await newArticle(maya);
  await maya.getByLabel("Title").fill(`Phone comments ${Date.now()}`);
  await body(maya).click();
  await maya.keyboard.type("The library opens at eight on weekdays.");
  await expect(status(maya)).toHaveText(/^Saved/, { timeout: 15_000 });
  await maya.getByLabel("Comment", { exact: true }).fill("Is it eight in the summer too?");
  await selectText(body(maya), "opens at eight");
  await maya.getByRole("button", { name: "Comment on selected text" }).click();
  await expect(margin(maya).getByRole("listitem", { name: "Comment by Maya Lindqvist" })).toBeVisible();
  await maya.getByLabel("Comment", { exact: true }).fill("Nice lead.");
  await maya.getByRole("button", { name: "Comment on the article" }).click();

  const phone = await as(browser, "reviser", { width: 390, height: 844 });
  await phone.goto(`/newsroom/articles/${id}`);
  await expect(margin(phone)).toHaveCount(0);
  const list = phone.getByRole("list", { name: "Open comments" });
  await expect(list.getByRole("listitem", { name: "Comment by Maya Lindqvist" })).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("“opens at eight”");
  await expect(list.getByRole("listitem").first().locator("time")).toHaveText(/^today \d\d:\d\d$/);
  const box = await list.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await list.getByRole("button", { name: /Show the passage/ }).click();
  await expect(body(phone).getByText("opens at eight", { exact: true })).toBeInViewport();
  await phone.screenshot({ path: `${SHOTS}/comments-phone.png`, fullPage: true });
  await expectNoAxeViolations(phone);
});
