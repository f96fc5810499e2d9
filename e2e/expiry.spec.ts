import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { callAction, transition, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { screenshotsTo } from "./support/shots";

/*
 * An article's expiry as people meet it: a reviser sets it in the approve dialog, changes and
 * removes it through confirmations, the dashboard lists what expires soon, a drafter has no
 * control and a forged call is refused; and a piece whose expiry comes leaves its URL, the home
 * page, its topic page, the feed and search within the scheduler's run. By role and label.
 */

const shot = screenshotsTo(process.env.EXPIRY_SHOTS ?? "/tmp/expiry-shots", { fullPage: false });

const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
const expiry = (page: Page) => page.getByRole("region", { name: "Expiry" });
const research = () => withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
const row = (id: number) => withDb((db) => db.prepare("select slug, status, version, expires_at, expired_at from articles where id = ?").get(id)) as { slug: string; status: string; version: number; expires_at: number | null; expired_at: number | null };
/** A time as the datetime-local field takes it; UTC is the newsroom's zone in the tests. */
const local = (ms: number, seconds = false) => new Date(ms).toISOString().slice(0, seconds ? 19 : 16);
const wholeMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

async function inReview(drafter: APIRequestContext, title: string): Promise<number> {
  const { id, version } = await writeArticle(drafter, { title, standfirst: "A standfirst.", topicIds: [research()] });
  const submitted = await transition(drafter, id, "submit", version);
  expect(submitted.result?.ok, JSON.stringify(submitted.result)).toBe(true);
  return id;
}

test("a reviser sets an expiry when approving, changes and removes it; the dashboard lists it", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const title = `Observatory opens its dome ${Date.now()}`;
  const id = await inReview(drafter, title);
  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);

  await workflow(helen).getByRole("button", { name: "Approve and publish" }).click();
  const dialog = helen.getByRole("dialog", { name: "Publish this article?" });
  const expires = wholeMinute(Date.now() + 2 * 86_400_000);
  await dialog.getByLabel("Expires (UTC time, optional)").fill(local(expires));
  const words = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(expires));
  await expect(dialog).toContainText(`It leaves every public page on ${words} (UTC time).`);
  await expectNoAxeViolations(helen);
  await shot(helen, "approve-dialog-expires-1280");
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "It expires on" })).toBeVisible();
  expect(row(id)).toMatchObject({ status: "published", expires_at: expires });
  await expect(workflow(helen)).toContainText(`Expires on ${words} (UTC time): it then leaves every public page.`);
  await shot(helen, "workflow-expires-1280");

  // A time in the past is refused with a message, and nothing changes.
  await expiry(helen).getByRole("button", { name: "Change expiry" }).click();
  await expiry(helen).getByLabel("Expires (UTC time)").fill(local(Date.now() - 3_600_000));
  await expiry(helen).getByRole("button", { name: "Save expiry" }).click();
  const set = helen.getByRole("dialog", { name: "Set this article to expire?" });
  await expect(set).toContainText(`leaves the public site by itself: its page ${baseURL}/news/${row(id).slug} answers 404`);
  await set.getByRole("button", { name: "Set expiry" }).click();
  await expect(expiry(helen).getByRole("alert")).toHaveText("Choose an expiry time in the future.");
  expect(row(id).expires_at).toBe(expires);

  // The dashboard lists it under "Expiring soon", with a link to the piece.
  const dashboard = await pageAs(browser, "reviser");
  await dashboard.goto("/newsroom");
  const soon = dashboard.getByRole("region", { name: "Expiring soon" });
  await expect(soon.getByRole("link", { name: title })).toHaveAttribute("href", `/newsroom/articles/${id}`);
  await expectNoAxeViolations(dashboard);
  await soon.scrollIntoViewIfNeeded();
  await shot(dashboard, "dashboard-expiring-1280");

  // Removing it asks first and says what happens.
  await helen.reload();
  await expect(workflow(helen).getByRole("button").last()).toHaveText("Unpublish");
  await expiry(helen).getByRole("button", { name: "Remove expiry" }).click();
  const remove = helen.getByRole("dialog", { name: "Remove the expiry?" });
  await expect(remove).toContainText("It stays live until someone unpublishes it.");
  await remove.getByRole("button", { name: "Remove expiry" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "Expiry removed" })).toBeVisible();
  expect(row(id).expires_at).toBeNull();
  await dashboard.reload();
  await expect(dashboard.getByRole("region", { name: "Expiring soon" }).getByRole("link", { name: title })).toHaveCount(0);
  const audit = withDb((db) => db.prepare("select action from audit_log where article_id = ? and action like 'article.%' order by id").pluck().all(id)) as string[];
  expect(audit).toEqual(expect.arrayContaining(["article.approve", "article.expiry_set", "article.set_expiry.refused", "article.expiry_removed"]));
});

