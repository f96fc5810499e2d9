// `npm run start:cluster`: what `npm start` does, then several instances of the app on one
// machine behind one Varnish, sharing one PostgreSQL (DATABASE_URL's, or one the cluster starts
// and keeps in data/postgres), one data folder (the media, the session secret) and one Redis
// (Next's caches and the purge notices between instances).
//
//   Varnish on PORT ──round robin, health probes──▶ app 1 on PORT+1, app 2 on PORT+2 (loopback)
//                                  └──── Redis on PORT+3, PostgreSQL on PORT+4, one data folder ────┘
//
// Ctrl-C or SIGTERM: the instances drain and flush their view counts, then Varnish stops, then
// Redis, then PostgreSQL. One instance dying does not stop the cluster: it is logged, Varnish sends everything to
// the others, another instance takes over the scheduler lease, and the dead one is started again
// on its port after a pause that grows while it keeps dying (MASTHEAD_RESTART=0: left down, and
// this exits, non-zero, once none is left). startCluster() is the same cluster for the browser
// test and the bench.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import { root, serverEnv } from "./lib.mjs";
import { ensurePostgres, startPostgres } from "./postgres.mjs";
import { ensureRedis, startRedis } from "./redis.mjs";
import { ensureVarnish, startVarnish } from "./varnish.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const LOOPBACK = "127.0.0.1,::1";

/** A restarted instance that served this long before dying counts as having run well. */
export const RESTART_WINDOW_MS = 60_000;

/**
 * Deaths in a row of one instance's slot that came soon after a restart: a death after a good
 * run, or the first one of the slot, starts the count again at 0. `healthyForMs` is how long
 * the dead process had answered its health check (null: it never did).
 */
export function quickDeathsAfter(previous, { restarted, healthyForMs }) {
  const quick = restarted && (healthyForMs === null || healthyForMs < RESTART_WINDOW_MS);
  return quick ? previous + 1 : 0;
}

/**
 * The pause before starting a dead instance again: 1 s, then 2, 4, 8 … up to 30 s for each
 * quick death in a row (quickDeathsAfter), so a crash loop (a bad setting, a database away)
 * neither spins nor floods the log.
 */
export function restartDelay(quickDeaths) {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, quickDeaths));
}

/** Resolves true once `url` answers 200, false if `child` exits first or `timeoutMs` passes. */
async function healthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) return true;
    await sleep(200);
  }
  return false;
}

/** Whether nothing listens on 127.0.0.1:`port` now. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Passes each line a child writes to `log`, prefixed with its name. */
function prefixLines(stream, name, log) {
  readline.createInterface({ input: stream }).on("line", (line) => log(`[${name}] ${line}`));
}

/**
 * One instance: scripts/server.mjs on loopback `port`, in its own process group (a Ctrl-C in the
 * terminal reaches only the cluster, which stops the instances in order).
 */
