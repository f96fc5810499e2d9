import type { ChildProcess } from "node:child_process";

export interface RunningService {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
  ready(check: () => Promise<boolean>, options: { what: string; timeoutMs?: number; intervalMs?: number }): Promise<void>;
}

export function runService(options: {
  command: string;
  args: string[];
  spawnOptions?: Record<string, unknown>;
  log?: (line: string) => void;
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
  cleanup?: () => void;
}): RunningService;
export function freePort(): Promise<number>;
export function aptInstall(packages: string[], what: string): void;
