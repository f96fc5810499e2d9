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
  /** When this process was started (Date.now()). */
  startedAt: number;
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
  /** Start a dead instance again on its port, after restartDelay(); `instances` then holds the new one. */
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

/** An instance that ran this long before dying counts as having started well. */
export const RESTART_WINDOW_MS: number;

/** The pause before a dead instance starts again, after `quickDeaths` quick deaths in a row: 1 s, doubling, at most 30 s. */
export function restartDelay(quickDeaths: number): number;
