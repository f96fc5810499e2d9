import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { transition, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { newArticle } from "./support/editor";
import { screenshotsTo } from "./support/shots";

/*
 * The publishing lifecycle as a reviser meets it in the editor: the URL, the confirmations that
 * say what will happen, the notice with the live link, Undo after an unpublish, and what a
 * scheduled piece offers. By role and label, at desktop width and at 390 px.
 */

const shot = screenshotsTo(process.env.LIFECYCLE_SHOTS, { fullPage: false });

const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
const research = () => withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
const row = (id: number) => withDb((db) => db.prepare("select slug, status, scheduled_for from articles where id = ?").get(id)) as { slug: string; status: string; scheduled_for: number | null };

/** An article written by the drafter and sent for review, through the real actions. */
async function inReview(drafter: APIRequestContext, title: string): Promise<number> {
  const { id, version } = await writeArticle(drafter, { title, standfirst: "A standfirst.", topicIds: [research()] });
  const submitted = await transition(drafter, id, "submit", version);
  expect(submitted.result?.ok, JSON.stringify(submitted.result)).toBe(true);
  return id;
}

test("URL, publish through the confirmation, live notice, unpublish and undo", async ({ browser, playwright, baseURL, request }) => {
  test.setTimeout(120_000);
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const stamp = Date.now();
  const title = `Glaciologists map the retreat ${stamp}`;
  const id = await inReview(drafter, title);
  const other = row(await inReview(drafter, `Another piece ${stamp}`)).slug;
  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);

  // The primary action comes first.
  await expect(workflow(helen).getByRole("button").first()).toHaveText("Approve and publish");

  // The URL: bad input and a clash are refused with a message and change nothing.
  await expect(helen.getByText(`${baseURL}/news/${row(id).slug}`, { exact: true })).toBeVisible();
  await helen.getByRole("button", { name: "Change URL" }).click();
  await helen.getByLabel("URL").fill("Glacier Retreat!");
  await helen.getByRole("button", { name: "Save URL" }).click();
  await expect(helen.getByLabel("URL")).toHaveAccessibleDescription(/lowercase letters, digits and single hyphens/);
  await helen.getByLabel("URL").fill(other);
  await helen.getByRole("button", { name: "Save URL" }).click();
  await expect(helen.getByLabel("URL")).toHaveAccessibleDescription(`Another article already uses /news/${other}. Choose a different URL.`);
  expect(row(id).slug).not.toBe(other);
  const slug = `glacier-retreat-${stamp}`;
  await helen.getByLabel("URL").fill(slug);
  await helen.getByRole("button", { name: "Save URL" }).click();
  await expect(helen.getByText(`${baseURL}/news/${slug}`, { exact: true })).toBeVisible();
  expect(row(id).slug).toBe(slug);

  // Approve and publish asks first, says where it goes, and Escape changes nothing.
  const approve = workflow(helen).getByRole("button", { name: "Approve and publish" });
  await approve.click();
  const dialog = helen.getByRole("dialog", { name: "Publish this article?" });
  await expect(dialog).toContainText(`“${title}” goes live now at ${baseURL}/news/${slug}, on the home page and in Research.`);
  await expect(dialog.getByRole("button", { name: "Publish now" })).toBeFocused();
  await expectNoAxeViolations(helen);
  await shot(helen, "publish-dialog-desktop");
  await helen.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(approve).toBeFocused();
  expect(row(id).status).toBe("in_review");
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);

  await approve.click();
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: `Published: “${title}” is live now.` })).toBeVisible();
  const liveLink = helen.getByRole("link", { name: `${baseURL}/news/${slug}` });
  await expect(liveLink).toHaveAttribute("href", `${baseURL}/news/${slug}`);
  expect((await request.get(`/news/${slug}`)).status()).toBe(200);

  // Once published the URL is fixed, and the live notice is there on every visit.
  await helen.reload();
  await expect(helen.getByText("Live at")).toBeVisible();
  await expect(helen.getByRole("button", { name: "Change URL" })).toHaveCount(0);
  await expect(helen.getByText("(fixed since the first publication)")).toBeVisible();
  await expectNoAxeViolations(helen);
  // On a live piece Unpublish is not first: it comes last.
  await expect(workflow(helen).getByRole("button").first()).toHaveText("Edit again");
  await expect(workflow(helen).getByRole("button").last()).toHaveText("Unpublish");
  await shot(helen, "live-notice-desktop");

  // Unpublish says what happens; "Keep it live" keeps it live.
  await workflow(helen).getByRole("button", { name: "Unpublish" }).click();
  const down = helen.getByRole("dialog", { name: "Unpublish this article?" });
  await expect(down).toContainText(`“${title}” leaves the public site now: its page ${baseURL}/news/${slug} answers 404`);
  await expect(down.getByRole("button", { name: "Keep it live" })).toBeFocused();
  await shot(helen, "unpublish-dialog-desktop");
  await down.getByRole("button", { name: "Keep it live" }).click();
  expect(row(id).status).toBe("published");
  await workflow(helen).getByRole("button", { name: "Unpublish" }).click();
  await down.getByRole("button", { name: "Unpublish now" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "Unpublished:" })).toBeVisible();
  await expect(helen.getByText("Unpublished", { exact: true })).toBeVisible();
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  await shot(helen, "undo-notice-desktop");

  // Undo puts back exactly the version that was live; a reload keeps the offer.
  await helen.reload();
  await helen.getByRole("button", { name: /^Undo/ }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "Undone:" })).toBeVisible();
  await expect(helen.getByText("Published", { exact: true })).toBeVisible();
  const page = await request.get(`/news/${slug}`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(title);
  const audit = withDb((db) => db.prepare("select action from audit_log where article_id = ? and action like 'article.%' order by id").pluck().all(id)) as string[];
  expect(audit).toEqual(expect.arrayContaining(["article.slug", "article.approve", "article.unpublish", "article.undo_unpublish"]));
});

