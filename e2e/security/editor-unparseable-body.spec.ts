import { expect, test } from "@playwright/test";
import { storageState } from "../support/auth";
import { withDb } from "../support/db";
import { newArticle } from "../support/editor";

/*
 * Finding 1 of the hostile test: a stored body the editor cannot parse opened empty, and the
 * next keystroke autosaved that emptiness over the whole text. Such a body (here written
 * straight into the database, as an older version or a hand repair might leave it) must open
 * read-only with a clear message and never be overwritten.
 */
test.use({ storageState: storageState("drafter") });

const storedBody = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "The first paragraph the reporter wrote, which must survive." }] },
    { type: "paragraph", content: [{ type: "text", text: "Struck through", marks: [{ type: "strike" }] }] },
    { type: "paragraph", content: [{ type: "text", text: "Odd", marks: [{ type: "constructor" }] }] },
  ],
};

test("a body the editor cannot represent opens read-only and is never autosaved over", async ({ page }) => {
  const id = await newArticle(page);
  await page.getByLabel("Title").fill("Budget notes with legacy formatting");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });

  const raw = JSON.stringify(storedBody);
  const before = withDb((db) => {
    db.prepare("update articles set body = ? where id = ?").run(raw, id);
    return db.prepare("select version from articles where id = ?").get(id) as { version: number };
  });

  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "cannot show" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('formatting "strike" is not allowed');
  await expect(alert).toContainText("the stored text is unchanged");
  const body = page.getByRole("textbox", { name: "Body" });
  await expect(body).toHaveAttribute("contenteditable", "false");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);

  // Try to change it every way a person could, then wait past the autosave delay.
  await body.click();
  await page.keyboard.type("overwrite");
  await page.getByLabel("Title").press("End");
  await page.keyboard.type(" changed");
  await page.waitForTimeout(3_000);

  const after = withDb((db) => db.prepare("select body, title, version from articles where id = ?").get(id)) as { body: string; title: string; version: number };
  expect(JSON.parse(after.body)).toEqual(storedBody);
  expect(after.title).toBe("Budget notes with legacy formatting");
  expect(after.version).toBe(before.version);
});