test("the approve dialog and the dashboard section at phone width", async ({ browser, playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const title = `Phone-width expiry ${Date.now()}`;
  const id = await inReview(drafter, title);
  const helen = await pageAs(browser, "reviser", 390);
  await helen.goto(`/newsroom/articles/${id}`);
  // "Schedule" takes an expiry too.
  await workflow(helen).getByRole("button", { name: "Schedule" }).click();
  await expect(workflow(helen).getByLabel("Expires (UTC time, optional)")).toBeVisible();
  await shot(helen, "schedule-form-expires-390");
  await workflow(helen).getByRole("button", { name: "Approve and publish" }).click();
  const dialog = helen.getByRole("dialog", { name: "Publish this article?" });
  await dialog.getByLabel("Expires (UTC time, optional)").fill(local(wholeMinute(Date.now() + 3 * 86_400_000)));
  await expectNoAxeViolations(helen);
  await shot(helen, "approve-dialog-expires-390");
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(helen.getByRole("region", { name: "Publishing notice" }).filter({ hasText: "It expires on" })).toBeVisible();
  await helen.goto("/newsroom");
  const soon = helen.getByRole("region", { name: "Expiring soon" });
  await expect(soon.getByRole("link", { name: title })).toBeVisible();
  await soon.scrollIntoViewIfNeeded();
  await shot(helen, "dashboard-expiring-390");
});

test("a drafter sees no expiry control, and a forged call is refused with nothing changed", async ({ browser, playwright, baseURL }) => {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const id = await inReview(drafter, `Drafter cannot expire ${Date.now()}`);
  const expires = wholeMinute(Date.now() + 86_400_000);
  expect((await transition(reviser, id, "approve", row(id).version, { expiresAt: local(expires) })).result?.ok).toBe(true);

  const maya = await pageAs(browser, "drafter");
  await maya.goto(`/newsroom/articles/${id}`);
  await expect(workflow(maya)).toContainText("Expires on");
  await expect(expiry(maya)).toHaveCount(0);
  await expect(maya.getByRole("button", { name: /expiry/i })).toHaveCount(0);

  const forged = await callAction(drafter, "setExpiryAction", { articleId: String(id), expiresAt: "" }, { page: `/newsroom/articles/${id}` });
  expect(forged.result).toMatchObject({ ok: false, code: "forbidden" });
  expect(row(id)).toMatchObject({ status: "published", expires_at: expires });
});

test("at its expiry a piece leaves its URL, the home page, its topic page, the feed and search", async ({ browser, playwright, baseURL, request }) => {
  test.setTimeout(90_000);
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const title = `Migrating cranes counted ${Date.now()}`;
  const id = await inReview(drafter, title);
  // Seconds ahead (the field takes seconds too, as a datetime-local with a step sends them).
  const expiresAt = Math.ceil((Date.now() + 20_000) / 1_000) * 1_000;
  const approved = await transition(reviser, id, "approve", row(id).version, { expiresAt: local(expiresAt, true) });
  expect(approved.result?.ok, JSON.stringify(approved.result)).toBe(true);
  const { slug } = row(id);
  const pages = ["/", "/topics/research", "/feed.xml", `/search?q=${encodeURIComponent(title)}`];
  expect((await request.get(`/news/${slug}`)).status()).toBe(200);
  // Each list links to it (the search page also repeats the words searched for, so the link is what counts).
  for (const path of pages) expect(await (await request.get(path)).text(), path).toMatch(new RegExp(`/news/${slug}[<"]`));
  // On this shared machine the first renders can be slow: the "before" must really be before.
  expect(Date.now(), "the pages were checked before the expiry").toBeLessThan(expiresAt);

  await expect.poll(async () => (await request.get(`/news/${slug}`)).status(), { timeout: 50_000, intervals: [500] }).toBe(404);
  expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
  for (const path of pages) expect(await (await request.get(path)).text(), path).not.toMatch(new RegExp(`/news/${slug}[<"]`));
  expect(row(id)).toMatchObject({ status: "unpublished", expires_at: null });
  const expiry = withDb((db) => db.prepare("select actor_id, details from audit_log where article_id = ? and action = 'article.expire'").all(id)) as { actor_id: number | null; details: string }[];
  expect(expiry).toHaveLength(1);
  expect(expiry[0]!.actor_id).toBeNull();
  expect(JSON.parse(expiry[0]!.details)).toMatchObject({ by: "scheduler" });

  // The newsroom says it expired; like an unpublished piece it can be started again.
  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);
  await expect(workflow(helen)).toContainText(/Expired on .+ \(UTC time\)/);
  await expect(workflow(helen).getByRole("button", { name: "Edit again" })).toBeVisible();
  await helen.goto(`/newsroom/articles?q=${encodeURIComponent(title)}`);
  await expect(helen.getByRole("row").filter({ hasText: title })).toContainText("Expired on");
});
