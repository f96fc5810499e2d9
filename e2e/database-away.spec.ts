import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import type { RunningPostgres } from "../scripts/postgres.mjs";
import { demoPassword, signIn } from "./support/auth";
import { startOwnServer, stopProcess, waitForOk } from "./support/own-server";

/*
 * The database goes away under a running site (PostgreSQL stopped for patching) and comes back.
 * Readers keep getting every page that was already cached; a page that was not gets the site's
 * own "temporarily unavailable" page, not a blank one; the newsroom says the same in its words;
 * and once PostgreSQL is back the same pages answer again without restarting the app. A server
 * of this spec's own (E2E_PORT + 25) on a PostgreSQL of its own (+ 26), kept in a folder so it
 * can be stopped and started again with the same data.
 */
const PORT = Number(process.env.E2E_PORT || 3100) + 25;
const POSTGRES_PORT = PORT + 1;
const base = `http://127.0.0.1:${PORT}`;

let tmp = "";
let server: ChildProcess | null = null;
let postgres: RunningPostgres | null = null;

async function startDatabase(): Promise<RunningPostgres> {
  const { startPostgres } = await import("../scripts/postgres.mjs");
  return await startPostgres({ port: POSTGRES_PORT, keepIn: path.join(tmp, "postgres") });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { ensurePostgres } = await import("../scripts/postgres.mjs");
  const { prepareData } = await import("../scripts/lib.mjs");
  ensurePostgres();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-db-away-"));
  // PostgreSQL runs as its own user (we are root) and must reach its folder inside this one.
  fs.chmodSync(tmp, 0o755);
  postgres = await startDatabase();
  const dataDir = path.join(tmp, "data");
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, ".masthead-throwaway"), "created by e2e/database-away.spec.ts; safe to delete\n");
  prepareData(dataDir, { env: { DATABASE_URL: postgres.url, MASTHEAD_DEMO_PASSWORD: demoPassword() } });
  server = startOwnServer({ port: PORT, dataDir, env: { DATABASE_URL: postgres.url } });
  await waitForOk(`${base}/api/health`);
});

test.afterAll(async () => {
  await stopProcess(server);
  await postgres?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("readers get cached pages and a clear 'temporarily unavailable' page while PostgreSQL is down, and everything once it is back", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  // Read once while all is well: the front page is now in the page cache.
  await page.goto("/");
  const leadHeading = page.getByRole("region", { name: "Lead story" }).getByRole("heading", { level: 3 });
  const lead = await leadHeading.textContent();
  expect(lead?.trim()).toBeTruthy();
  const topic = await page.getByRole("navigation", { name: "Sections" }).getByRole("link").last().getAttribute("href");
  expect(topic).toMatch(/^\/topics\//);

  await postgres!.stop();
  postgres = null;

  // The cached front page is still served, whole.
  const front = await page.goto("/");
  expect(front?.status()).toBe(200);
  await expect(leadHeading).toHaveText(lead!.trim());

  // A topic page nobody read yet must be rendered, and cannot be: the site's own page says so.
  const unavailable = await page.goto(topic!);
  expect(unavailable?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page cannot be shown right now");
  await expect(page.getByText("Please try again in a minute")).toBeVisible();
  await expect(page.getByRole("link", { name: "Front page" })).toHaveAttribute("href", "/");
  await expect(page).toHaveTitle("Temporarily unavailable — Halden University News");
  await page.screenshot({ path: testInfo.outputPath("unavailable-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("unavailable-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Back: the same page answers, from the same running app.
  postgres = await startDatabase();
  await expect(async () => {
    const again = await page.goto(topic!);
    expect(again?.status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("This page cannot be shown right now");
  await context.close();
});

test("the newsroom says it cannot load, and that nothing saved is lost, while PostgreSQL is down", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signIn(page, "reviser@example.edu");
  await page.goto("/newsroom");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await postgres!.stop();
  postgres = null;
  const down = await page.goto("/newsroom");
  expect(down?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page cannot be loaded right now");
  await expect(page.getByText("Nothing you saved is lost")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("newsroom-unavailable.png") });
  // The pages outside the newsroom that read the database say the same in their words.
  for (const [url, kicker] of [
    ["/review/an-outside-reviewers-link-token-0123456789", "Preview unavailable"],
    ["/set-password?token=a-set-password-link-token-0123456789", "Temporarily unavailable"],
    ["/login", "Sign-in unavailable"],
  ] as const) {
    const answer = await page.goto(url);
    expect(answer?.status(), url).toBe(500);
    await expect(page.getByText(kicker, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page cannot be loaded right now");
  }
  await page.goto("/newsroom");

  postgres = await startDatabase();
  // "Try again" reloads the page, which now loads.
  await expect(async () => {
    await page.getByRole("button", { name: "Try again" }).click({ timeout: 2_000 });
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("This page cannot be loaded right now", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await context.close();
});
