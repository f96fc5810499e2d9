import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

/*
 * Test side of the fault drills: runs one of the scripts in this folder as a separate Node
 * process (with the react-server condition the app's server code needs), against the data
 * folder given, and collects the lines it prints.
 *
 * tsx is loaded with `node --import tsx`, not through `tsx/dist/cli.mjs`: the CLI runs the
 * script in a second Node process of its own and only relays signals, so a SIGKILL sent to the
 * CLI's pid kills the relay and leaves the writer running (we saw the burst finish after the
 * "kill"). With --import the pid we kill is the process that writes.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export interface Child {
  process: ChildProcess;
  /** Every line printed so far on stdout. */
  lines: string[];
  stderr: () => string;
  /** Resolves once a printed line satisfies `test` (or rejects after `timeoutMs`). */
  waitFor: (test: (line: string, lines: string[]) => boolean, timeoutMs?: number) => Promise<void>;
  /** Writes one line to the script's stdin. */
  send: (line: string) => void;
  /** Resolves when the process has ended and its output has been read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a support script in its own process. With `readOnlyDir`, that folder is read-only for
 * the process (and only for it): a read-only bind mount in a private mount namespace, so its
 * writes fail with EROFS exactly as on a disk remounted read-only.
 */
export function runScript(script: string, options: { dataDir: string; config: unknown; env?: Record<string, string>; readOnlyDir?: string }): Child {
  const node = [process.execPath, "--conditions=react-server", "--import", "tsx", path.join(ROOT, "tests/faults/support", script), JSON.stringify(options.config)];
  const [command, ...args] = options.readOnlyDir
    ? ["unshare", "--mount", "sh", "-c", 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"', "sh", options.readOnlyDir, ...node]
    : node;
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", MASTHEAD_DATA_DIR: options.dataDir, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const reader = readline.createInterface({ input: child.stdout! });
  reader.on("line", (line) => {
    lines.push(line);
    for (const w of waiters) w();
  });
  const closed = new Promise<void>((resolve) => reader.on("close", resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => void closed.then(() => resolve({ code, signal })));
  });
  const waitFor: Child["waitFor"] = (test, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (lines.some((l) => test(l, lines))) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting in ${script}; last lines: ${lines.slice(-3).join(" | ")}; stderr: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      void exited.then(() => {
        if (waiters.has(check)) {
          cleanup();
          if (lines.some((l) => test(l, lines))) resolve();
          else reject(new Error(`${script} ended early; last lines: ${lines.slice(-3).join(" | ")}; stderr: ${stderr.slice(-2000)}`));
        }
      });
      waiters.add(check);
      check();
    });
  return { process: child, lines, stderr: () => stderr, waitFor, send: (line) => child.stdin!.write(`${line}\n`), exited };
}

/** SIGKILLs the process (no handler, no cleanup can run) and waits until it is gone. */
export async function killHard(child: Child) {
  child.process.kill("SIGKILL");
  return child.exited;
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
