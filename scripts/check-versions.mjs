// The dependency gate: every package in security/minimum-versions.json must be installed at or
// above its line. `npm audit` cannot reach the registry's audit endpoint from these machines, so
// this table is our audit; `npm start` runs it before serving (scripts/start.mjs) and
// `npm run check:versions` runs it on demand. Plain ESM with no dependencies.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses "x.y.z[-pre][+build]" into numbers and pre-release identifiers; null if it is not one. */
export function parseVersion(version) {
  const match = typeof version === "string" ? SEMVER.exec(version.trim()) : null;
  if (!match) return null;
  const [, major, minor, patch, pre] = match;
  return { core: [Number(major), Number(minor), Number(patch)], pre: pre ? pre.split(".") : [] };
}

function compareIdentifiers(a, b) {
  const aNum = /^\d+$/.test(a);
  const bNum = /^\d+$/.test(b);
  if (aNum && bNum) return Math.sign(Number(a) - Number(b));
  if (aNum !== bNum) return aNum ? -1 : 1; // numeric identifiers sort before alphanumeric ones
  return a < b ? -1 : a > b ? 1 : 0; // ASCII order, as SemVer 2.0 says
}

/**
 * SemVer 2.0 precedence: -1 when a < b, 0 when equal, 1 when a > b. Numeric parts compare as
 * numbers (1.10.0 > 1.9.0), a pre-release sorts below its release (19.3.0-canary-… < 19.3.0),
 * build metadata is ignored. Throws on something that is not a version.
 */
export function compareVersions(a, b) {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) throw new Error(`not a version: ${left ? b : a}`);
  for (let i = 0; i < 3; i++) {
    if (left.core[i] !== right.core[i]) return Math.sign(left.core[i] - right.core[i]);
  }
  if (!left.pre.length || !right.pre.length) return left.pre.length ? -1 : right.pre.length ? 1 : 0;
  for (let i = 0; i < Math.max(left.pre.length, right.pre.length); i++) {
    if (left.pre[i] === undefined) return -1;
    if (right.pre[i] === undefined) return 1;
    const order = compareIdentifiers(left.pre[i], right.pre[i]);
    if (order) return order;
  }
  return 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** The installed copies an entry stands for: [{ name, version }] (version null when missing). */
export function installedVersions(entry, nodeModules) {
  const source = entry.source ?? "package";
  if (source === "next-vendored-react-server-dom") {
    // Next's compiled copies carry no version of their own; they name the React build they
    // belong to as their peer, which is the version the Flight code was built at.
    return ["webpack", "turbopack"].map((bundler) => {
      const name = `next/dist/compiled/react-server-dom-${bundler}`;
      const pkg = readJson(path.join(nodeModules, name, "package.json"));
      return { name, version: pkg?.version ?? pkg?.peerDependencies?.react ?? null };
    });
  }
  if (source === "better-sqlite3-sqlite-header") {
    const name = "better-sqlite3/deps/sqlite3/sqlite3.h";
    let header = "";
    try {
      header = fs.readFileSync(path.join(nodeModules, name), "utf8");
    } catch {
      // reported as not installed
    }
    return [{ name: "sqlite (in better-sqlite3)", version: /#define SQLITE_VERSION\s+"([^"]+)"/.exec(header)?.[1] ?? null }];
  }
  if (entry.package.endsWith("/*")) {
    const scope = entry.package.slice(0, -2);
    let names = [];
    try {
      names = fs.readdirSync(path.join(nodeModules, scope)).sort();
    } catch {
      // no package of the scope is installed
    }
    if (!names.length) return [{ name: entry.package, version: null }];
    return names.map((n) => ({ name: `${scope}/${n}`, version: readJson(path.join(nodeModules, scope, n, "package.json"))?.version ?? null }));
  }
  return [{ name: entry.package, version: readJson(path.join(nodeModules, entry.package, "package.json"))?.version ?? null }];
}

/**
 * Checks every entry of `table` against `nodeModules`. A copy that is missing, unreadable or
 * below its minimum fails: the gate refuses what it cannot prove.
 */
export function checkVersions(table, nodeModules) {
  const rows = [];
  for (const entry of table.packages) {
    for (const { name, version } of installedVersions(entry, nodeModules)) {
      let ok = false;
      let problem = null;
      if (version === null) problem = "not installed";
      else if (!parseVersion(version)) problem = `unreadable version "${version}"`;
      else if (compareVersions(version, entry.minimum) < 0) problem = `below ${entry.minimum}`;
      else ok = true;
      rows.push({ name, installed: version, minimum: entry.minimum, advisories: entry.advisories ?? [], ok, problem });
    }
  }
  return { ok: rows.every((r) => r.ok), rows, failures: rows.filter((r) => !r.ok) };
}

/** The report as printed: one line per installed copy, then what fails and why. */
export function formatReport(result) {
  const width = Math.max(...result.rows.map((r) => r.name.length), 7);
  const lines = [`${"package".padEnd(width)}  ${"installed".padEnd(34)}  minimum   status`];
  for (const r of result.rows) {
    lines.push(`${r.name.padEnd(width)}  ${String(r.installed ?? "—").padEnd(34)}  ${r.minimum.padEnd(8)}  ${r.ok ? "ok" : "FAIL"}`);
  }
  if (result.failures.length) {
    lines.push("", "✗ Dependency gate failed:");
    for (const f of result.failures) {
      const why = f.advisories.length ? ` (${f.advisories.join(", ")})` : "";
      lines.push(`  ${f.name} ${f.installed ?? ""} is ${f.problem}${why}`);
    }
    lines.push("  Upgrade, or see security/minimum-versions.json for what each line answers.");
  } else {
    lines.push("", "✓ Every package is at or above its minimum patched version.");
  }
  return lines.join("\n");
}

/** Reads the table and node_modules of `root`, prints the report, returns whether it passed. */
export function runGate({ root = path.resolve(import.meta.dirname, ".."), log = console.log } = {}) {
  const table = JSON.parse(fs.readFileSync(path.join(root, "security", "minimum-versions.json"), "utf8"));
  const result = checkVersions(table, path.join(root, "node_modules"));
  log(formatReport(result));
  return result.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(runGate() ? 0 : 1);
}
