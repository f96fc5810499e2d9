import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";
import { withDb } from "./support/db";
import { newArticle } from "./support/editor";

/* Everyday comfort in the editor: live heading, whole headlines, shortcuts named and working. */
test.use({ storageState: storageState("drafter") });

test("the heading follows the title as it is typed, and a long headline is seen whole", async ({ page }) => {
  await newArticle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Untitled draft");
  const headline = "Marine biologists find that the harbour's seagrass meadows store more carbon than the city's parks, and the finding could change how the port is dredged";
  await page.getByLabel("Title").fill(headline);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page).toHaveTitle(new RegExp(`^${headline.slice(0, 40)}`));
  const box = page.getByLabel("Title");
  // Nothing scrolls out of sight: the field is as tall as its text.
  expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // Enter does not break the headline; it moves on to the standfirst.
  await box.press("Enter");
  await expect(page.getByLabel("Standfirst")).toBeFocused();
  await expect(box).toHaveValue(headline);
});

test("toolbar buttons name their shortcuts; Ctrl+K adds a link; Ctrl+S saves at once", async ({ page }) => {
  const id = await newArticle(page);
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await expect(toolbar.getByRole("button", { name: "Bold" })).toHaveAttribute("title", "Bold (Ctrl+B)");
  await expect(toolbar.getByRole("button", { name: "Link" })).toHaveAttribute("title", "Link (Ctrl+K)");
  await expect(toolbar.getByRole("button", { name: "Heading 2" })).toHaveAttribute("aria-keyshortcuts", "Control+Alt+2");

  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type("Read the report");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Control+k");
  const address = page.getByLabel("Link address");
  await expect(address).toBeFocused();
  await address.fill("/news/harbour-report");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(body.getByRole("link", { name: "Read the report" })).toHaveAttribute("href", "/news/harbour-report");

  // Ctrl+S is the editor's, not the browser's "save page as".
  await page.evaluate(() => {
    window.addEventListener("keydown", (e) => {
      if (e.key === "s") (window as unknown as { __saveKeyHandled: boolean }).__saveKeyHandled = e.defaultPrevented;
    });
  });
  await page.keyboard.press("Control+s");
  expect(await page.evaluate(() => (window as unknown as { __saveKeyHandled: boolean }).__saveKeyHandled)).toBe(true);
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/^Saved/, { timeout: 15_000 });
  const stored = withDb((db) => db.prepare("select body from articles where id = ?").get(id)) as { body: string };
  expect(stored.body).toContain("/news/harbour-report");
});

test("a key pressed right after the caret moved acts where the caret is, even before the browser has reported the move", async ({ page }) => {
  await newArticle(page);
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type("The team measured the ice every morning.");
  await page.keyboard.press("Home");
  const caretAt = () => body.evaluate((dom) => (dom as unknown as { editor: { state: { selection: { $to: { parentOffset: number } } } } }).editor.state.selection.$to.parentOffset);
  await expect.poll(caretAt).toBe(0);
  // The browser moves the caret to the end of the line (as End does) and says so only in a later
  // task; Enter comes first, as it can when keys are pressed fast on a busy machine.
  await body.evaluate((dom) => {
    const text = dom.querySelector("p")!.firstChild!;
    document.getSelection()!.collapse(text, text.textContent!.length);
    dom.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 13, bubbles: true, cancelable: true }));
  });
  await page.keyboard.type("Then it snowed.");
  await expect(body.locator("p")).toHaveText(["The team measured the ice every morning.", "Then it snowed."]);
});
