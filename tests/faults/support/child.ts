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

export function runScript(script: string, options: { dataDir: string; config: unknown; uid?: number; gid?: number; env?: Record<string, string> }): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "tests/faults/support", script), JSON.stringify(options.config)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", MASTHEAD_DATA_DIR: options.dataDir, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    uid: options.uid,
    gid: options.gid,
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
