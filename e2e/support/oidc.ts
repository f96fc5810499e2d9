import type { ChildProcess } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { startOwnServer } from "./own-server";

/*
 * Helpers of e2e/oidc.spec.ts: a Masthead server of its own with university sign-on configured
 * (on a throwaway copy of the test data), and the steps a person takes at the provider.
 */

/** Starts scripts/server.mjs on `port` with the OIDC variables set. */
export function startMastheadWithOidc({ port, dataDir, oidc }: { port: number; dataDir: string; oidc: Record<string, string> }): ChildProcess {
  return startOwnServer({ port, dataDir, env: oidc });
}

/**
 * From Masthead's sign-in page through the provider's own login and consent pages (its
 * development interactions take any password) and back.
 */
export async function signOnAs(page: Page, site: string, providerName: string, login: string, loginPath = "/login"): Promise<void> {
  await page.goto(`${site}${loginPath}`);
  await page.getByRole("button", { name: `Sign in with ${providerName}` }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((u) => u.origin === site && (u.pathname.startsWith("/newsroom") || u.pathname === "/login"));
}

/** Asserts the browser holds no Masthead session (no cookie with a value; the newsroom sends it to sign-in). */
export async function expectSignedOut(page: Page, site: string): Promise<void> {
  const cookies = await page.context().cookies(site);
  expect(cookies.filter((c) => c.name.includes("session-token") && c.value !== "").map((c) => c.name)).toEqual([]);
  await page.goto(`${site}/newsroom`);
  await expect(page).toHaveURL((u) => u.pathname === "/login");
}