function startInstance({ index, port, env, log, onExit, restarted = false }) {
  const name = `app ${index}`;
  const child = spawn(process.execPath, ["scripts/server.mjs"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  prefixLines(child.stdout, name, log);
  prefixLines(child.stderr, name, log);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const alive = () => child.exitCode === null && child.signalCode === null;
  let stopping = false;
  const instance = {
    name,
    index,
    port,
    restarted,
    /** When it first answered its health check (Date.now()), or null. */
    healthyAt: null,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    child,
    exited,
    alive,
    get stopping() {
      return stopping;
    },
    /** Sends `signal` (SIGKILL by default: the instance dies without a word) and waits for the exit. */
    async kill(signal = "SIGKILL") {
      if (alive()) child.kill(signal);
      return exited;
    },
    /** SIGTERM: it stops accepting, finishes open requests and flushes; SIGKILL after 20 s. */
    async stop() {
      stopping = true;
      if (!alive()) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => alive() && child.kill("SIGKILL"), 20_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  exited.then((result) => onExit(instance, result));
  return instance;
}

/**
 * Starts Redis, `instances` app instances on one data folder, and Varnish in front of them on
 * `port`; resolves once every instance is healthy and Varnish answers. The data folder must be
 * prepared (migrated) and the build made. Ports: the instances on port+1…port+n unless
 * `instancePorts` is given, Redis on `redisPort` (port+n+1). Readers reach the site at `siteUrl`
 * (http://localhost:PORT unless MASTHEAD_SITE_URL says otherwise). `onInstanceExit(instance,
 * { code, signal })` is told of an instance that ends while the cluster runs; `log` gets every
 * line the services write; `vcl` replaces Varnish's (the benchmark's, which caches nothing).
 * With `restart`, an instance that dies is started again on its port (see restartDelay), and
 * `instances` holds the new process in its place from its start (`healthyAt` says when it
 * first answered its health check).
 * Returns the handles and `stop()`.
 */
export async function startCluster({ port, dataDir, instances = 2, instancePorts, redisPort, siteUrl, secret, env = {}, extraListen = [], purgers, vcl, log = console.log, onInstanceExit = () => {}, healthTimeoutMs = 90_000, restart = false }) {
  const ports = instancePorts ?? Array.from({ length: instances }, (_, i) => port + 1 + i);
  const ownRedisPort = redisPort ?? port + ports.length + 1;
  // A port taken by something else would be found "healthy" if that is another Masthead.
  const taken = [];
  for (const p of [port, ...ports, ownRedisPort]) if (!(await portFree(p))) taken.push(p);
  if (taken.length) throw new Error(`port${taken.length > 1 ? "s" : ""} ${taken.join(", ")} ${taken.length > 1 ? "are" : "is"} in use (the cluster needs ${port}–${Math.max(...ports, ownRedisPort)}; set PORT)`);
  ensureRedis();
  ensureVarnish();
  const redis = await startRedis({ port: ownRedisPort, log: (line) => log(`[redis] ${line}`) });
  const purgeUrl = `http://127.0.0.1:${port}/`;
  const site = siteUrl ? { MASTHEAD_SITE_URL: siteUrl, NEXTAUTH_URL: siteUrl } : {};
  // One environment for all: the same secret (a session made by one is read by the others), the
  // same Redis, the same Varnish to purge. serverEnv reads the secret from the data folder.
  const shared = serverEnv({
    port: ports[0],
    publicPort: port,
    dataDir,
    extraEnv: {
      HOST: "127.0.0.1",
      MASTHEAD_PURGE_URL: purgeUrl,
      MASTHEAD_REDIS_URL: redis.url,
      MASTHEAD_TRUSTED_PROXIES: process.env.MASTHEAD_TRUSTED_PROXIES || LOOPBACK,
      ...site,
      ...(secret ? { NEXTAUTH_SECRET: secret } : {}),
      ...env,
    },
  });

  let stopping = false;
  let started = false;
  let varnish = null;
  const running = [];
  // Per instance slot: deaths in a row that came soon after a (re)start, and the pending restart.
  const quickDeaths = new Map();
  const restartTimers = new Set();
  const onExit = (instance, result) => {
    if (stopping || instance.stopping) return;
    const how = `${instance.name} (port ${instance.port}, pid ${instance.pid}) exited (${result.code ?? result.signal})`;
    // While starting, the start itself fails and says so; afterwards the others carry on.
    if (!started) return log(`✗ ${how} while starting.`);
    const left = running.filter((i) => i.alive()).length;
    log(`✗ ${how}; ${left ? `Varnish sends every request to the other${left > 1 ? "s" : ""} (${left} still serving)` : "no instance is left"}.`);
    onInstanceExit(instance, result);
    if (restart) scheduleRestart(instance);
  };
  const scheduleRestart = (dead) => {
    const quick = quickDeathsAfter(quickDeaths.get(dead.index) ?? 0, { restarted: dead.restarted, healthyForMs: dead.healthyAt === null ? null : Date.now() - dead.healthyAt });
    quickDeaths.set(dead.index, quick);
    const delay = restartDelay(quick);
    log(`↻ ${dead.name} starts again on :${dead.port} in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (stopping) return;
      const next = startInstance({ index: dead.index, port: dead.port, env: shared, log, onExit, restarted: true });
      running[running.indexOf(dead)] = next;
      void healthy(`${next.url}/api/health`, next.child, healthTimeoutMs).then((ok) => {
        if (ok) {
          next.healthyAt = Date.now();
          log(`✓ ${next.name} is back on :${next.port} (pid ${next.pid}); Varnish sends it requests again once its probes pass.`);
        } else if (next.alive() && !stopping) {
          // Never healthy: a quick death (the pause grows), stopped as gently as any.
          log(`✗ ${next.name} did not become healthy in ${healthTimeoutMs / 1000} s; stopping it to try again.`);
          void next.kill("SIGTERM");
          setTimeout(() => next.alive() && void next.kill("SIGKILL"), 20_000).unref();
        }
      });
    }, delay);
    restartTimers.add(timer);
  };
  // Last resort if this process ends without stop(): the children have their own process groups.
  const killAll = () => {
    for (const child of [...running.map((i) => i.child), varnish?.child, redis.child]) if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killAll);

  const stopAll = async () => {
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers.clear();
    await Promise.all(running.map((i) => i.stop()));
    await varnish?.stop();
    await redis.stop();
    process.off("exit", killAll);
  };

  try {
    ports.forEach((p, i) => running.push(startInstance({ index: i + 1, port: p, env: shared, log, onExit })));
    const up = await Promise.all(running.map((i) => healthy(`${i.url}/api/health`, i.child, healthTimeoutMs)));
    for (const [i, ok] of up.entries()) if (ok) running[i].healthyAt = Date.now();
    const down = running.filter((_, i) => !up[i]);
    if (down.length) throw new Error(`${down.map((i) => i.name).join(", ")} did not become healthy`);
    // Varnish once the instances answer, so the first readers are not served "unavailable".
    varnish = await startVarnish({ port, backends: ports.map((p) => ({ port: p })), extraListen, vcl, ...(purgers ? { purgers } : {}), log: (line) => log(`[varnish] ${line}`) });
  } catch (error) {
    await stopAll();
    throw error;
  }

  started = true;
  let stopped = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    purgeUrl,
    instances: running,
    redis,
    varnish,
    /** Stops the instances (they drain and flush), then Varnish, then Redis. */
    stop: () => (stopped ??= stopAll()),
  };
}

/** The command: set-up as `npm start`, then the cluster in the foreground until a signal. */
async function main() {
  const { runGate } = await import("./check-versions.mjs");
  const { ensureBuild, ensureDependencies, ensureSecret, prepareData } = await import("./lib.mjs");
  const port = Number(process.env.PORT || 3000);
  const count = Number(process.env.MASTHEAD_INSTANCES || 2);
  const dataDir = path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");
  const redisPort = process.env.MASTHEAD_REDIS_PORT ? Number(process.env.MASTHEAD_REDIS_PORT) : undefined;
  // More addresses for Varnish to listen on besides 127.0.0.1:PORT, e.g. "0.0.0.0:80".
  const extraListen = (process.env.MASTHEAD_VARNISH_LISTEN ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!Number.isInteger(count) || count < 1 || count > 8) {
    console.error("✗ MASTHEAD_INSTANCES must be a whole number from 1 to 8.");
    process.exit(1);
  }
  const restartSetting = process.env.MASTHEAD_RESTART ?? "1";
  if (restartSetting !== "0" && restartSetting !== "1") {
    console.error("✗ MASTHEAD_RESTART must be 1 (start a dead instance again, the default) or 0 (leave it down).");
    process.exit(1);
  }
  const restart = restartSetting === "1";

  ensureDependencies();
  if (!runGate({ root })) process.exit(1);
  ensureSecret(dataDir);
  try {
    ensureRedis();
    ensureVarnish();
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  // The database every instance shares: DATABASE_URL's PostgreSQL if set (a managed one), else
  // a PostgreSQL of the cluster's own, kept in the data folder between runs.
  let postgres = null;
  let databaseUrl = process.env.DATABASE_URL || "";
  if (!databaseUrl) {
    const pgPort = process.env.MASTHEAD_PG_PORT ? Number(process.env.MASTHEAD_PG_PORT) : port + count + 2;
    try {
      ensurePostgres();
      if (!(await portFree(pgPort))) throw new Error(`port ${pgPort} is in use (PostgreSQL's; set MASTHEAD_PG_PORT or PORT)`);
      console.log(`• Starting PostgreSQL on :${pgPort} (kept in ${path.join(dataDir, "postgres")})…`);
      postgres = await startPostgres({ port: pgPort, keepIn: path.join(dataDir, "postgres"), log: (line) => console.log(`[postgres] ${line}`) });
    } catch (error) {
      console.error(`✗ ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
    databaseUrl = postgres.url;
  }
  // However this process ends (a failed step exits at once), its PostgreSQL is told to shut down.
  const stopPostgresOnExit = () => postgres?.child.kill("SIGINT");
  process.once("exit", stopPostgresOnExit);
  console.log(`• Preparing data in ${dataDir} and PostgreSQL…`);
  prepareData(dataDir, { env: { DATABASE_URL: databaseUrl } });
  ensureBuild();

  let cluster = null;
  let shuttingDown = false;
  const shutdown = async (exitCode, reason) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (reason) console.error(`✗ ${reason}; stopping.`);
    await cluster?.stop();
    await postgres?.stop();
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(0));

  console.log(`• Starting Redis and ${count} instance${count > 1 ? "s" : ""} on one data folder…`);
  try {
    cluster = await startCluster({
      port,
      dataDir,
      instances: count,
      redisPort,
      extraListen,
      env: { DATABASE_URL: databaseUrl },
      restart,
      onInstanceExit: () => {
        if (!restart && cluster && !cluster.instances.some((i) => i.alive())) void shutdown(1, "Every instance has exited");
      },
    });
  } catch (error) {
    await shutdown(1, `The cluster did not start: ${error instanceof Error ? error.message : error}`);
    return;
  }
  const list = cluster.instances.map((i) => `${i.name} on :${i.port} (pid ${i.pid})`).join(", ");
  console.log(`✓ Serving through Varnish on http://localhost:${port}: ${list}; Redis on :${cluster.redis.port}.`);
  for (const service of [cluster.varnish, cluster.redis]) {
    service.exited.then(({ code, signal }) => {
      if (!shuttingDown) void shutdown(1, `${service === cluster.varnish ? "Varnish" : "Redis"} exited (${code ?? signal})`);
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
