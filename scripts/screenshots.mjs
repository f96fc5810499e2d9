// `npm run screenshots`: the README's screenshots, taken in Debian's Chromium from a throwaway
// demo site (build if needed, seed, serve on SCREENSHOT_PORT, default 3470). A reviser comments
// on a passage and edits a sentence first, so the editor and history shots show real review.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";
import { ensureBuild, ensureDependencies, prepareData, root, startBackgroundServer } from "./lib.mjs";

const port = Number(process.env.SCREENSHOT_PORT || 3470);
const base = `http://127.0.0.1:${port}`;
const out = path.join(root, "docs", "screenshots");
const password = "screenshots-only-password";
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

ensureDependencies();
ensureBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-shots-"));
prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: password } });
const server = await startBackgroundServer({ port, dataDir });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function shot(page, name) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function signedIn(email, viewport = desktop) {
  const context = await browser.newContext({ viewport, baseURL: base });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/newsroom");
  return page;
}

/** Selects the first `words` words of the body's first paragraph, as a person dragging would. */
async function selectOpening(page, words) {
  return page.getByRole("textbox", { name: "Body" }).evaluate((el, count) => {
    const text = el.querySelector("p")?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error("no paragraph text");
    const end = text.data.split(" ").slice(0, count).join(" ").length;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, end);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, words);
}

try {
  console.log("• Public site");
  const reader = await browser.newPage({ viewport: desktop, baseURL: base });
  await reader.goto("/");
  await shot(reader, "home");
  const topicHref = await reader.getByRole("navigation").first().getByRole("link").filter({ hasNotText: /Latest/ }).nth(1).getAttribute("href");
  await reader.goto(topicHref);
  await shot(reader, "topic");
  await reader.goto("/search?q=research");
  await shot(reader, "search");
  const articleHref = await reader.getByRole("main").locator('a[href^="/news/"]').first().getAttribute("href");
  const readerPhone = await browser.newPage({ viewport: phone, baseURL: base });
  await readerPhone.goto(articleHref);
  await shot(readerPhone, "article-mobile");
  await reader.goto("/login");
  await shot(reader, "login");

  console.log("• Newsroom");
  const helen = await signedIn("reviser@example.edu");
  await shot(helen, "dashboard");
  await helen.goto("/newsroom/articles?status=in_review");
  await shot(helen, "article-list");
  const hrefs = await helen.getByRole("main").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const editorUrl = hrefs.find((h) => /^\/newsroom\/articles\/\d+$/.test(h));
  if (!editorUrl) throw new Error("no article under review in the list");
  await helen.goto(editorUrl);
  await helen.getByLabel("Comment", { exact: true }).fill("Can we name the funder here?");
  await selectOpening(helen, 6);
  await helen.waitForTimeout(150);
  await helen.getByRole("button", { name: "Comment on selected text" }).click();
  await helen.getByRole("list", { name: "Comments beside the text" }).getByRole("listitem").first().waitFor();
  // A reviser's correction, so the history has something to compare.
  const body = helen.getByRole("textbox", { name: "Body" });
  await body.locator("p").nth(1).click();
  await helen.keyboard.press("End");
  await helen.keyboard.type(" The figures were checked with the department on Monday.");
  await helen.getByRole("main").getByRole("status").first().filter({ hasText: /^Saved/ }).waitFor({ timeout: 20_000 });
  await helen.evaluate(() => window.scrollTo(0, 0));
  await shot(helen, "editor");
  await helen.goto(`${editorUrl}/history`);
  await shot(helen, "history");
  // Two assignments, so the calendar shows the week's plan beside what went live.
  await helen.goto("/newsroom/calendar");
  const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  for (const [title, n, who] of [["Sediment cores from the fjord", 2, "Maya Lindqvist (Drafter)"], ["Open day: what visitors can see", 4, "Maya Lindqvist (Drafter)"]]) {
    await helen.getByRole("button", { name: "New assignment" }).click();
    const form = helen.getByRole("form", { name: "New assignment" });
    await form.getByLabel("Working title").fill(title);
    await form.getByLabel("Due").fill(`${day(n)}T17:00`);
    await form.getByLabel("Drafter").selectOption({ label: who });
    await form.getByLabel("Topic").selectOption({ index: 1 });
    await form.getByLabel("Brief").fill("Talk to the lab and the students; about 600 words, one photo.");
    await form.getByRole("button", { name: "Create assignment" }).click();
    await helen.getByRole("status").filter({ hasText: "The drafter has been notified." }).waitFor();
  }
  await helen.goto("/newsroom/calendar");
  await shot(helen, "calendar");

  const helenPhone = await signedIn("reviser@example.edu", phone);
  await helenPhone.getByRole("button", { name: "Menu" }).click();
  await shot(helenPhone, "newsroom-phone");
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
