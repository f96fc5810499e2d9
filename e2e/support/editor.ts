import type { Page } from "@playwright/test";

/** Opens a new article's editor from the article list, as a person would; returns its id. */
export async function newArticle(page: Page): Promise<number> {
  await page.goto("/newsroom/articles");
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}
