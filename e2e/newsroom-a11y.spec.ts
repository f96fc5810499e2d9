import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";

test.use({ storageState: storageState("admin") });

function newsroomPages(): string[] {
  const published = withDb((db) => db.prepare("select article_id as id from publications limit 1").get()) as { id: number };
  return [
    "/newsroom",
    "/newsroom/articles",
    "/newsroom/articles?q=the&status=published&sort=title&dir=asc",
    "/newsroom/articles?q=zzz-nothing-matches",
    "/newsroom/articles/trash",
    "/newsroom/media",
    "/newsroom/media?q=zzz-nothing-matches",
    "/newsroom/profile",
    "/newsroom/calendar",
    "/newsroom/calendar?view=week",
    "/newsroom/staff",
    "/newsroom/audit",
    "/newsroom/audit?action=refused",
    `/newsroom/articles/${published.id}`,
    `/newsroom/articles/${published.id}/preview`,
    `/newsroom/articles/${published.id}/history`,
  ];
}

async function scanAll(page: Page) {
  for (const path of newsroomPages()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
  }
}

test("every newsroom page passes an axe scan at desktop width", async ({ page }) => {
  test.setTimeout(120_000);
  await scanAll(page);
});

test("every newsroom page passes an axe scan at 390 px, also with the menu open", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await scanAll(page);
  await page.goto("/newsroom/articles");
  await page.getByRole("button", { name: "Menu" }).click();
  await expectNoAxeViolations(page);
});

test("the delete confirmation passes an axe scan", async ({ page }) => {
  const id = withDb((db) =>
    db.prepare("select id from articles where status = 'draft' and deleted_at is null and not exists (select 1 from publications p where p.article_id = articles.id) order by id limit 1").get(),
  ) as { id: number };
  await page.goto(`/newsroom/articles/${id.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the newsroom works by keyboard: skip link, then the navigation", async ({ page }) => {
  await page.goto("/newsroom");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /Masthead/ })).toBeFocused();
});
