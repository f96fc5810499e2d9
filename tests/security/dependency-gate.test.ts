import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkVersions, compareVersions, formatReport, parseVersion, type MinimumVersion } from "../../scripts/check-versions.mjs";

/*
 * The dependency gate (scripts/check-versions.mjs): its version comparator on the cases that
 * naive string or float comparison gets wrong, the real installed tree against the real table,
 * and a fabricated node_modules with one package below its line, through the CLI as npm start
 * runs it.
 */
const root = path.resolve(import.meta.dirname, "../..");
const table: { packages: MinimumVersion[] } = JSON.parse(fs.readFileSync(path.join(root, "security/minimum-versions.json"), "utf8"));

describe("compareVersions", () => {
  it.each([
    ["1.10.0", "1.9.0", 1],
    ["1.9.0", "1.10.0", -1],
    ["16.4.10", "16.4.9", 1],
    ["0.45.2", "0.45.2", 0],
    ["2.0.0", "1.99.99", 1],
    ["1.0.0+build.7", "1.0.0", 0],
  ])("%s vs %s → %i", (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it("puts a pre-release below its release and above the release before", () => {
    expect(compareVersions("16.4.1-canary.3", "16.4.1")).toBe(-1);
    expect(compareVersions("16.4.1", "16.4.1-canary.3")).toBe(1);
    expect(compareVersions("16.4.1-canary.3", "16.4.0")).toBe(1);
  });

  it("orders pre-release identifiers as SemVer says", () => {
    expect(compareVersions("16.5.0-canary.9", "16.5.0-canary.10")).toBe(-1); // numbers as numbers
    expect(compareVersions("1.0.0-alpha", "1.0.0-alpha.1")).toBe(-1); // fewer identifiers first
    expect(compareVersions("1.0.0-alpha.1", "1.0.0-alpha.beta")).toBe(-1); // numeric before text
    expect(compareVersions("1.0.0-beta", "1.0.0-rc.1")).toBe(-1);
  });

  it("compares React's canary builds as pre-releases of their version", () => {
    const canary = "19.3.0-canary-278794d7-20261002";
    expect(compareVersions(canary, "19.3.0")).toBe(-1);
    expect(compareVersions(canary, "19.2.9")).toBe(1);
    expect(compareVersions(canary, "19.3.0-canary-278794d7-20261002")).toBe(0);
  });

  it("refuses what is not a version instead of guessing", () => {
    expect(parseVersion("latest")).toBeNull();
    expect(parseVersion("1.2")).toBeNull();
    expect(() => compareVersions("1.2", "1.2.0")).toThrow(/not a version: 1.2/);
  });
});

describe("the installed tree", () => {
  it("passes every line of the table", () => {
    const result = checkVersions(table, path.join(root, "node_modules"));
    expect(result.failures).toEqual([]);
    const names = result.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["next", "react", "next-auth", "drizzle-orm", "sharp", "@tiptap/core", "@tiptap/extension-link"]));
    expect(names).toContain("next/dist/compiled/react-server-dom-turbopack");
    expect(names).toContain("sqlite (in better-sqlite3)");
  });

  it("gives every line a valid minimum and a reason", () => {
    for (const entry of table.packages) {
      expect(parseVersion(entry.minimum), entry.package).not.toBeNull();
      expect(entry.why.length, entry.package).toBeGreaterThan(20);
    }
  });
});

describe("a fabricated node_modules", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A project folder whose node_modules holds every package of the table at its minimum. */
  function fakeProject(overrides: Record<string, string> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-gate-"));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, "security"));
    fs.copyFileSync(path.join(root, "security/minimum-versions.json"), path.join(dir, "security/minimum-versions.json"));
    const nm = path.join(dir, "node_modules");
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(nm, rel)), { recursive: true });
      fs.writeFileSync(path.join(nm, rel), text);
    };
    const pkg = (name: string, version: string) => write(`${name}/package.json`, JSON.stringify({ name, version }));
    for (const entry of table.packages) {
      if (entry.source === "next-vendored-react-server-dom") {
        for (const bundler of ["webpack", "turbopack"]) {
          const v = overrides[`react-server-dom-${bundler}`] ?? entry.minimum;
          write(`next/dist/compiled/react-server-dom-${bundler}/package.json`, JSON.stringify({ peerDependencies: { react: v } }));
        }
      } else if (entry.source === "better-sqlite3-sqlite-header") {
        write("better-sqlite3/deps/sqlite3/sqlite3.h", `#define SQLITE_VERSION        "${overrides.sqlite ?? entry.minimum}"\n`);
      } else if (entry.package === "@tiptap/*") {
        for (const name of ["@tiptap/core", "@tiptap/extension-link"]) pkg(name, overrides[name] ?? entry.minimum);
      } else {
        pkg(entry.package, overrides[entry.package] ?? entry.minimum);
      }
    }
    return dir;
  }

  /** Runs the gate's CLI on `dir`, as npm start would. */
  function runCli(dir: string) {
    const script = path.join(dir, "scripts/check-versions.mjs");
    fs.mkdirSync(path.dirname(script), { recursive: true });
    fs.copyFileSync(path.join(root, "scripts/check-versions.mjs"), script);
    return spawnSync(process.execPath, [script], { encoding: "utf8" });
  }

  it("passes when everything sits exactly on its line", () => {
    const result = runCli(fakeProject());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("✓ Every package is at or above its minimum patched version.");
  });

  it("fails naming the one package below its line and the advisories it misses", () => {
    const result = runCli(fakeProject({ next: "16.4.0" }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/next 16\.4\.0 is below 16\.4\.1 \(GHSA-f82v-jwr5-mffw, .*GHSA-p3m5-59mp-jv5r/);
    expect(result.stdout.match(/ is below /g)).toHaveLength(1);
  });

  it("fails on a single @tiptap package behind the rest, and on a canary below its release", () => {
    const dir = fakeProject({ "@tiptap/extension-link": "2.10.3", "drizzle-orm": "0.45.2-beta.1" });
    const result = checkVersions(table, path.join(dir, "node_modules"));
    expect(result.failures.map((f) => f.name)).toEqual(["drizzle-orm", "@tiptap/extension-link"]);
    expect(formatReport(result)).toContain("@tiptap/extension-link 2.10.3 is below 3.0.0 (GHSA-vhrc-hgrq-x75r)");
  });

  it("fails on the SQLite compiled into better-sqlite3 and on next's vendored React", () => {
    const dir = fakeProject({ sqlite: "3.53.1", "react-server-dom-turbopack": "19.2.0" });
    const names = checkVersions(table, path.join(dir, "node_modules")).failures.map((f) => f.name);
    expect(names).toEqual(["next/dist/compiled/react-server-dom-turbopack", "sqlite (in better-sqlite3)"]);
  });

  it("fails when a package is missing rather than passing what it cannot see", () => {
    const dir = fakeProject();
    fs.rmSync(path.join(dir, "node_modules/sharp"), { recursive: true });
    const result = runCli(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("sharp  is not installed");
  });
});
