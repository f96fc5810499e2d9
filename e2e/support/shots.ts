import fs from "node:fs";
import type { Page } from "@playwright/test";

/**
 * A spec's screenshots for looking at what it built: `shot(page, name)` writes `<dir>/<name>.png`,
 * or nothing when `dir` is unset (the usual run).
 */
export function screenshotsTo(dir: string | undefined, { fullPage = true } = {}) {
  return async (page: Page, name: string) => {
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
  };
}
