// `npm test`: lint and type-check, unit and integration tests, a production build, then the
// browser suite in Debian's Chromium against a throwaway data folder.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { CHROMIUM_PATH as CHROMIUM } from "./chromium.mjs";
import { ensureBuild, ensureDependencies, root, run } from "./lib.mjs";
import { ensurePostgres } from "./postgres.mjs";
import { ensureRedis } from "./redis.mjs";
import { ensureVarnish } from "./varnish.mjs";
const resultsDir = path.join(root, "reports");

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `✗ The browser tests need Debian's Chromium at ${CHROMIUM}.\n` +
        "  Install it with:  sudo apt-get update && sudo apt-get install -y chromium",
    );
    process.exit(1);
  }
  console.log("• Installing Chromium (apt-get install chromium)…");
  run("apt-get", ["-o", "DPkg::Lock::Timeout=600", "update", "-qq"]);
  run("apt-get", ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "chromium"]);
}

function readCounts(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

ensureDependencies();
console.log("• Dependency gate (minimum patched versions)…");
run("node", ["scripts/check-versions.mjs"]);
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

console.log("• Lint (eslint)…");
run("node", ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]);
console.log("• Type-check (tsc)…");
run("node", ["node_modules/next/dist/bin/next", "typegen"]);
run("node", ["node_modules/typescript/bin/tsc", "--noEmit"]);

// The purge outbox test (vitest) and e2e/cache-tier.spec.ts talk to a real Varnish with the
// xkey vmod, the shared-cache tests to a real redis-server, and the PostgreSQL suites (schema
// drift, migrations, search, backups) to throwaway PostgreSQL clusters: each installed with apt
// when missing.
try {
  ensureVarnish();
  ensureRedis();
  ensurePostgres();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

console.log("• Unit and integration tests (vitest)…");
run("node", [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(resultsDir, "vitest.json")}`,
]);

ensureChromium();
ensureBuild({ force: true });

console.log("• Browser tests (playwright)…");
const e2e = spawnSync("node", ["node_modules/@playwright/test/cli.js", "test"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(resultsDir, "playwright.json") },
});

const unit = readCounts(path.join(resultsDir, "vitest.json"), (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
const browser = readCounts(path.join(resultsDir, "playwright.json"), (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed + (e2e.status === 0 ? 0 : Math.max(0, 1 - browser.failed));
console.log(`\nunit ${unit.passed} passed, browser ${browser.passed} passed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(e2e.status === 0 && failed === 0 ? 0 : 1);
