// Varnish in front of the app: install check, the VCL with its placeholders filled in, and one
// varnishd as a child process, in front of one instance or several. Used by `npm run
// start:cached`, `npm run start:cluster` and the cache-tier and cluster browser tests.
// Plain ESM with no dependencies; no varnishadm (the child is stopped with a signal).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { isIP } from "node:net";
import os from "node:os";
import path from "node:path";
import { aptInstall, runService } from "./service.mjs";

// Self-contained (node: modules only), so that the browser tests can import it as it is.
const root = path.resolve(import.meta.dirname, "..");

export const VCL_TEMPLATE = path.join(root, "deploy", "varnish", "masthead.vcl");
const VARNISHD_CANDIDATES = ["/usr/sbin/varnishd", "/usr/local/sbin/varnishd", "/usr/bin/varnishd"];
const PACKAGES = ["varnish", "varnish-modules"];

/** The varnishd binary, or null when Varnish is not installed. */
export function varnishdPath() {
  const found = VARNISHD_CANDIDATES.find((file) => fs.existsSync(file));
  if (found) return found;
  const which = spawnSync("sh", ["-c", "command -v varnishd"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Whether varnishd is there and can import xkey (varnish-modules), by compiling a tiny VCL. */
function varnishUsable() {
  const varnishd = varnishdPath();
  if (!varnishd) return false;
  const dir = makeWorkDir();
  try {
    const vcl = path.join(dir, "probe.vcl");
    fs.writeFileSync(vcl, "vcl 4.1;\nimport std;\nimport xkey;\nbackend none none;\n", { mode: 0o644 });
    return spawnSync(varnishd, ["-C", "-n", path.join(dir, "n"), "-f", vcl], { stdio: "ignore" }).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes sure Varnish and the xkey vmod are installed: installs them with apt when missing and
 * running as root, as scripts/test.mjs does for Chromium; otherwise throws saying what to install.
 */
export function ensureVarnish() {
  if (varnishUsable()) return;
  aptInstall(PACKAGES, "Varnish 7 with the xkey vmod (varnishd and varnish-modules)");
  if (!varnishUsable()) throw new Error("Varnish was installed but cannot load the xkey vmod (varnish-modules).");
}

/**
 * An ACL line per address or CIDR range; anything else is refused, since it would be pasted
 * into the VCL.
 */
function aclLines(purgers) {
  return purgers
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address, bits, extra] = entry.split("/");
      const family = isIP(address ?? "");
      const max = family === 6 ? 128 : 32;
      if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
        throw new Error(`Not an IP address or CIDR range for the PURGE ACL: ${JSON.stringify(entry)}`);
      }
      return `    "${address}"${bits === undefined ? "" : `/${bits}`};`;
    })
    .join("\n");
}

/** The backends to render: `backends` as given, or the single backendHost:backendPort. */
function backendList({ backendHost = "127.0.0.1", backendPort, backends }) {
  const list = backends ?? [{ host: backendHost, port: backendPort }];
  if (!Array.isArray(list) || list.length === 0) throw new Error("Varnish needs at least one backend");
  return list.map(({ host = "127.0.0.1", port }) => {
    if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new Error(`Not a host name or address: ${JSON.stringify(host)}`);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not a port: ${port}`);
    return { host, port };
  });
}

// The block of the template written once per backend (see the VCL's comment above it).
const EACH_BACKEND = /^# each backend \{\n([\s\S]*?)^# \} each backend\n/m;

/**
 * The VCL of deploy/varnish/masthead.vcl with its backends and extra purgers filled in: one
 * backend block per instance (`backends`: [{ host?, port }], or the one backendHost:backendPort),
 * all in the round-robin director, and for each the set of the others that a failed GET or HEAD
 * is retried on.
 */
export function renderVcl({ backendHost = "127.0.0.1", backendPort, backends, purgers = [] }) {
  const list = backendList({ backendHost, backendPort, backends }).map((b, i) => ({ ...b, name: `origin_${i + 1}` }));
  const template = fs.readFileSync(VCL_TEMPLATE, "utf8");
  const block = EACH_BACKEND.exec(template);
  if (!block) throw new Error(`${VCL_TEMPLATE} has no "each backend" block`);
  const backendBlocks = list
    .map((b) => block[1].replaceAll("{{BACKEND_NAME}}", b.name).replaceAll("{{BACKEND_HOST}}", b.host).replaceAll("{{BACKEND_PORT}}", String(b.port)))
    .join("\n");
  const members = list.map((b) => `    origins.add_backend(${b.name});`).join("\n");
  // With one backend there is no other to retry on: no fallback sets, and no retries.
  const many = list.length > 1;
  const retryDirectors = many
    ? list
        .map((b) => [`    new others_${b.name} = directors.fallback();`, ...list.filter((o) => o !== b).map((o) => `    others_${b.name}.add_backend(${o.name});`)].join("\n"))
        .join("\n")
    : "";
  const retryChoice = many
    ? list.map((b) => `        if (bereq.http.X-Masthead-Failed == "${b.name}") {\n            set bereq.backend = others_${b.name}.backend();\n        }`).join("\n")
    : "";
  return template
    .replace(EACH_BACKEND, backendBlocks)
    .replaceAll("{{DIRECTOR_MEMBERS}}", members)
    .replaceAll("{{RETRY_DIRECTORS}}", retryDirectors)
    .replaceAll("{{RETRY_CHOICE}}", retryChoice)
    .replaceAll("{{MAX_RETRIES}}", String(list.length - 1))
    .replaceAll("{{PURGE_ACL}}", aclLines(purgers));
}

/** Extra PURGE addresses from MASTHEAD_VARNISH_PURGERS (comma-separated IPs or CIDRs). */
export function configuredPurgers() {
  return (process.env.MASTHEAD_VARNISH_PURGERS ?? "").split(",").filter((s) => s.trim());
}

// varnishd run as root drops to its own users (the default "unix" jail), which must be able to
// read the VCL: the folder and file are made world-readable (they hold no secret).
function makeWorkDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-varnish-"));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Compiles a VCL file without running it; returns varnishd's error output, "" when it compiles. */
export function compileVcl(vclFile) {
  const varnishd = varnishdPath();
  if (!varnishd) throw new Error("varnishd is not installed");
  const dir = makeWorkDir();
  try {
    // A copy in a folder that varnishd's compiler user can read (see makeWorkDir).
    const copy = path.join(dir, path.basename(vclFile));
    fs.copyFileSync(vclFile, copy);
    fs.chmodSync(copy, 0o644);
    const result = spawnSync(varnishd, ["-C", "-n", path.join(dir, "n"), "-f", copy], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    // -C prints the generated C to stderr; only the message before it matters on failure.
    return result.status === 0 ? "" : (result.stderr || `varnishd -C exited ${result.status}`).slice(0, 4000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True once Varnish itself answers: a PURGE without xkey is refused by the VCL, not the origin. */
async function answers(url) {
  try {
    const response = await fetch(url, { method: "PURGE", signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 400;
  } catch {
    return false;
  }
}

/**
 * Starts varnishd in the foreground as a child process on 127.0.0.1:`port` (plus `extraListen`
 * addresses, "host:port"), in front of backendHost:backendPort or of every one of `backends`
 * (several instances of the app, in turn), and resolves once it answers. `stop()` ends it and
 * removes its folder. `log` receives varnishd's output lines. `vcl` runs that text instead of
 * the rendered template (the cluster benchmark runs a variant that caches nothing).
 */
export async function startVarnish({ port, backendHost = "127.0.0.1", backendPort, backends, workDir, purgers = configuredPurgers(), extraListen = [], memory = "64m", vcl, log = () => {} }) {
  const varnishd = varnishdPath();
  if (!varnishd) throw new Error("varnishd is not installed (see ensureVarnish())");
  const dir = workDir ?? makeWorkDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const vclFile = path.join(dir, "masthead.vcl");
  fs.writeFileSync(vclFile, vcl ?? renderVcl({ backendHost, backendPort, backends, purgers }), { mode: 0o644 });

  const args = ["-F", "-a", `127.0.0.1:${port}`];
  for (const address of extraListen) args.push("-a", address);
  // -T none: no management port (nothing here talks to it); -n: this instance's own state, so
  // several can run side by side; http_gzip_support=off: store the origin's own encodings.
  args.push("-f", vclFile, "-n", path.join(dir, "n"), "-T", "none", "-s", `malloc,${memory}`, "-p", "http_gzip_support=off");
  const remove = () => {
    if (workDir) {
      fs.rmSync(vclFile, { force: true });
      fs.rmSync(path.join(dir, "n"), { recursive: true, force: true });
    } else fs.rmSync(dir, { recursive: true, force: true });
  };
  const { child, exited, stop, ready } = runService({ command: varnishd, args, log, cleanup: remove });
  const purgeUrl = `http://127.0.0.1:${port}/`;
  await ready(() => answers(purgeUrl), { what: "varnishd" });
  return { port, purgeUrl, stop, child, exited };
}
