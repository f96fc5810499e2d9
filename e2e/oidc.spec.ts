import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { copyTestData, stopProcess, waitForOk } from "./support/own-server";
import { expectSignedOut, signOnAs, startMastheadWithOidc } from "./support/oidc";
import { freePort, startOidcProvider, type RunningProvider, type TestAccount } from "./support/oidc-provider";

/*
 * University sign-on end to end, in Chromium, against a real OpenID provider (oidc-provider)
 * started here, and Masthead servers of their own with MASTHEAD_OIDC_* set, on throwaway copies
 * of the test data. The main e2e server (no OIDC variables) is only asked for its sign-in page.
 */

const NAME = "Halden ID";
const ACCOUNTS: Record<string, TestAccount> = {
  // The provider says "admin"; Masthead knows her as a reviser, and that is what counts.
  rita: { email: "Reviser@Example.EDU", name: "Someone Else", extra: { role: "admin", groups: ["masthead-admins"] } },
  stranger: { email: "stranger@example.edu", name: "Sam Stranger" },
  nora: { email: "nora.newcomer@example.edu", name: "Nora Newcomer" },
  former: { email: "drafter2@example.edu" },
  dora: { email: "drafter@example.edu" },
  unchecked: { email: "admin@example.edu", emailVerified: false },
  misdirected: { email: "admin@example.edu", tamper: "audience" },
  stale: { email: "admin@example.edu", tamper: "expired" },
};

let provider: RunningProvider;
let siteA = "";
let siteB = "";
let portA = 0;
let portB = 0;

test.beforeAll(async () => {
  [portA, portB] = [await freePort(), await freePort()];
  siteA = `http://127.0.0.1:${portA}`;
  siteB = `http://127.0.0.1:${portB}`;
  provider = await startOidcProvider({ accounts: ACCOUNTS, redirectUris: [siteA, siteB].map((s) => `${s}/api/auth/callback/oidc`) });
});
test.afterAll(async () => {
  await provider?.close();
});

function oidcEnv(createDrafters: boolean): Record<string, string> {
  return {
    MASTHEAD_OIDC_ISSUER: provider.issuer,
    MASTHEAD_OIDC_CLIENT_ID: provider.clientId,
    MASTHEAD_OIDC_CLIENT_SECRET: provider.clientSecret,
    MASTHEAD_OIDC_NAME: NAME,
    MASTHEAD_OIDC_CREATE_DRAFTERS: createDrafters ? "1" : "0",
  };
}

interface Instance {
  server: ChildProcess;
  dataDir: string;
  db: Database.Database;
}

async function startInstance(port: number, createDrafters: boolean): Promise<Instance> {
  const dataDir = await copyTestData("masthead-oidc-e2e-");
  const db = new Database(`${dataDir}/masthead.db`);
  // Whatever earlier specs did to the copied people: the states this spec starts from.
  db.prepare("update users set active = 1 where email in ('reviser@example.edu', 'drafter@example.edu', 'admin@example.edu')").run();
  db.prepare("update users set active = 0 where email = 'drafter2@example.edu'").run();
  db.prepare("delete from users where email in ('stranger@example.edu', 'nora.newcomer@example.edu')").run();
  const server = startMastheadWithOidc({ port, dataDir, oidc: oidcEnv(createDrafters) });
  await waitForOk(`http://127.0.0.1:${port}/api/health`);
  return { server, dataDir, db };
}

async function stopInstance(instance: Instance | undefined) {
  if (!instance) return;
  instance.db.close();
  await stopProcess(instance.server);
  fs.rmSync(instance.dataDir, { recursive: true, force: true });
}

const lastAudit = (db: Database.Database, action: string) =>
  db.prepare("select action, subject_user_id subjectId, details from audit_log where action = ? order by id desc limit 1").get(action) as
    | { action: string; subjectId: number | null; details: string }
    | undefined;

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("without the OIDC variables the sign-in page offers the password form only", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Sign in with/ })).toHaveCount(0);
});

