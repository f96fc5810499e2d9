// One service from Debian (varnishd, redis-server, postgres) as a child process: what the three
// harnesses (scripts/varnish.mjs, redis.mjs, postgres.mjs) share. Each runs in its own process
// group, so a Ctrl-C in a terminal reaches it only through stop(), after the app has drained.
// Self-contained (node: modules only), so the browser tests can import the harnesses as they are.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns `command` with `args`, passing each output line to `log` and keeping the last 8 KB for
 * error messages. `stop()` (once, however often called) sends `stopSignal`, then SIGKILL after
 * `graceMs`, waits for the exit and runs `cleanup`. `ready(check, what)` polls `check()` until
 * it resolves true; if the service exits first or `timeoutMs` passes, it stops it and throws
 * with what it printed.
 */
export function runService({ command, args, spawnOptions = {}, log = () => {}, stopSignal = "SIGTERM", graceMs = 10_000, cleanup = () => {} }) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...spawnOptions });
  let output = "";
  const collect = (chunk) => {
    const text = chunk.toString();
    output = (output + text).slice(-8_000);
    for (const line of text.split("\n")) if (line.trim()) log(line);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let early = null;
  exited.then((result) => (early = result));

  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(stopSignal);
        // The grace timer is cleared once the service exits, so it does not hold the caller's
        // process open for the rest of graceMs.
        let timer;
        const grace = new Promise((resolve) => (timer = setTimeout(() => resolve(null), graceMs)));
        const result = await Promise.race([exited, grace]);
        clearTimeout(timer);
        if (!result) {
          child.kill("SIGKILL");
          await exited;
        }
      }
      cleanup();
    })());

  async function ready(check, { what, timeoutMs = 30_000, intervalMs = 100 }) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (early || Date.now() > deadline) {
        await stop();
        const why = early ? `exited (${early.code ?? early.signal})` : `did not answer within ${Math.round(timeoutMs / 1000)} s`;
        throw new Error(`${what} ${why}:\n${output.trim()}`);
      }
      await sleep(intervalMs);
    }
  }

  return { child, exited, stop, ready };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Installs Debian `packages` with apt-get when we are root, as the tests install Chromium; else
 * throws saying what to run. `what` names the service in both messages.
 */
export function aptInstall(packages, what) {
  const list = packages.join(" ");
  if (process.getuid?.() !== 0) {
    throw new Error(`${what} is needed.\n  Install it with:  sudo apt-get update && sudo apt-get install -y ${list}`);
  }
  console.log(`• Installing ${what} (apt-get install ${list})…`);
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...packages]]) {
    const result = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=600", ...args], { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}
