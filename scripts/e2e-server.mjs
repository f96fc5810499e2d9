// The server the browser tests run against: a new throwaway data folder every run, migrated and
// seeded, then `next start` on it. The folder is marked so the tests can check where they run.
// E2E_ENGINE=postgres serves the same from a throwaway PostgreSQL cluster instead of the SQLite
// file (the browser suite on the other engine), stopped and removed when the server exits.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareData, root, serve } from "./lib.mjs";
import { ensurePostgres, freePort, startPostgres } from "./postgres.mjs";

export const MARKER = ".masthead-throwaway";
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-e2e-"));
fs.writeFileSync(path.join(dataDir, MARKER), "created by scripts/e2e-server.mjs; safe to delete\n");
fs.mkdirSync(path.join(root, "reports"), { recursive: true });
fs.writeFileSync(path.join(root, "reports", "e2e-data-dir"), dataDir);

// A fresh demo password each run; the tests read it from the throwaway folder.
const demoPassword = crypto.randomBytes(12).toString("base64url");
fs.writeFileSync(path.join(dataDir, "e2e-demo-password"), demoPassword);
/** A signal before the server runs: end now (the exit handler below stops the cluster). */
function exitDuringSetUp() {
  process.exit(130);
}

/**
 * Waits (blocking: it runs in an exit handler) until process `pid` has ended, or `ms` passed.
 * Ended includes a zombie: our own child that nobody can reap while this handler runs.
 */
function waitUntilGone(pid, ms) {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + ms; Date.now() < deadline; Atomics.wait(tick, 0, 0, 50)) {
    let stat = "";
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      return;
    }
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return;
  }
}

let postgres = null;
if (process.env.E2E_ENGINE === "postgres") {
  ensurePostgres();
  postgres = await startPostgres({ port: await freePort() });
  // If set-up fails below (prepareData exits the process) or is interrupted (Ctrl-C, Playwright
  // giving up on the web server), the cluster must not outlive us: a fast shutdown, waited for,
  // then its folder and the data folder go. On a normal end serve() has already stopped it
  // gracefully and removed both; this then finds nothing to do.
  const { child, socketDir } = postgres;
  process.once("exit", () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      waitUntilGone(child.pid, 10_000);
    }
    for (const dir of [socketDir, dataDir]) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        console.error(`Could not remove ${dir}: ${error instanceof Error ? error.message : error}`);
      }
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, exitDuringSetUp);
}
const engineEnv = postgres ? { DATABASE_URL: postgres.url } : {};
prepareData(dataDir, { env: { MASTHEAD_DEMO_PASSWORD: demoPassword, ...engineEnv } });
// A signal that came while prepareData blocked is handled when the event loop next polls: give
// it that moment (it ends the process), then serve() passes signals to the server and stops the
// cluster after it.
await new Promise((resolve) => setTimeout(resolve, 50));
for (const signal of ["SIGINT", "SIGTERM"]) process.off(signal, exitDuringSetUp);
serve({
  port,
  dataDir,
  extraEnv: { MASTHEAD_SITE_URL: `http://127.0.0.1:${port}`, NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...engineEnv },
  afterExit: async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await postgres?.stop();
  },
});
