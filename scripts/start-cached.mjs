// `npm run start:cached`: what `npm start` does, then the app on an internal port with Varnish in
// front on PORT. The app purges Varnish by cache tag on every change of live content
// (MASTHEAD_PURGE_URL) and trusts Varnish's X-Forwarded-For (MASTHEAD_TRUSTED_PROXIES).
// Ctrl-C or SIGTERM: the app drains first (Varnish keeps answering meanwhile), then Varnish
// stops. If either dies, the other is stopped and this exits non-zero.
import { spawn } from "node:child_process";
import path from "node:path";
import { runGate } from "./check-versions.mjs";
import { ensureBuild, ensureDependencies, ensureSecret, prepareData, root, serverEnv } from "./lib.mjs";
import { ensureVarnish, startVarnish } from "./varnish.mjs";

const port = Number(process.env.PORT || 3000);
const originPort = Number(process.env.MASTHEAD_ORIGIN_PORT || port + 1);
const dataDir = path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");
// More addresses for Varnish to listen on besides 127.0.0.1:PORT, e.g. "0.0.0.0:80".
const extraListen = (process.env.MASTHEAD_VARNISH_LISTEN ?? "").split(",").map((s) => s.trim()).filter(Boolean);

ensureDependencies();
if (!runGate({ root })) process.exit(1);
ensureSecret(dataDir);
try {
  ensureVarnish();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`• Preparing data in ${dataDir}…`);
prepareData(dataDir);
ensureBuild();

const purgeUrl = `http://127.0.0.1:${port}/`;
console.log(`• Starting the app on http://127.0.0.1:${originPort} (behind Varnish)…`);
// Own process groups: a Ctrl-C in the terminal reaches only this process, which then stops the
// two in order instead of both at once.
const app = spawn("node", ["scripts/server.mjs"], {
  cwd: root,
  stdio: "inherit",
  detached: true,
  env: serverEnv({
    port: originPort,
    publicPort: port,
    dataDir,
    // Loopback only: readers reach the app through Varnish, never around it.
    extraEnv: { HOST: "127.0.0.1", MASTHEAD_PURGE_URL: purgeUrl, MASTHEAD_TRUSTED_PROXIES: process.env.MASTHEAD_TRUSTED_PROXIES || "127.0.0.1,::1" },
  }),
});
const appExited = new Promise((resolve) => app.once("exit", (code, signal) => resolve({ code, signal })));
let varnish = null;
let stopping = false;

process.on("exit", () => {
  // Last resort if this process dies without the orderly path below.
  if (app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  if (varnish && varnish.child.exitCode === null) varnish.child.kill("SIGKILL");
});

/** Stops the app (it finishes open requests and flushes), then Varnish, then exits. */
async function shutdown(exitCode, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(`✗ ${reason}; stopping.`);
  if (app.exitCode === null && app.signalCode === null) {
    app.kill("SIGTERM");
    await appExited;
  }
  await varnish?.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(0));
appExited.then(({ code, signal }) => {
  if (!stopping) void shutdown(1, `The app exited (${code ?? signal})`);
});

async function appHealthy() {
  for (let i = 0; i < 300 && !stopping; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${originPort}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

// Varnish starts once the app answers, so the first readers are not served "unavailable".
if (!(await appHealthy())) {
  await shutdown(1, "The app did not become healthy within a minute");
} else {
  try {
    varnish = await startVarnish({ port, backendPort: originPort, extraListen, log: (line) => console.log(`[varnish] ${line}`) });
  } catch (error) {
    await shutdown(1, `Varnish did not start: ${error instanceof Error ? error.message : error}`);
  }
  if (varnish && !stopping) {
    console.log(`✓ Serving through Varnish on http://localhost:${port} (purges to ${purgeUrl})`);
    varnish.exited.then(({ code, signal }) => {
      if (!stopping) void shutdown(1, `Varnish exited (${code ?? signal})`);
    });
  }
}
