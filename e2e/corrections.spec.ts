import { expect, test, type APIRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { callAction, clickWorkflow, transition, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { screenshotsTo } from "./support/shots";

/*
 * Corrections and clarifications, by role and label: a reviser adds one to a live article and
 * readers see it above the credits, in the JSON-LD and in the feed; a drafter sees no form and a
 * forged call is refused; a note added while a new version is worked on waits for its approval.
 */

const shot = screenshotsTo(process.env.CORRECTIONS_SHOTS);

const research = () => withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
const row = (id: number) => withDb((db) => db.prepare("select slug, status, version from articles where id = ?").get(id)) as { slug: string; status: string; version: number };
const noteCount = (id: number) => withDb((db) => db.prepare("select count(*) from article_notes where article_id = ?").pluck().get(id)) as number;
const panel = (page: Page) => page.getByRole("region", { name: "Corrections and clarifications" });
// The tests run with UTC as the site's zone.
const today = () => new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date());

/** An article written by the drafter, submitted and approved by the reviser, through the real actions. */
async function liveArticle(baseURL: string, playwright: { request: APIRequest }, title: string): Promise<{ id: number; slug: string }> {
  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviser = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const { id, version } = await writeArticle(drafter, { title, standfirst: "Measurements along the whole river.", topicIds: [research()] });
  expect((await transition(drafter, id, "submit", version)).result?.ok).toBe(true);
  expect((await transition(reviser, id, "approve", row(id).version)).result?.ok).toBe(true);
  return { id, slug: row(id).slug };
}

async function publicText(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  return response.text();
}

test("a reviser's correction appears at once above the credits, in the JSON-LD and in the feed", async ({ browser, playwright, baseURL, request }) => {
  test.setTimeout(120_000);
  const title = `River sediment survey ${Date.now()}`;
  const { id, slug } = await liveArticle(baseURL!, playwright, title);
  const helen = await pageAs(browser, "reviser");
  await helen.goto(`/newsroom/articles/${id}`);
  const notes = panel(helen);
  await expect(notes).toContainText("is a silent edit, and readers are not told");
  await expect(notes).toContainText("this appears on the public page as soon as you add it");
  await expect(notes.getByRole("radio", { name: "Correction" })).toBeChecked();

  // Empty text is refused with a message on the field, and nothing is written.
  await notes.getByRole("button", { name: "Add correction" }).click();
  await expect(notes.getByLabel("Text", { exact: true })).toHaveAccessibleDescription(/Write the text readers will see/);
  expect(noteCount(id)).toBe(0);

  const text = `An earlier version said the river is 400 km long; it is 40 km <long> & ${Date.now()}.`;
  await notes.getByLabel("Text", { exact: true }).fill(text);
  await notes.getByRole("button", { name: "Add correction" }).click();
  const dialog = helen.getByRole("dialog", { name: "Publish this correction now?" });
  await expect(dialog).toContainText("This appears on the public page now");
  await expectNoAxeViolations(helen);
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(noteCount(id)).toBe(0);
  await notes.getByRole("button", { name: "Add correction" }).click();
  await dialog.getByRole("button", { name: "Publish correction" }).click();
  await expect(notes.getByRole("status")).toHaveText("Correction added: it is on the public page now.");
  const item = notes.getByRole("list", { name: "Notes on this article" }).getByRole("listitem");
  await expect(item).toContainText("Live");
  await expect(item).toContainText(text);
  await expectNoAxeViolations(helen);
  await shot(helen, "panel-1280");

  // The public page: above the credits, dated, with a machine-readable time.
  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await reader.goto(`/news/${slug}`);
  const shown = reader.getByRole("region", { name: "Corrections and clarifications" });
  await expect(shown.getByRole("listitem")).toHaveText(`Correction, ${today()}: ${text}`);
  await expect(shown.getByRole("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  const credits = reader.getByRole("region", { name: "About this article" });
  expect((await shown.boundingBox())!.y).toBeLessThan((await credits.boundingBox())!.y);
  await expectNoAxeViolations(reader);
  await shot(reader, "public-1280");
  await reader.setViewportSize({ width: 390, height: 844 });
  await shot(reader, "public-390");

  // JSON-LD lists it as a CorrectionComment.
  const html = await publicText(request, `/news/${slug}`);
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { correction?: { "@type": string; text: string; datePublished: string }[] };
  expect(jsonLd.correction).toEqual([expect.objectContaining({ "@type": "CorrectionComment", text: `Correction: ${text}`, datePublished: expect.any(String) })]);

  // And the feed's item says it, escaped.
  const feed = await publicText(request, "/feed.xml");
  const itemXml = feed.split("<item>").find((i) => i.includes(`/news/${slug}<`))!;
  expect(itemXml).toContain(`&lt;strong&gt;Correction, ${today()}:&lt;/strong&gt; An earlier version said the river is 400 km long; it is 40 km &amp;lt;long&amp;gt; &amp;amp;`);

  const audit = withDb((db) => db.prepare("select action from audit_log where article_id = ? and action like 'note.%' order by id").pluck().all(id)) as string[];
  expect(audit).toEqual(["note.add", "note.publish"]);
});

test("a drafter sees the notes without a form, and a forged call is refused and recorded", async ({ browser, playwright, baseURL }) => {
  const { id } = await liveArticle(baseURL!, playwright, `Drafter's own live piece ${Date.now()}`);
  const maya = await pageAs(browser, "drafter");
  await maya.goto(`/newsroom/articles/${id}`);
  const notes = panel(maya);
  await expect(notes).toContainText("Only revisers and admins add corrections. To ask for one, leave a comment.");
  await expect(notes.getByRole("button", { name: /Add (correction|clarification)/ })).toHaveCount(0);
  await expect(notes.getByRole("radio")).toHaveCount(0);
  await expectNoAxeViolations(maya);

  const drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const forged = await callAction(drafter, "addNoteAction", { articleId: String(id), kind: "correction", text: "Quietly fixed." }, { page: `/newsroom/articles/${id}` });
  expect(forged.result).toMatchObject({ ok: false, code: "forbidden", message: expect.stringMatching(/^Only revisers and admins can add or withdraw corrections/) });
  expect(noteCount(id)).toBe(0);
  const refused = withDb((db) => db.prepare("select action from audit_log where article_id = ? order by id desc limit 1").pluck().get(id)) as string;
  expect(refused).toBe("article.add_note.refused");
});

test("a note added while a new version is worked on shows only after the next approval; withdrawing needs a reason", async ({ browser, playwright, baseURL, request }) => {
  test.setTimeout(120_000);
  const { id, slug } = await liveArticle(baseURL!, playwright, `Library hours extended ${Date.now()}`);
  const helen = await pageAs(browser, "reviser", 390);
  await helen.goto(`/newsroom/articles/${id}`);
  await clickWorkflow(helen, "Edit again");
  await expect.poll(() => row(id).status).toBe("in_review");
  const notes = panel(helen);
  await expect(notes).toContainText("this goes live with the next approval");

  const text = `The extension applies to the main library only ${Date.now()}.`;
  await notes.getByRole("radio", { name: "Clarification" }).check();
  await notes.getByLabel("Text", { exact: true }).fill(text);
  await notes.getByRole("button", { name: "Add clarification" }).click();
  // No confirmation: nothing public happens now.
  await expect(notes.getByRole("status")).toHaveText("Clarification added: it goes live with the next approval.");
  await expect(notes.getByRole("listitem").filter({ hasText: text })).toContainText("Goes live with the next approval");
  await expectNoAxeViolations(helen);
  await shot(helen, "panel-pending-390");
  expect(await publicText(request, `/news/${slug}`)).not.toContain(text);
  expect(await publicText(request, "/feed.xml")).not.toContain(text);

  await clickWorkflow(helen, "Approve and publish");
  await expect.poll(() => row(id).status).toBe("published");
  await expect.poll(async () => (await publicText(request, `/news/${slug}`)).includes(text)).toBe(true);
  expect(await publicText(request, "/feed.xml")).toContain(text);

  // Withdrawing asks for the reason, keeps the note (as withdrawn) and takes it off the page.
  await helen.reload();
  const item = panel(helen).getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("Live");
  await item.getByRole("button", { name: "Withdraw…" }).click();
  const dialog = helen.getByRole("dialog", { name: "Withdraw this clarification?" });
  await expect(dialog).toContainText("Readers will no longer see it");
  await dialog.getByRole("button", { name: "Withdraw clarification" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give a reason (at least 5 characters).");
  await dialog.getByLabel("Reason").fill("Added to the wrong article.");
  await dialog.getByRole("button", { name: "Withdraw clarification" }).click();
  await expect(item).toContainText("Withdrawn");
  await expect(item).toContainText("“Added to the wrong article.”");
  expect(await publicText(request, `/news/${slug}`)).not.toContain(text);
  expect(noteCount(id)).toBe(1);
});