test.describe("university sign-on", () => {
  let a: Instance | undefined;
  test.beforeAll(async () => {
    a = await startInstance(portA, false);
  });
  test.afterAll(async () => stopInstance(a));

  test("a known address signs in and lands in the newsroom with the Masthead role", async ({ browser }) => {
    const page = await freshPage(browser);
    await page.goto(`${siteA}/login`);
    await expect(page.getByRole("button", { name: `Sign in with ${NAME}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await signOnAs(page, siteA, NAME, "rita");
    await expect(page).toHaveURL(`${siteA}/newsroom`);
    const name = (a!.db.prepare("select name from users where email = 'reviser@example.edu'").get() as { name: string }).name;
    const banner = page.getByRole("banner");
    await expect(banner).toContainText(name);
    await expect(banner).toContainText("Reviser");
    await expect(banner).not.toContainText("Someone Else");
    await expect(page.getByRole("link", { name: "Staff" })).toHaveCount(0);
    expect(JSON.parse(lastAudit(a!.db, "sign_in")!.details)).toMatchObject({ method: "oidc" });
  });

  test("after a sign-on the browser goes where it was going, and never off the site", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteA, NAME, "rita", `/login?callbackUrl=${encodeURIComponent("/newsroom/profile")}`);
    await expect(page).toHaveURL(`${siteA}/newsroom/profile`);
    const other = await freshPage(browser);
    await signOnAs(other, siteA, NAME, "rita", `/login?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
    await expect(other).toHaveURL(`${siteA}/newsroom`);
  });

  test("an unknown address is refused with a message, an audit row and no account", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteA, NAME, "stranger");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("No Masthead account for stranger@example.edu; ask an admin to add you.");
    await expectNoAxeViolations(page);
    expect(JSON.parse(lastAudit(a!.db, "sign_in.refused")!.details)).toMatchObject({ reason: "no_account", email: "stranger@example.edu", method: "oidc" });
    expect(a!.db.prepare("select count(*) n from users where email = 'stranger@example.edu'").get()).toEqual({ n: 0 });
    await expectSignedOut(page, siteA);
  });

  test("a deactivated account is refused", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteA, NAME, "former");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The Masthead account for drafter2@example.edu is deactivated");
    const row = lastAudit(a!.db, "sign_in.refused")!;
    expect(JSON.parse(row.details)).toMatchObject({ reason: "deactivated" });
    expect(row.subjectId).toBe((a!.db.prepare("select id from users where email = 'drafter2@example.edu'").get() as { id: number }).id);
    await expectSignedOut(page, siteA);
  });

  test("a sign-on session ends on the next request once the account is deactivated", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteA, NAME, "dora");
    await expect(page).toHaveURL(`${siteA}/newsroom`);
    await page.goto(`${siteA}/newsroom/articles`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // What deactivating does to the row; the session check reads `active` on every request.
    a!.db.prepare("update users set active = 0 where email = 'drafter@example.edu'").run();
    try {
      await page.goto(`${siteA}/newsroom/articles`);
      await expect(page).toHaveURL((u) => u.pathname === "/login");
      await expect(page.getByRole("status")).toHaveText("Your session has ended. Please sign in again.");
      await expectSignedOut(page, siteA);
    } finally {
      a!.db.prepare("update users set active = 1 where email = 'drafter@example.edu'").run();
    }
  });

  test("an address the provider has not verified matches nobody", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteA, NAME, "unchecked");
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`Your ${NAME} has not confirmed the e-mail address admin@example.edu`);
    expect(JSON.parse(lastAudit(a!.db, "sign_in.refused")!.details)).toMatchObject({ reason: "unverified_email" });
    await expectSignedOut(page, siteA);
  });

  for (const [login, what, expected] of [
    ["misdirected", "an id_token for another client (wrong audience)", /aud mismatch/],
    ["stale", "an expired id_token", /expired/],
  ] as const) {
    test(`${what} is refused, though signed by the provider`, async ({ browser }) => {
      const page = await freshPage(browser);
      await signOnAs(page, siteA, NAME, login);
      await expect(page).toHaveURL((u) => u.pathname === "/login");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(`Sign-in with your ${NAME} did not complete: its answer could not be verified. Try again; if it keeps failing, ask an admin.`);
      // The audit row is written just after the redirect.
      await expect.poll(() => lastAudit(a!.db, "sign_in.failed")?.details ?? "").toMatch(expected);
      await expectSignedOut(page, siteA);
    });
  }
});

test.describe("university sign-on creating drafters", () => {
  let b: Instance | undefined;
  test.beforeAll(async () => {
    b = await startInstance(portB, true);
  });
  test.afterAll(async () => stopInstance(b));

  test("a first sign-on of an unknown address creates a drafter", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteB, NAME, "nora");
    await expect(page).toHaveURL(`${siteB}/newsroom`);
    await expect(page.getByRole("banner")).toContainText("Nora Newcomer");
    await expect(page.getByRole("banner")).toContainText("Drafter");
    expect(b!.db.prepare("select name, role, active, password_hash hash from users where email = 'nora.newcomer@example.edu'").get()).toEqual({ name: "Nora Newcomer", role: "drafter", active: 1, hash: null });
    expect(JSON.parse(lastAudit(b!.db, "staff.add")!.details)).toEqual({ role: "drafter", via: "oidc" });
  });

  test("a deactivated account is still refused, and not recreated", async ({ browser }) => {
    const page = await freshPage(browser);
    await signOnAs(page, siteB, NAME, "former");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The Masthead account for drafter2@example.edu is deactivated");
    expect(b!.db.prepare("select count(*) n from users where email = 'drafter2@example.edu'").get()).toEqual({ n: 1 });
  });
});
