import type { ChildProcess } from "node:child_process";

export const VCL_TEMPLATE: string;
export function varnishdPath(): string | null;
export function ensureVarnish(): void;
export function renderVcl(options: { backendHost?: string; backendPort: number; purgers?: string[] }): string;
export function configuredPurgers(): string[];
export function compileVcl(vclFile: string): string;

export interface StartVarnishOptions {
  port: number;
  backendHost?: string;
  backendPort: number;
  /** A folder for the VCL and varnishd's state; a temporary one when not given. */
  workDir?: string;
  /** Extra addresses or CIDR ranges allowed to PURGE (loopback always is). */
  purgers?: string[];
  /** More `-a` listen addresses, "host:port". */
  extraListen?: string[];
  /** malloc storage size, e.g. "64m". */
  memory?: string;
  log?: (line: string) => void;
}

export interface RunningVarnish {
  port: number;
  purgeUrl: string;
  stop(): Promise<void>;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startVarnish(options: StartVarnishOptions): Promise<RunningVarnish>;
