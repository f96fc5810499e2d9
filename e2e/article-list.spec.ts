import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";

test.use({ storageState: storageState("reviser") });

const rows = (page: import("@playwright/test").Page) => page.getByRole("table").getByRole("row");

test("search, filter and sort live in the URL; back returns to the previous list", async ({ page }) => {
  await page.goto("/newsroom/articles");
  await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
  const all = await rows(page).count();
  expect(all).toBeGreaterThan(2);

  // A changed select applies at once (with JavaScript) and lands in the URL.
  await page.getByLabel("Status").selectOption("published");
  await page.waitForURL(/status=published/);
  await expect(page.getByText(/articles? match/)).toContainText("status Published");
  for (const badge of await page.getByRole("table").getByRole("cell").filter({ hasText: /^(Draft|In review)$/ }).all()) await expect(badge).toHaveCount(0);

  await page.getByRole("link", { name: /^Title/ }).click();
  await page.waitForURL(/sort=title&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Title/ })).toHaveAttribute("aria-sort", "ascending");
  const names = await page.getByRole("table").getByRole("link").filter({ hasNotText: /^(Title|Status|Last change|Published)/ }).allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get("status") === "published" && u.searchParams.get("sort") !== "title");
  await expect(page.getByLabel("Status")).toHaveValue("published");

  // Nothing matches: say so, and offer the way back.
  await page.getByLabel("Search").fill("zzz-no-such-words");
  await page.getByLabel("Search").press("Enter");
  await page.waitForURL(/q=zzz-no-such-words/);
  await expect(page.getByText("No articles match “zzz-no-such-words”, status Published.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await page.waitForURL((u) => u.pathname === "/newsroom/articles" && u.search === "");
  await expect(rows(page)).toHaveCount(all);
});

test("invalid query values are ignored, not an error", async ({ page }) => {
  const response = await page.goto("/newsroom/articles?status=bogus&sort=1;drop&dir=up&page=-2&person=abc&topic=%3Cscript%3E");
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Sort by")).toHaveValue("updated");
  await expect(rows(page).nth(1)).toBeVisible();
});

test("the filter form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("reviser"), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/newsroom/articles");
  const someTitle = (await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().textContent())!.trim();
  await page.getByLabel("Search").fill(someTitle.split(" ").slice(0, 2).join(" "));
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/q=/);
  await expect(page.getByRole("link", { name: someTitle })).toBeVisible();
  await context.close();
});
