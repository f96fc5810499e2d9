import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";

export type DemoRole = "drafter" | "drafter2" | "reviser" | "admin";

/** The demo password of this run (scripts/e2e-server.mjs writes it into the throwaway folder). */
export function demoPassword(): string {
  const dir = fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
  return fs.readFileSync(path.join(dir, "e2e-demo-password"), "utf8").trim();
}

/** Signs in through the real form and waits for the newsroom. */
export async function signIn(page: Page, email: string, password = demoPassword()) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/newsroom");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Path of the saved sign-in state of a demo role (made once by the setup project). */
export function storageState(role: DemoRole): string {
  return path.join(process.cwd(), "reports", "auth", `${role}.json`);
}

/** A page signed in as `role`, in a context of its own, `width` px wide (a phone below 500). */
export async function pageAs(browser: Browser, role: DemoRole, width = 1280): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), viewport: { width, height: width < 500 ? 844 : 900 } });
  return context.newPage();
}
