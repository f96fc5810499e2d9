import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { clickWorkflow, transition, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { newArticle } from "./support/editor";
import { testPhoto } from "./support/images";

/*
 * The checks beside the editor: blockers listed as one types and refused by the server with the
 * reason, cleared as they are fixed; warnings shown to the reviser too. By role and label.
 */

const shots = process.env.CHECKLIST_SHOTS;
async function shot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.getByRole("region", { name: "Checks" }).screenshot({ path: `${shots}/${name}-panel.png` });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

const checks = (page: Page) => page.getByRole("region", { name: "Checks" });
const mustFix = (page: Page) => checks(page).getByRole("list", { name: "Must fix before submitting" });
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saved = (page: Page) => expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
const status = (id: number) => withDb((db) => db.prepare("select status from articles where id = ?").pluck().get(id)) as string;
const research = () => withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;

test("a drafter's photo named IMG_0042.jpg and a link into the newsroom stop submission until fixed", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "drafter");
  const id = await newArticle(page);
  await page.getByLabel("Title").fill(`Glaciologists map the retreat of the ice ${Date.now()}`);
  await page.getByLabel("Standfirst").fill("A field team spent the summer measuring how fast the glacier is losing its ice.");
  await page.getByRole("checkbox", { name: "Research" }).check();
  await body(page).click();
  await page.keyboard.type("The team measured the ice every morning.");
  await page.getByRole("toolbar", { name: "Formatting" }).getByLabel("Add photo").setInputFiles(await testPhoto("IMG_0042.jpg", "#5b8fb9"));
  const alt = page.getByRole("figure", { name: "Photo" }).first().getByLabel("Alt text (required)");
  await alt.fill("IMG_0042.jpg");

  // Listed as one types, with what is wrong and where.
  await expect(mustFix(page)).toContainText("Photo 1: the alt text “IMG_0042.jpg” looks like a file name; say what the photo shows.");
  await expect(checks(page).getByRole("status")).toHaveText(/^1 check must be fixed before submitting/);
  await expect(checks(page)).toContainText(/\d+ of \d+ checks pass/);
  await saved(page);
  await shot(page, "drafter-1280");

  // The server refuses it, with the reason, and nothing changes.
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(workflow(page).getByRole("alert")).toContainText("Not ready for review: Photo 1: the alt text “IMG_0042.jpg” looks like a file name");
  expect(status(id)).toBe("draft");

  // "Show photo 1" goes to its alt text; typing a description clears the item.
  await checks(page).getByRole("button", { name: "Show photo 1" }).click();
  await expect(alt).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Two researchers drilling into the glacier");
  await expect(mustFix(page)).toHaveCount(0);
  await expect(checks(page)).toContainText("Nothing stops submitting.");

  // A link into the newsroom is a blocker too. Keys pressed straight after one another, as a
  // fast typist does: each acts where the one before left the caret (editor-comfort.spec.ts).
  await body(page).getByText("The team measured the ice every morning.").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Our draft list");
  // (The empty paragraph is the one the editor keeps after the photo, to type below it.)
  await expect(body(page).locator(":scope > p")).toHaveText(["The team measured the ice every morning.", "Our draft list", ""]);
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Control+k");
  await page.getByLabel("Link address").fill("/newsroom/articles");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(mustFix(page)).toContainText("The link “Our draft list” goes to /newsroom/articles, which readers cannot open.");
  await saved(page);
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(workflow(page).getByRole("alert")).toContainText("Not ready for review: The link “Our draft list” goes to /newsroom/articles, which readers cannot open.");
  expect(status(id)).toBe("draft");

  // So is a link to an article that is not published (this very draft).
  const slug = withDb((db) => db.prepare("select slug from articles where id = ?").pluck().get(id)) as string;
  await checks(page).getByRole("button", { name: "Show the link “Our draft list”" }).click();
  await expect(body(page)).toBeFocused(); // the editor takes the focus on the next frame
  await page.keyboard.press("Control+k");
  await page.getByLabel("Link address").fill(`/news/${slug}`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(mustFix(page)).toContainText(`The link “Our draft list” goes to /news/${slug}, which is not published.`);
  await expect(mustFix(page)).not.toContainText("readers cannot open");

  // Removing the link clears it, and the piece goes to review.
  await checks(page).getByRole("button", { name: "Show the link “Our draft list”" }).click();
  await expect(body(page)).toBeFocused(); // the editor takes the focus on the next frame
  await page.keyboard.press("Control+k");
  await page.getByRole("button", { name: "Remove link" }).click();
  await expect(mustFix(page)).toHaveCount(0);
  await saved(page);
  await expectNoAxeViolations(page);
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect.poll(() => status(id)).toBe("in_review");
});

test("the reviser sees the warnings (headings out of order) and blockers that stop approval", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const stamp = Date.now();
  // A piece that is live now, and one in review that links to it and starts with a level-3 heading.
  const target = await writeArticle(drafter, { title: `Ice cores from the north ${stamp}`, topicIds: [research()] });
  expect((await transition(drafter, target.id, "submit", target.version)).result?.ok).toBe(true);
  expect((await transition(reviser, target.id, "approve", target.version)).result?.ok).toBe(true);
  const targetSlug = withDb((db) => db.prepare("select slug from articles where id = ?").pluck().get(target.id)) as string;
  const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
  const piece = await writeArticle(drafter, {
    title: `Glacier retreat measured from the air ${stamp}`,
    standfirst: "Drone flights over the glacier show how far its front has moved back since last summer.",
    topicIds: [research()],
    body: {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [text("Results")] },
        { type: "paragraph", content: [text("It follows "), text("the ice-core study", [{ type: "link", attrs: { href: `/news/${targetSlug}` } }]), text(".")] },
      ],
    },
  });
  expect((await transition(drafter, piece.id, "submit", piece.version)).result?.ok).toBe(true);

  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${piece.id}`);
  const worth = checks(helen).getByRole("list", { name: "Worth a look" });
  await expect(worth).toContainText("“Results” is a level-3 heading, but the body’s first heading should be level 2.");
  await expect(worth).toContainText("Choose a lead image");
  await expect(checks(helen)).toContainText("Nothing stops publishing.");
  await checks(helen).getByRole("button", { name: "Show heading 1" }).click();
  await expect(body(helen)).toBeFocused();
  await expectNoAxeViolations(helen);
  await shot(helen, "reviser-1280");

  // The linked piece is taken down meanwhile: approving is refused, with the reason.
  const live = withDb((db) => db.prepare("select version from articles where id = ?").pluck().get(target.id)) as number;
  expect((await transition(reviser, target.id, "unpublish", live)).result?.ok).toBe(true);
  await helen.reload();
  await expect(checks(helen).getByRole("list", { name: "Must fix before publishing" })).toContainText(`The link “the ice-core study” goes to /news/${targetSlug}, which is not published.`);
  await clickWorkflow(helen, "Approve and publish");
  await expect(workflow(helen).getByRole("alert")).toContainText(`Not ready to publish: The link “the ice-core study” goes to /news/${targetSlug}, which is not published.`);
  expect(status(piece.id)).toBe("in_review");

  const phone = await pageAs(browser, "reviser", 390);
  await phone.goto(`/newsroom/articles/${piece.id}`);
  await expect(checks(phone).getByRole("list", { name: "Worth a look" })).toBeVisible();
  await checks(phone).scrollIntoViewIfNeeded();
  await expectNoAxeViolations(phone);
  await shot(phone, "reviser-390");
});
