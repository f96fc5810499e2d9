import type { ChildProcess } from "node:child_process";

export const VCL_TEMPLATE: string;
export function varnishdPath(): string | null;
export function ensureVarnish(): void;
/** One instance of the app behind Varnish. */
export interface VarnishBackend {
  host?: string;
  port: number;
}

/** Either backendPort (one instance, as start:cached) or backends (several, in turn). */
export function renderVcl(options: { backendHost?: string; backendPort?: number; backends?: VarnishBackend[]; purgers?: string[] }): string;
export function configuredPurgers(): string[];
export function compileVcl(vclFile: string): string;

export interface StartVarnishOptions {
  port: number;
  backendHost?: string;
  /** The one instance behind Varnish; or give `backends`. */
  backendPort?: number;
  /** Several instances, sent requests in turn (a round-robin director with health probes). */
  backends?: VarnishBackend[];
  /** A folder for the VCL and varnishd's state; a temporary one when not given. */
  workDir?: string;
  /** Extra addresses or CIDR ranges allowed to PURGE (loopback always is). */
  purgers?: string[];
  /** More `-a` listen addresses, "host:port". */
  extraListen?: string[];
  /** malloc storage size, e.g. "64m". */
  memory?: string;
  /** A VCL to run instead of the rendered template. */
  vcl?: string;
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
