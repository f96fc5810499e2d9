import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState, type DemoRole } from "./support/auth";
import { clickWorkflow } from "./support/actions";
import { withDb } from "./support/db";

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saved = (page: Page) => expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });

test("the whole story: write, review, send back, resubmit, correct, approve, live, edit again, unpublish", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const title = `Lab finds microplastics in harbour mussels ${Date.now()}`;

  // A drafter writes and submits.
  const maya = await as(browser, "drafter");
  await maya.goto("/newsroom");
  await maya.getByRole("button", { name: "New article" }).click();
  await maya.waitForURL(/\/newsroom\/articles\/\d+$/);
  const id = Number(new URL(maya.url()).pathname.split("/").pop());
  await maya.getByLabel("Title").fill(title);
  await maya.getByLabel("Standfirst").fill("Marine biologists counted fragments in 1,200 mussels.");
  await body(maya).click();
  await maya.keyboard.type("Researchers at the marine laboratory counted plastic fragments in mussels.");
  await maya.keyboard.press("Enter");
  await maya.keyboard.type("Levels fell by almost half since the ban.");
  await maya.getByRole("checkbox", { name: "Research" }).check();
  await saved(maya);
  await workflow(maya).getByRole("button", { name: "Submit for review" }).click();
  await expect(maya.getByText("In review", { exact: true })).toBeVisible();

  // The reviser sees it waiting, comments on a passage and requests changes.
  const helen = await as(browser, "reviser");
  await helen.goto("/newsroom");
  await expect(helen.getByRole("region", { name: "Waiting for review" })).toContainText(title);
  await expect(helen.getByRole("region", { name: /Notifications/ })).toContainText(`“${title}” waits for review.`);
  await helen.getByRole("region", { name: "Waiting for review" }).getByRole("link", { name: title }).click();
  await helen.waitForURL(`**/newsroom/articles/${id}`);
  await expectNoAxeViolations(helen);
  await helen.getByLabel("Comment", { exact: true }).fill("Which laboratory? Name it.");
  // Select the first word of the text by keyboard: "Researchers".
  await body(helen).locator("p").first().click({ position: { x: 2, y: 8 } });
  await helen.keyboard.press("Home");
  for (let i = 0; i < "Researchers".length; i++) await helen.keyboard.press("Shift+ArrowRight");
  await helen.getByRole("button", { name: "Comment on selected text" }).click();
  await expect(helen.getByRole("listitem", { name: "Comment by Helen Marchetti" })).toContainText("Which laboratory? Name it.");
  await expect(body(helen).locator("mark[data-comment-id]")).toHaveCount(1);
  await workflow(helen).getByRole("button", { name: "Request changes" }).click();
  await helen.getByLabel("What needs to change").fill("Please name the laboratory in the first paragraph.");
  await helen.getByRole("button", { name: "Send back to the drafter" }).click();
  await expect(helen.getByText("Changes requested", { exact: true })).toBeVisible();

  // The drafter sees it sent back with the comments, answers, fixes and resubmits.
  await maya.goto("/newsroom");
  await expect(maya.getByRole("region", { name: /Notifications/ })).toContainText("sent");
  await expect(maya.getByRole("region", { name: "My drafts" })).toContainText("Changes requested");
  await maya.goto(`/newsroom/articles/${id}`);
  const thread = maya.getByRole("listitem", { name: "Comment by Helen Marchetti" }).first();
  await expect(thread).toContainText("“Researchers”");
  await thread.getByLabel(/Reply to/).fill("Named it: the Nordvik Marine Laboratory.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(maya.getByRole("listitem", { name: "Comment by Helen Marchetti" }).first()).toContainText("Named it: the Nordvik Marine Laboratory.");
  await body(maya).getByText("marine laboratory").click();
  await maya.keyboard.press("End");
  await maya.keyboard.type(" The Nordvik Marine Laboratory led the work.");
  await saved(maya);
  await workflow(maya).getByRole("button", { name: "Submit for review" }).click();
  await expect(maya.getByText("In review", { exact: true })).toBeVisible();

  // The reviser sees what changed, corrects a sentence, and approves.
  await helen.goto(`/newsroom/articles/${id}`);
  await expect(helen.getByText("Changes since changes were requested")).toBeVisible();
  await expect(helen.getByRole("region", { name: "Changes in body" }).locator("ins")).toContainText("Nordvik");
  await body(helen).getByText("Levels fell by almost half since the ban.").click();
  await helen.keyboard.press("End");
  await helen.keyboard.press("Backspace");
  await helen.keyboard.type(" of single-use bags.");
  await saved(helen);
  const said = await clickWorkflow(helen, "Approve and publish");
  expect(said).toContain(`“${title}” goes live now at`);
  expect(said).toMatch(/\/news\/[a-z0-9-]+, on the home page and in Research/);
  await expect(helen.getByText("Published", { exact: true })).toBeVisible();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "Published:" })).toBeVisible();
  await expect(helen.getByRole("link", { name: /\/news\// })).toBeVisible();

  // Live at once on its page, the home page and its topic page, with the credits.
  const slug = (withDb((db) => db.prepare("select slug from articles where id = ?").get(id)) as { slug: string }).slug;
  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText("since the ban of single-use bags.")).toBeVisible();
  const credits = reader.getByRole("region", { name: "About this article" });
  await expect(credits).toContainText("Draft: Maya Lindqvist");
  await expect(credits).toContainText("Revision: Helen Marchetti");
  for (const path of ["/", "/topics/research"]) {
    await reader.goto(path);
    await expect(reader.getByRole("link", { name: title }).first()).toBeVisible();
  }
  // The comment anchor is the newsroom's, not the reader's.
  expect(await (await request.get(`/news/${slug}`)).text()).not.toContain("data-comment-id");

  // The reviser edits it again: the live page keeps the old text until the new copy is approved.
  await helen.reload();
  await workflow(helen).getByRole("button", { name: "Edit again" }).click();
  await expect(helen.getByText("In review · live version on site", { exact: true })).toBeVisible();
  await body(helen).getByText("counted plastic fragments").click();
  await helen.keyboard.press("End");
  await helen.keyboard.type(" Correction added later.");
  await saved(helen);
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText("Correction added later.")).toHaveCount(0);

  // Unpublish: 404 by its URL, gone from the home and topic pages.
  await helen.reload();
  expect(await clickWorkflow(helen, "Approve and publish")).toContain("is replaced by this one now");
  await expect(helen.getByText("Published", { exact: true })).toBeVisible();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByText("Correction added later.")).toBeVisible();
  expect(await clickWorkflow(helen, "Unpublish")).toContain(`leaves the public site now: its page`);
  await expect(helen.getByText("Unpublished", { exact: true })).toBeVisible();
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  for (const path of ["/", "/news", "/topics/research"]) expect(await (await request.get(path)).text()).not.toContain(slug);

  // Every transition is in the audit log, for admins.
  const admin = await as(browser, "admin");
  await admin.goto(`/newsroom/audit?article=${id}`);
  for (const action of ["article.submit", "article.request_changes", "article.approve", "article.edit_again", "article.unpublish", "comment.add", "comment.reply"]) {
    await expect(admin.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expectNoAxeViolations(admin);
});

