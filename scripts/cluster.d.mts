import type { ChildProcess } from "node:child_process";
import type { RunningRedis } from "./redis.mjs";
import type { RunningVarnish } from "./varnish.mjs";

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One app instance of the cluster (scripts/server.mjs on loopback). */
export interface ClusterInstance {
  name: string;
  index: number;
  port: number;
  /** http://127.0.0.1:PORT, the instance itself, around Varnish. */
  url: string;
  pid: number | undefined;
  child: ChildProcess;
  exited: Promise<ExitResult>;
  alive(): boolean;
  readonly stopping: boolean;
  /** Whether this process is a restart of a dead one. */
  restarted: boolean;
  /** When it first answered its health check (Date.now()), or null. */
  healthyAt: number | null;
  /** Sends `signal` (SIGKILL by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<ExitResult>;
  /** SIGTERM (drain and flush), SIGKILL after 20 s; waits for the exit. */
  stop(): Promise<ExitResult>;
}

export interface StartClusterOptions {
  /** Varnish's port: where readers reach the site. */
  port: number;
  /** The one data folder every instance serves (migrated beforehand). */
  dataDir: string;
  /** How many instances (2 by default), on port+1… unless instancePorts says. */
  instances?: number;
  instancePorts?: number[];
  /** Redis's port; port + instances + 1 by default. */
  redisPort?: number;
  /** Where readers reach the site (MASTHEAD_SITE_URL and NEXTAUTH_URL). */
  siteUrl?: string;
  /** The session secret of every instance; else the data folder's (scripts/lib.mjs ensureSecret). */
  secret?: string;
  /** More environment for every instance. */
  env?: Record<string, string>;
  extraListen?: string[];
  purgers?: string[];
  /** A VCL text to run instead of deploy/varnish/masthead.vcl rendered for the instances. */
  vcl?: string;
  log?: (line: string) => void;
  onInstanceExit?: (instance: ClusterInstance, result: ExitResult) => void;
  healthTimeoutMs?: number;
  /** Start a dead instance again on its port, after restartDelay(); `instances` holds the new process from its start. */
  restart?: boolean;
}

export interface RunningCluster {
  port: number;
  url: string;
  purgeUrl: string;
  instances: ClusterInstance[];
  redis: RunningRedis;
  varnish: RunningVarnish;
  /** The instances drain and flush, then Varnish stops, then Redis. */
  stop(): Promise<void>;
}

export function startCluster(options: StartClusterOptions): Promise<RunningCluster>;

/** A restarted instance that served this long before dying counts as having run well. */
export const RESTART_WINDOW_MS: number;

/** Quick deaths in a row after one more death of a slot (0 after a good run or for the slot's first death). */
export function quickDeathsAfter(previous: number, death: { restarted: boolean; healthyForMs: number | null }): number;

/** The pause before a dead instance starts again after `quickDeaths` quick deaths in a row: 1 s, then 2, 4 … at most 30 s. */
export function restartDelay(quickDeaths: number): number;
