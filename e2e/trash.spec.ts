import { expect, test, type Browser, type Page } from "@playwright/test";
import { callAction } from "./support/actions";
import { expectNoAxeViolations } from "./support/axe";
import { storageState, type DemoRole } from "./support/auth";
import { withDb } from "./support/db";

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}
const saved = (page: Page) => expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });

test("a drafter deletes their draft after confirming; it is in the trash, read-only for them; an admin restores it", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Draft to delete ${Date.now()}`;
  const maya = await as(browser, "drafter");
  await maya.goto("/newsroom/articles");
  await maya.getByRole("button", { name: "New article" }).click();
  await maya.waitForURL(/\/newsroom\/articles\/\d+$/);
  const id = Number(new URL(maya.url()).pathname.split("/").pop());
  await maya.getByLabel("Title").fill(title);
  await saved(maya);

  // Cancel changes nothing; the dialog says what will happen.
  await maya.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = maya.getByRole("dialog", { name: `Delete “${title}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("moves to the trash");
  await expect(dialog).toContainText("Only an admin can restore it");
  await expectNoAxeViolations(maya);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(withDb((db) => db.prepare("select deleted_at from articles where id = ?").get(id))).toEqual({ deleted_at: null });

  await maya.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Move to trash" }).click();
  await maya.waitForURL((u) => u.pathname === "/newsroom/articles");
  await expect(maya.getByRole("status")).toContainText(`“${title}” was moved to the trash.`);
  await expect(maya.getByRole("link", { name: title })).toHaveCount(0);
  await maya.goto("/newsroom");
  await expect(maya.getByRole("region", { name: "My drafts" })).not.toContainText(title);

  await maya.goto("/newsroom/articles");
  await maya.getByRole("link", { name: "Trash" }).click();
  await expect(maya.getByRole("heading", { name: "Trash" })).toBeVisible();
  const entry = maya.getByRole("listitem").filter({ hasText: title });
  await expect(entry).toContainText("Deleted by Maya Lindqvist");
  await expect(entry.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  await expect(maya.getByText("Only admins can restore them.")).toBeVisible();

  await maya.goto(`/newsroom/articles/${id}`);
  await expect(maya.getByRole("heading", { name: `“${title}” is in the trash` })).toBeVisible();
  await expect(maya.getByLabel("Title")).toHaveCount(0);
  await expectNoAxeViolations(maya);

  const sam = await as(browser, "admin");
  await sam.goto("/newsroom/articles/trash");
  await expectNoAxeViolations(sam);
  await sam.getByRole("button", { name: `Restore “${title}”` }).click();
  await expect(sam.getByRole("status")).toContainText(`“${title}” was restored.`);
  await sam.getByRole("link", { name: "Open it" }).click();
  await expect(sam.getByLabel("Title")).toHaveValue(title);
  const audit = withDb((db) => db.prepare("select action from audit_log where article_id = ? and action in ('article.delete', 'article.restore_deleted') order by id").all(id));
  expect(audit).toEqual([{ action: "article.delete" }, { action: "article.restore_deleted" }]);
});

test("a live article offers no Delete; the server refuses a forged delete of it", async ({ browser }) => {
  const live = withDb((db) => db.prepare("select article_id as id from publications limit 1").get()) as { id: number };
  const helen = await as(browser, "reviser");
  await helen.goto(`/newsroom/articles/${live.id}`);
  await expect(helen.getByLabel("Title")).toBeVisible();
  await expect(helen.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  const call = await callAction(helen.request, "deleteArticleAction", { articleId: String(live.id) });
  expect(call.result).toMatchObject({ ok: false, code: "forbidden" });
  expect(withDb((db) => db.prepare("select deleted_at from articles where id = ?").get(live.id))).toEqual({ deleted_at: null });
});

test("“New article” twice without typing opens the same empty draft, not two", async ({ browser }) => {
  const tomas = await as(browser, "drafter2");
  await tomas.goto("/newsroom");
  await tomas.getByRole("button", { name: "New article" }).click();
  await tomas.waitForURL(/\/newsroom\/articles\/\d+$/);
  const first = tomas.url();
  await tomas.goto("/newsroom/articles");
  await tomas.getByRole("button", { name: "New article" }).click();
  await tomas.waitForURL(/\/newsroom\/articles\/\d+$/);
  expect(tomas.url()).toBe(first);
});
