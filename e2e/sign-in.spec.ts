import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { demoPassword, signIn, storageState } from "./support/auth";
import { withDb } from "./support/db";

test("a visitor who opens the newsroom is sent to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/newsroom/profile");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom%2Fprofile$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill("drafter@example.edu");
  await page.getByLabel("Password").fill(demoPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/newsroom/profile");
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
});

test("each demo role signs in and sees what the role allows", async ({ browser }) => {
  for (const [role, name, sees, hidden] of [
    ["drafter", "Maya Lindqvist", "My drafts", "Waiting for review"],
    ["reviser", "Helen Marchetti", "Waiting for review", "Staff"],
    ["admin", "Samuel Adeyemi", "Staff", null],
  ] as const) {
    const context = await browser.newContext({ storageState: storageState(role) });
    const page = await context.newPage();
    await page.goto("/newsroom");
    await expect(page.getByRole("banner")).toContainText(name);
    await expect(page.getByText(sees, { exact: true }).first()).toBeVisible();
    if (hidden) await expect(page.getByText(hidden, { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await context.close();
  }
});

test("a drafter gets 403 on the staff page; sign out ends the session", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("drafter") });
  const page = await context.newPage();
  const response = await page.goto("/newsroom/staff");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await page.goto("/newsroom");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((u) => u.pathname === "/login");
  await page.goto("/newsroom");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("a wrong password and an unknown address get the same clear message", async ({ page }) => {
  for (const [email, password] of [
    ["reviser@example.edu", "not-the-password-at-all"],
    ["nobody@example.edu", demoPassword()],
  ]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("after five failures an account is throttled, even with the right password", async ({ page }) => {
  const email = "drafter2@example.edu";
  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(demoPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-in attempts. Try again in");
  const row = withDb((db) => db.prepare("select failures, locked_until from login_throttle where key = ?").get(`account:${email}`)) as {
    failures: number;
    locked_until: number;
  };
  expect(row.failures).toBe(5);
  expect(row.locked_until).toBeGreaterThan(Date.now());
  // Let the other tests use the account again.
  withDb((db) => db.prepare("delete from login_throttle where key = ?").run(`account:${email}`));
});

test("a deactivated person's next click leads to sign-in", async ({ browser }) => {
  // The person: a new drafter, set up through the staff page and the one-time link.
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/newsroom/staff");
  await expectNoAxeViolations(adminPage);
  const add = adminPage.getByRole("region", { name: "Add a person" });
  await add.getByLabel("Name").fill("Ines Temporary");
  await add.getByLabel("Email").fill("ines@example.edu");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("status")).toContainText("Ines Temporary was added");
  const link = (await add.getByLabel("One-time link").textContent())!.trim();
  expect(link).toMatch(/\/set-password\?token=[\w-]{20,}$/);

  const person = await browser.newContext();
  const personPage = await person.newPage();
  await personPage.goto(new URL(link).pathname + new URL(link).search);
  await personPage.getByLabel("New password", { exact: true }).fill("a long enough password");
  await personPage.getByLabel("Repeat the new password").fill("a long enough password");
  await personPage.getByRole("button", { name: "Set password" }).click();
  await expect(personPage.getByRole("main").getByRole("status")).toContainText("Your password is set");
  // The link works once only.
  await personPage.goto(new URL(link).pathname + new URL(link).search);
  await expect(personPage.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

  await signIn(personPage, "ines@example.edu", "a long enough password");
  await expect(personPage.getByRole("banner")).toContainText("Ines Temporary");

  await adminPage.reload();
  await adminPage.getByRole("button", { name: "Deactivate Ines Temporary" }).click();
  await expect(adminPage.getByRole("status").first()).toContainText("Deactivated");

  await personPage.getByRole("link", { name: "Profile" }).click();
  await personPage.waitForURL((u) => u.pathname === "/login");
  // And signing in again is refused with the usual message.
  await personPage.getByLabel("Email").fill("ines@example.edu");
  await personPage.getByLabel("Password").fill("a long enough password");
  await personPage.getByRole("button", { name: "Sign in" }).click();
  await expect(personPage.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await admin.close();
  await person.close();
});

test("sign-in never leads off the site", async ({ page, baseURL }) => {
  for (const target of ["https://evil.example/x", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill("reviser@example.edu");
    await page.getByLabel("Password").fill(demoPassword());
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/newsroom");
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  }
});

test("pages never send a session-dependent response to a cache, and headers are strict", async ({ request }) => {
  const newsroom = await request.get("/login");
  expect(newsroom.headers()["cache-control"]).toContain("no-store");
  const home = await request.get("/");
  expect(home.headers()["x-powered-by"]).toBeUndefined();
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  expect(home.headers()["referrer-policy"]).toBeTruthy();
  expect(home.headers()["set-cookie"]).toBeUndefined();
});

test("no page breaks its own Content-Security-Policy, which allows no inline script by default", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("admin") });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", "/news", "/topics/research", "/newsroom", "/newsroom/staff", "/newsroom/profile"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  }
  // Client-side navigation still works under the policy (the page hydrated).
  await page.goto("/newsroom");
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});

test("a forged x-middleware-subrequest header gets past nothing", async ({ request, browser }) => {
  const forged = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };
  const anonymous = await request.get("/newsroom/staff", { headers: forged, maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toContain("/login");
  const context = await browser.newContext({ storageState: storageState("drafter") });
  const asDrafter = await context.request.get("/newsroom/staff", { headers: forged, maxRedirects: 0 });
  expect(asDrafter.status()).toBe(403);
  await context.close();
});
