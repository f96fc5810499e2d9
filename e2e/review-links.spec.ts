import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { callAction, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { newArticle } from "./support/editor";
import { testPhoto } from "./support/images";
import { screenshotsTo } from "./support/shots";

/*
 * Outside review links (`/review/<token>`): made in the editor's "Outside review" panel, opened
 * by someone without an account, commented on, revoked; and the one plain "This link is not
 * valid" page for every link that does not open (revoked, expired, unknown), alike to the byte.
 */

const SHOTS = process.env.REVIEW_LINK_SHOTS;
const shot = screenshotsTo(SHOTS);

const panel = (page: Page) => page.getByRole("region", { name: "Outside review" });
const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saved = (page: Page) => expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
const research = () => withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
const audit = (id: number) => withDb((db) => db.prepare("select action from audit_log where article_id = ? and action like 'review_link.%' order by id").pluck().all(id)) as string[];
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

function expectPrivateHeaders(headers: Record<string, string>) {
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["surrogate-key"]).toBeUndefined();
}

test("a drafter makes a link; a stranger reads that version (noindex, no-store) and comments; it shows as an outside comment; revoked, the link is not valid", async ({ browser }) => {
  test.setTimeout(150_000);
  const maya = await pageAs(browser, "drafter");
  await maya.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = await newArticle(maya);
  const title = `Harbour mussels ${Date.now()}`;
  await maya.getByLabel("Title").fill(title);
  await body(maya).click();
  await maya.keyboard.type("Plastic levels fell by almost half since the ban, said Prof. Ada Smith.");
  await saved(maya);

  // The panel: 7 days and "This version" unless chosen otherwise.
  await expect(panel(maya).getByLabel("Expires after")).toHaveValue("7");
  await expect(panel(maya).getByRole("radio", { name: "This version" })).toBeChecked();
  await panel(maya).getByLabel("Who it is for (optional)").fill("Prof. Ada Smith, quotes");
  await panel(maya).getByRole("button", { name: "Make review link" }).click();
  const urlField = panel(maya).getByLabel(/New review link/);
  await expect(urlField).toHaveValue(/\/review\/[A-Za-z0-9_-]{43}$/);
  const url = await urlField.inputValue();
  await panel(maya).getByRole("button", { name: "Copy link" }).click();
  await expect(panel(maya).getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await maya.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const item = panel(maya).getByRole("listitem", { name: "Review link Prof. Ada Smith, quotes" });
  await expect(item).toContainText("This version (v2)");
  await expect(item).toContainText("Active · expires");
  await shot(maya, "panel-1280");

  // Later edits do not reach a link to "this version".
  await body(maya).press("End");
  await maya.keyboard.type(" Later words.");
  await saved(maya);

  // Someone without an account (a fresh context, no session) opens it.
  const stranger = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const response = await stranger.goto(url);
  expect(response!.status()).toBe(200);
  expectPrivateHeaders(response!.headers());
  await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(stranger.getByRole("note")).toHaveText("Draft for review — not published");
  await expect(stranger.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(stranger.getByRole("article")).toContainText("fell by almost half");
  await expect(stranger.getByRole("article")).not.toContainText("Later words");
  await expectNoAxeViolations(stranger);

  // A comment under a name, hostile markup and all.
  await stranger.getByLabel("Your name").fill("Ada Smith");
  await stranger.getByLabel("Passage you are commenting on (optional)").fill("fell by almost half");
  await stranger.getByLabel("Comment", { exact: true }).fill(`<img src=x onerror="window.pwned=1"> I said "by about half".`);
  await stranger.getByRole("button", { name: "Send comment" }).click();
  await expect(stranger.getByRole("status")).toHaveText("Thank you: your comment was sent to the newsroom.");
  await expect(stranger.getByLabel("Comment", { exact: true })).toHaveValue("");
  await expect(stranger.getByLabel("Your name")).toHaveValue("Ada Smith");
  await shot(stranger, "review-1280");
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(url);
  await expect(phone.getByRole("note")).toBeVisible();
  await shot(phone, "review-390");

  // In the newsroom: marked as an outside comment, the text as text.
  await maya.reload();
  const comment = maya.getByRole("listitem", { name: "Outside comment by Ada Smith" });
  await expect(comment).toContainText("Outside comment · Ada Smith (via review link)");
  await expect(comment).toContainText(`<img src=x onerror="window.pwned=1"> I said "by about half".`);
  expect(await maya.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(item).toContainText("1 comment");
  await comment.scrollIntoViewIfNeeded();
  await shot(maya, "outside-comment-1280");
  await expectNoAxeViolations(maya);

  // Revoke asks first, then the link stops at once.
  await panel(maya).getByRole("button", { name: "Revoke Prof. Ada Smith, quotes" }).click();
  const dialog = maya.getByRole("dialog", { name: "Revoke this review link?" });
  await expect(dialog).toContainText("stops working at once");
  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await expect(item).toContainText(/Revoked .* by Maya Lindqvist/);
  await expect(item.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const gone = await stranger.reload();
  expect(gone!.status()).toBe(404);
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  await expect(stranger.getByText(title)).toHaveCount(0);

  expect(audit(id)).toEqual(["review_link.create", "review_link.view", "review_link.comment", "review_link.revoke"]);

  const phoneEditor = await pageAs(browser, "drafter", 390);
  await phoneEditor.goto(`/newsroom/articles/${id}`);
  await panel(phoneEditor).scrollIntoViewIfNeeded();
  await expect(panel(phoneEditor).getByRole("listitem", { name: "Review link Prof. Ada Smith, quotes" })).toContainText("Revoked");
  if (SHOTS) await panel(phoneEditor).screenshot({ path: `${SHOTS}/panel-390.png` });
});

async function makeLink(request: APIRequestContext, articleId: number, fields: Record<string, string> = {}) {
  const made = await callAction(request, "createReviewLinkAction", { articleId: String(articleId), days: "7", mode: "latest", label: "", ...fields }, { page: `/newsroom/articles/${articleId}` });
  return made;
}

test("a draft's photo, which readers cannot fetch, is shown to the link's holder and stops with the link", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(150_000);
  const maya = await pageAs(browser, "drafter");
  await newArticle(maya);
  await maya.getByLabel("Title").fill(`Reef survey ${Date.now()}`);
  await body(maya).click();
  await maya.keyboard.type("Divers counted the mussels by hand.");
  await maya.getByRole("toolbar", { name: "Formatting" }).getByLabel("Add photo").setInputFiles(await testPhoto("reef.png", "#2a6f97"));
  await expect(body(maya).getByRole("figure")).toHaveCount(1, { timeout: 30_000 });
  await saved(maya);
  await panel(maya).getByRole("button", { name: "Make review link" }).click();
  const url = await panel(maya).getByLabel(/New review link/).inputValue();

  const stranger = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await stranger.goto(url);
  const photo = stranger.getByRole("article").locator("figure img");
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  const src = new URL(await photo.evaluate((img: HTMLImageElement) => img.currentSrc));
  expect(src.pathname.startsWith(`${new URL(url).pathname}/media/`)).toBe(true);
  const anonymous = await playwright.request.newContext({ baseURL });
  const viaLink = await anonymous.get(src.pathname);
  expect(viaLink.status()).toBe(200);
  expect(viaLink.headers()["cache-control"]).toBe("private, no-store");
  // The same photo through readers' /media: not public, so a plain 404.
  expect((await anonymous.get(src.pathname.replace(/^\/review\/[^/]+/, ""))).status()).toBe(404);
  // Revoked: the photo stops with the page.
  await panel(maya).getByRole("button", { name: /^Revoke/ }).click();
  await maya.getByRole("dialog", { name: "Revoke this review link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(panel(maya).getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  expect((await anonymous.get(src.pathname)).status()).toBe(404);
  await anonymous.dispose();
});

test("revoked, expired and unknown links get the same plain 404 page, byte for byte; a malformed one the same page", async ({ playwright, baseURL, request }) => {
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const { id } = await writeArticle(reviser, { title: `Tide gauges ${Date.now()}`, topicIds: [research()] });
  const made = async () => {
    const result = await makeLink(reviser, id);
    expect(result.result?.ok, JSON.stringify(result.result)).toBe(true);
    return tokenOf((result.result!.data as { url: string }).url);
  };
  const expired = await made();
  const revoked = await made();
  const valid = await made();
  withDb((db) => db.prepare("update review_links set expires_at = ? where id = (select min(id) from review_links where article_id = ?)").run(Date.now() - 1000, id));
  const links = withDb((db) => db.prepare("select id from review_links where article_id = ? order by id").pluck().all(id)) as number[];
  const revoke = await callAction(reviser, "revokeReviewLinkAction", { articleId: String(id), linkId: String(links[1]) }, { page: `/newsroom/articles/${id}` });
  expect(revoke.result?.ok).toBe(true);

  expect((await request.get(`/review/${valid}`)).status()).toBe(200);
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const answers = [];
  for (const token of [expired, revoked, random]) {
    const response = await request.get(`/review/${token}`);
    expect(response.status(), token).toBe(404);
    expectPrivateHeaders(response.headers());
    const text = await response.text();
    expect(text).toContain("This link is not valid");
    expect(text).not.toContain("Tide gauges");
    // The page names the path it was asked for (the router's state), nothing else differs.
    answers.push(text.replaceAll(token, "TOKEN"));
  }
  expect(new Set(answers).size).toBe(1);
  // Something that is not a token at all gets the same page (its router state differs only in
  // how React serializes the shorter path it echoes).
  const malformed = await request.get("/review/not-a-token");
  expect(malformed.status()).toBe(404);
  expectPrivateHeaders(malformed.headers());
  expect(await malformed.text()).toContain("This link is not valid");

  // A comment through a dead link is refused like the page, and stores nothing.
  const before = withDb((db) => db.prepare("select count(*) from comments where article_id = ?").pluck().get(id));
  const refused = await callAction(request, "addOutsideCommentAction", { token: revoked, name: "Ada", body: "Hello" }, { page: `/review/${revoked}` });
  expect(refused.result).toMatchObject({ ok: false, message: "This link is not valid." });
  expect(withDb((db) => db.prepare("select count(*) from comments where article_id = ?").pluck().get(id))).toBe(before);
});

test("a drafter cannot make a link to someone else's article; a reviser can", async ({ playwright, baseURL }) => {
  const maya = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const tomas = await playwright.request.newContext({ baseURL, storageState: storageState("drafter2") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const { id } = await writeArticle(maya, { title: `Seagrass meadows ${Date.now()}`, topicIds: [research()] });
  const refused = await makeLink(tomas, id);
  expect(refused.result).toMatchObject({ ok: false, code: "not_found" });
  expect(withDb((db) => db.prepare("select count(*) from review_links where article_id = ?").pluck().get(id))).toBe(0);
  expect((await makeLink(reviser, id)).result?.ok).toBe(true);
  expect((await makeLink(maya, id, { days: "30" })).result).toMatchObject({ ok: false, code: "invalid" });
  expect(withDb((db) => db.prepare("select count(*) from review_links where article_id = ?").pluck().get(id))).toBe(1);
});