test("a scheduled piece can be given a new time, or taken back to review and edited", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const id = await inReview(drafter, `Observatory opens its doors ${Date.now()}`);
  const at = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 16); // UTC is the newsroom's zone in the tests
  const version = withDb((db) => db.prepare("select version from articles where id = ?").pluck().get(id)) as number;
  expect((await transition(reviser, id, "schedule", version, { scheduledFor: at })).result?.ok).toBe(true);

  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);
  await expect(workflow(helen).getByRole("button")).toHaveText(["Reschedule", "Cancel schedule", "Unpublish"]);
  await workflow(helen).getByRole("button", { name: "Reschedule" }).click();
  await expect(helen.getByLabel(/New publication time/)).toHaveValue(at);
  const later = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 16);
  await helen.getByLabel(/New publication time/).fill(later);
  await helen.getByRole("button", { name: "Save new time" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "New time saved" })).toBeVisible();
  expect(row(id).scheduled_for).toBe(new Date(`${later}:00Z`).getTime());

  await workflow(helen).getByRole("button", { name: "Cancel schedule" }).click();
  const dialog = helen.getByRole("dialog", { name: "Cancel the scheduled publication?" });
  await expect(dialog).toContainText("It goes back to review, where it can be edited");
  await dialog.getByRole("button", { name: "Cancel the schedule" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "Schedule cancelled" })).toBeVisible();
  expect(row(id)).toMatchObject({ status: "in_review", scheduled_for: null });
  // Back in review the reviser can edit it.
  await expect(helen.getByLabel("Title")).toBeEditable();
  await expect(workflow(helen).getByRole("button", { name: "Approve and publish" })).toBeVisible();
});

test("at 390 px the confirmation fits the screen and the actions stay reachable", async ({ browser, playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const id = await inReview(drafter, `Phone-sized review ${Date.now()}`);
  const helen = await pageAs(browser, "reviser", 390);
  await helen.goto(`/newsroom/articles/${id}`);
  await workflow(helen).getByRole("button", { name: "Approve and publish" }).click();
  const dialog = helen.getByRole("dialog", { name: "Publish this article?" });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(dialog.getByRole("button", { name: "Publish now" })).toBeInViewport();
  await expect(dialog.getByRole("button", { name: "Not yet" })).toBeInViewport();
  await shot(helen, "publish-dialog-390");
  await dialog.getByRole("button", { name: "Not yet" }).click();
  await expect(dialog).toBeHidden();
  expect(row(id).status).toBe("in_review");
  await expectNoAxeViolations(helen);
  await shot(helen, "editor-390");
});

test("a refusal stays only until the piece is changed and saved", async ({ browser }) => {
  const page = await pageAs(browser, "drafter");
  const id = await newArticle(page);
  await page.getByLabel("Title").fill(`Ferry survey ${Date.now()}`);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Passengers were asked what they would change.");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  const refusal = workflow(page).getByRole("alert");
  await expect(refusal).toContainText("Choose at least one topic.");
  // Fixed: once the change is saved, the old refusal no longer stands beside the button.
  await page.getByRole("checkbox", { name: "Research" }).check();
  await expect(refusal).toHaveCount(0, { timeout: 15_000 });
  await workflow(page).getByRole("button", { name: "Submit for review" }).click();
  await expect.poll(() => row(id).status).toBe("in_review");
});
