import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Refuses to run the browser suite against anything but the throwaway data folder that
 * scripts/e2e-server.mjs made for this run: the tests write to the database.
 */
export default function globalSetup() {
  const dir = fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
  const inTmp = path.resolve(dir).startsWith(path.resolve(os.tmpdir()) + path.sep);
  if (!inTmp || !fs.existsSync(path.join(dir, ".masthead-throwaway"))) {
    throw new Error(`Refusing to run browser tests: ${dir} is not a throwaway data folder.`);
  }
}
