import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";

// The newsroom on a 390 px phone: a "Menu" disclosure instead of a bar that runs off the screen,
// and no page wider than the viewport.
test.use({ storageState: storageState("admin"), viewport: { width: 390, height: 844 } });

test("the newsroom menu is a disclosure button", async ({ page }) => {
  await page.goto("/newsroom");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Newsroom" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await nav.getByRole("link", { name: "Articles" }).click();
  await page.waitForURL((u) => u.pathname === "/newsroom/articles");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
});

test("no newsroom page is wider than the phone", async ({ page }) => {
  const published = withDb((db) => db.prepare("select article_id as id from publications limit 1").get()) as { id: number };
  for (const path of [
    "/newsroom",
    "/newsroom/articles",
    "/newsroom/articles?status=published&sort=title&dir=asc",
    "/newsroom/articles/trash",
    "/newsroom/media",
    "/newsroom/staff",
    "/newsroom/audit",
    "/newsroom/profile",
    "/newsroom/calendar",
    "/newsroom/calendar?view=week",
    `/newsroom/articles/${published.id}`,
    `/newsroom/articles/${published.id}/preview`,
    // The history page (its revision table and comparison) belongs to the review work and is not checked here yet.
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
});
