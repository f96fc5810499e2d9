// wrk on loopback for the read-path benchmark, with a Lua script that sends the headers a
// browser sends (Accept-Encoding included, so each server answers with the compressed bytes a
// reader gets) and prints wrk's own summary and latency percentiles as one JSON line.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** What Chromium sends: every server here answers br, the best it has for this header. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 MastheadBench";

const LUA = `
wrk.headers["Accept-Encoding"] = "${BROWSER_ACCEPT_ENCODING}"
wrk.headers["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
wrk.headers["User-Agent"] = "${USER_AGENT}"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;

const APT_PACKAGES = ["wrk", "nginx-light"];
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

/** Makes sure wrk and nginx are installed: with apt when missing and root, else says what to install. */
export function ensureLoadTools() {
  if (has("wrk") && (has("nginx") || fs.existsSync("/usr/sbin/nginx"))) return;
  if (process.getuid?.() !== 0) throw new Error(`wrk and nginx are needed: sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES.join(" ")}`);
  console.log(`• Installing ${APT_PACKAGES.join(", ")} (apt-get)…`);
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...APT_PACKAGES]]) {
    const r = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=600", ...args], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed`);
  }
}

const luaFiles = new Map();
/** The script file: the browser's headers and the summary, plus `extra` Lua (e.g. a `request` function). */
function script(extra = "") {
  if (!luaFiles.has(extra)) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-wrk-")), "browser.lua");
    fs.writeFileSync(file, LUA + extra);
    process.once("exit", () => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    luaFiles.set(extra, file);
  }
  return luaFiles.get(extra);
}

/**
 * Runs wrk against `url` for `seconds` with `connections` (2 threads: the machine's cores) and
 * resolves to req/s, p50/p99 in ms, bytes per response and the error count. wrk stops itself
 * after `seconds`; the child is killed if it overruns by 30 s.
 */
export function runWrk(url, { seconds, connections, threads = Math.min(2, connections), lua = "" }) {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", ["-t", String(threads), "-c", String(connections), "-d", `${seconds}s`, "--timeout", "5s", "-s", script(lua), url], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("WRK_JSON "));
      if (code !== 0 || !line) return reject(new Error(`wrk ${url} failed (${code}): ${out.slice(-500)}`));
      const s = JSON.parse(line.slice("WRK_JSON ".length));
      const errors = s.connect + s.read + s.write + s.status + s.timeout;
      resolve({
        rps: Math.round(s.requests / (s.durationUs / 1e6)),
        p50: Number((s.p50Us / 1000).toFixed(2)),
        p99: Number((s.p99Us / 1000).toFixed(2)),
        max: Number((s.maxUs / 1000).toFixed(1)),
        bytesPerResponse: s.requests ? Math.round(s.bytes / s.requests) : 0,
        requests: s.requests,
        errors,
      });
    });
  });
}
