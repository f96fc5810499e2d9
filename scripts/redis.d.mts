import type { ChildProcess } from "node:child_process";

export interface RunningRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function redisServerPath(): string | null;
export function ensureRedis(): void;
export function startRedis(options: { port: number; log?: (line: string) => void }): Promise<RunningRedis>;
