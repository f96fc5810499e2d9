import type { ChildProcess } from "node:child_process";

export function postgresBinDir(program?: string): string | null;
export function postgresBin(name: string): string;
export function ensurePostgres(): void;
export function freePort(): Promise<number>;

export interface RunningPostgres {
  port: number;
  /** postgres://user:password@127.0.0.1:port/database, the app role's connection string. */
  url: string;
  /** The superuser over the cluster's socket (trusted), for setup and assertions. */
  adminUrl: string;
  socketDir: string;
  stop(): Promise<void>;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startPostgres(options: { port: number; database?: string; user?: string; keepIn?: string | null; log?: (line: string) => void }): Promise<RunningPostgres>;
