import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoPassword, storageState } from "../support/auth";
import { withDb } from "../support/db";

/*
 * Findings 3–6 of the hostile test, by raw request and in the browser:
 * 3. server-action requests over Next's body limit answered a 500 with a digest;
 * 4. the per-address sign-in throttle believed X-Forwarded-For as the client sent it;
 * 5. a hand-made sign-in POST with a malformed callbackUrl made next-auth answer 500;
 * 6. a deactivated person's session cookie was refused but never cleared.
 */

async function postCredentials(request: APIRequestContext, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, json: "true", ...fields }, headers, maxRedirects: 0 });
}

test.describe("sign-in by raw request", () => {
  test.afterEach(() => {
    // Leave no lock behind for the other tests, which all sign in from this address.
    withDb((db) => db.prepare("delete from login_throttle").run());
  });

  test("a malformed callbackUrl never makes the server fail, and never leads off the site", async ({ request, baseURL }) => {
    for (const callbackUrl of ["http://[", "::::", "%", "http://%zz", "javascript:alert(1)", "//evil.example/x", "https://evil.example/", "/\\evil.example", "\u0000/newsroom"]) {
      const res = await postCredentials(request, { email: "reviser@example.edu", password: demoPassword(), callbackUrl });
      expect(res.status(), callbackUrl).toBeLessThan(500);
      const { url } = (await res.json()) as { url: string };
      expect(new URL(url).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    }
  });

  test("changing X-Forwarded-For on every try does not escape the per-address throttle", async ({ request }) => {
    // Different unknown addresses each time, so only the per-address limit (20) can apply.
    for (let i = 0; i < 20; i++) {
      const res = await postCredentials(request, { email: `nobody-${i}@example.edu`, password: "wrong password here" }, { "X-Forwarded-For": `203.0.113.${i + 1}` });
      expect(((await res.json()) as { url: string }).url).toContain("error=CredentialsSignin");
    }
    const blocked = await postCredentials(request, { email: "nobody-last@example.edu", password: "wrong password here" }, { "X-Forwarded-For": "198.51.100.99" });
    expect(decodeURIComponent(((await blocked.json()) as { url: string }).url)).toContain("Too many failed sign-in attempts");
    // And the addresses the client chose were never charged with anything.
    const keys = withDb((db) => db.prepare("select key from login_throttle where key like 'address:%'").all() as { key: string }[]).map((r) => r.key);
    expect(keys).toEqual(["address:127.0.0.1"]);
  });
});

test("a server action over the size limit gets a 413 with a sentence, not a 500", async ({ request }) => {
  const res = await request.post("/newsroom", {
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
    data: "x".repeat(9 * 1024 * 1024),
  });
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toBe("text/plain");
  expect(await res.text()).toMatch(/^The article is too large to save/);
});

test("a deactivated person's session cookie is cleared on their next request", async ({ browser }) => {
  const email = "drafter2@example.edu";
  const context = await browser.newContext({ storageState: storageState("drafter2") });
  const page = await context.newPage();
  const hasSession = async () => (await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token") && c.value !== "");
  try {
    await page.goto("/newsroom");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await hasSession()).toBe(true);
    withDb((db) => db.prepare("update users set active = 0 where email = ?").run(email));

    await page.goto("/newsroom/articles");
    await page.waitForURL((u) => u.pathname === "/login");
    await expect(page.getByRole("status").filter({ hasText: "Your session has ended" })).toBeVisible();
    expect(await hasSession()).toBe(false);
    // Back where they were going after signing in again.
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/newsroom/articles");
  } finally {
    withDb((db) => db.prepare("update users set active = 1 where email = ?").run(email));
    await context.close();
  }
});

test("a link to the session-ending route cannot sign a valid session out", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("drafter2") });
  const page = await context.newPage();
  await page.goto("/api/session/end?callbackUrl=/newsroom/profile");
  await page.waitForURL((u) => u.pathname === "/newsroom/profile");
  expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token") && c.value !== "")).toBe(true);
  await context.close();
});