test("nobody is offered approval of a piece they drafted (the server's refusal is tested in transitions.test.ts)", async ({ browser }) => {
  const inReview = withDb((db) =>
    db
      .prepare(
        `select a.id from articles a join article_drafters d on d.article_id = a.id join users u on u.id = d.user_id
          where a.status = 'in_review' and u.email in ('drafter@example.edu', 'drafter2@example.edu') order by a.id limit 1`,
      )
      .get(),
  ) as { id: number };
  const reviser = await as(browser, "reviser");
  await reviser.goto(`/newsroom/articles/${inReview.id}`);
  await expect(workflow(reviser).getByRole("button", { name: "Approve and publish" })).toBeVisible();
  // Whoever drafted it sees no approve button on their own piece.
  const drafterEmail = withDb((db) => db.prepare("select u.email from article_drafters d join users u on u.id = d.user_id where d.article_id = ?").get(inReview.id)) as { email: string };
  const role: DemoRole = drafterEmail.email.startsWith("drafter2") ? "drafter2" : "drafter";
  const own = await as(browser, role);
  await own.goto(`/newsroom/articles/${inReview.id}`);
  await expect(workflow(own).getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
  await expect(workflow(own).getByRole("button", { name: "Withdraw" })).toBeVisible();
});

test("a scheduled article goes live by itself at its time", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const candidate = withDb((db) => db.prepare("select a.id, a.slug from articles a where a.status = 'in_review' and a.title not like 'Lab finds%' and not exists (select 1 from publications p where p.article_id = a.id) order by a.id desc limit 1").get()) as { id: number; slug: string };
  const helen = await as(browser, "reviser");
  await helen.goto(`/newsroom/articles/${candidate.id}`);
  await workflow(helen).getByRole("button", { name: "Schedule" }).click();
  await expect(helen.getByText(/Publish at \(UTC time\)/)).toBeVisible();
  const at = new Date(Date.now() + 45_000);
  const local = at.toISOString().slice(0, 16); // UTC is the newsroom's zone in the tests
  const due = new Date(`${local}:00Z`).getTime() < Date.now() + 31_000 ? new Date(at.getTime() + 60_000).toISOString().slice(0, 16) : local;
  await helen.getByLabel(/Publish at/).fill(due);
  await helen.getByRole("button", { name: "Approve for this time" }).click();
  await expect(helen.getByText(/Approved; goes live on/)).toBeVisible();
  expect((await request.get(`/news/${candidate.slug}`)).status()).toBe(404);
  await expect.poll(async () => (await request.get(`/news/${candidate.slug}`)).status(), { timeout: 100_000, intervals: [2_000] }).toBe(200);
  const row = withDb((db) => db.prepare("select status from articles where id = ?").get(candidate.id)) as { status: string };
  expect(row.status).toBe("published");
});
