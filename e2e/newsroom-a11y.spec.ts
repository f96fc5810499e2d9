import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";

test.use({ storageState: storageState("admin") });

test("every newsroom page type passes an axe scan", async ({ page }) => {
  const published = withDb((db) => db.prepare("select article_id as id from publications limit 1").get()) as { id: number };
  for (const path of [
    "/newsroom",
    "/newsroom/articles",
    "/newsroom/media",
    "/newsroom/profile",
    "/newsroom/staff",
    "/newsroom/audit",
    `/newsroom/articles/${published.id}`,
    `/newsroom/articles/${published.id}/preview`,
    `/newsroom/articles/${published.id}/history`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
  }
});

test("the newsroom works by keyboard: skip link, then the navigation", async ({ page }) => {
  await page.goto("/newsroom");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /Masthead/ })).toBeFocused();
});
