// Redis for the shared cache of several instances: install check (apt when missing and root, as
// scripts/varnish.mjs does for Varnish) and one redis-server as a child process on loopback.
// Used by `npm run start:cluster`, the cache-handler tests and the cluster browser test.
// Self-contained (node: modules only), so tests can import it as it is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { aptInstall, runService } from "./service.mjs";

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];

/** The redis-server binary, or null when Redis is not installed. */
export function redisServerPath() {
  const found = CANDIDATES.find((file) => fs.existsSync(file));
  if (found) return found;
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Makes sure redis-server is installed: apt-get when missing and root, else says what to run. */
export function ensureRedis() {
  if (redisServerPath()) return;
  aptInstall(["redis-server"], "Redis (redis-server)");
  if (!redisServerPath()) throw new Error("redis-server was installed but is not on the PATH.");
}

/** True once a PING on 127.0.0.1:port is answered with PONG. */
function pong(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/**
 * Starts redis-server on 127.0.0.1:`port` with nothing written to disk (no RDB, no AOF: it holds
 * caches and notices only, all of which can be rebuilt), in its own folder, and resolves once it
 * answers. `stop()` ends it and removes the folder.
 */
export async function startRedis({ port, log = () => {} }) {
  const server = redisServerPath();
  if (!server) throw new Error("redis-server is not installed (see ensureRedis())");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-redis-"));
  // Bounded memory: only keys with a lifetime (cache entries) are evicted, never the record of
  // tag expiries, which has none and which is what keeps an instance from serving stale data.
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru"];
  const { child, exited, stop, ready } = runService({ command: server, args, log, graceMs: 5_000, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) });
  await ready(() => pong(port), { what: "redis-server", timeoutMs: 15_000, intervalMs: 50 });
  return { port, url: `redis://127.0.0.1:${port}`, stop, child, exited };
}
