/** One line of security/minimum-versions.json. */
export interface MinimumVersion {
  package: string;
  minimum: string;
  advisories?: string[];
  why: string;
  source?: "package" | "next-vendored-react-server-dom" | "better-sqlite3-sqlite-header";
}
export interface GateRow {
  name: string;
  installed: string | null;
  minimum: string;
  advisories: string[];
  ok: boolean;
  problem: string | null;
}
export interface GateResult {
  ok: boolean;
  rows: GateRow[];
  failures: GateRow[];
}

export function parseVersion(version: unknown): { core: [number, number, number]; pre: string[] } | null;
export function compareVersions(a: string, b: string): -1 | 0 | 1;
export function installedVersions(entry: MinimumVersion, nodeModules: string): { name: string; version: string | null }[];
export function checkVersions(table: { packages: MinimumVersion[] }, nodeModules: string): GateResult;
export function formatReport(result: GateResult): string;
export function runGate(options?: { root?: string; log?: (line: string) => void }): boolean;
