import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * scripts/e2e-server.mjs with E2E_ENGINE=postgres starts a throwaway PostgreSQL before it
 * prepares the data. When that preparation fails, the server exits at once; the cluster and both
 * throwaway folders must go with it, or every failed browser run leaves a PostgreSQL behind.
 * The failure is real: prepare-data is made to exit early (a preload that only it runs), and the
 * folders are looked for in a temporary folder of this test's own (TMPDIR).
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const REPORT = path.join(ROOT, "reports", "e2e-data-dir");
let tmp = "";
let savedReport: string | null = null;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-e2e-cleanup-"));
  // PostgreSQL runs as its own user (we are root) and must reach its folder inside this one.
  fs.chmodSync(tmp, 0o755);
  savedReport = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, "utf8") : null;
});
afterAll(() => {
  // Should the test fail, it leaves no server behind either.
  for (const line of postgresUnder(tmp)) process.kill(Number(line.split(" ")[0]), "SIGINT");
  if (savedReport !== null) fs.writeFileSync(REPORT, savedReport);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** PostgreSQL servers whose data folder lies under `dir`. */
function postgresUnder(dir: string): string[] {
  const out = spawnSync("pgrep", ["-af", "postgres -D"], { encoding: "utf8" }).stdout;
  return out.split("\n").filter((line) => line.includes(dir));
}

describe("the browser tests' server on PostgreSQL", () => {
  it("stops its throwaway cluster and removes its folders when preparing the data fails", () => {
    const failing = path.join(tmp, "fail-prepare.cjs");
    const seen = path.join(tmp, "database-url");
    fs.writeFileSync(
      failing,
      `if (process.argv.some((a) => a.endsWith("prepare-data.ts"))) { require("node:fs").writeFileSync(${JSON.stringify(seen)}, process.env.DATABASE_URL ?? ""); console.error("simulated set-up failure"); process.exit(3); }\n`,
    );
    const work = path.join(tmp, "work");
    fs.mkdirSync(work);
    const result = spawnSync(process.execPath, ["scripts/e2e-server.mjs"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, E2E_ENGINE: "postgres", E2E_PORT: "0", TMPDIR: work, NODE_OPTIONS: `--require ${failing}` },
    });
    expect(result.stderr, result.stderr).toContain("simulated set-up failure");
    expect(result.status).not.toBe(0);
    // The cluster did start and prepare-data was pointed at it (that is what the test is about) …
    expect(fs.readFileSync(seen, "utf8")).toMatch(/^postgres:\/\//);
    expect(fs.readFileSync(REPORT, "utf8").startsWith(work)).toBe(true);
    // … and neither it nor any folder outlives the server (a fast shutdown takes a moment).
    const deadline = Date.now() + 10_000;
    while (postgresUnder(work).length > 0 && Date.now() < deadline) spawnSync("sleep", ["0.2"]);
    expect(postgresUnder(work)).toEqual([]);
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it("does the same when it is told to stop (SIGTERM) while preparing the data", async () => {
    // prepare-data, once pointed at the cluster, says so and then takes its time, as a seed does.
    const slow = path.join(tmp, "slow-prepare.cjs");
    const seen = path.join(tmp, "database-url-slow");
    fs.writeFileSync(
      slow,
      `if (process.argv.some((a) => a.endsWith("prepare-data.ts"))) { require("node:fs").writeFileSync(${JSON.stringify(seen)}, process.env.DATABASE_URL ?? ""); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000); }\n`,
    );
    const work = path.join(tmp, "work-signal");
    fs.mkdirSync(work);
    const server = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, E2E_ENGINE: "postgres", E2E_PORT: "0", TMPDIR: work, NODE_OPTIONS: `--require ${slow}` },
    });
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(seen) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(fs.readFileSync(seen, "utf8")).toMatch(/^postgres:\/\//);
    expect(postgresUnder(work)).toHaveLength(1);
    server.kill("SIGTERM");
    expect(await exited).not.toBe(0);
    expect(postgresUnder(work)).toEqual([]);
    // (tsx, which ran prepare-data, keeps its compile cache in the temporary folder: not ours.)
    expect(fs.readdirSync(work).filter((name) => !name.startsWith("tsx-"))).toEqual([]);
  });
});
