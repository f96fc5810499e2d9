import fs from "node:fs";
import readline from "node:readline";

/*
 * Script side of the fault drills. Lines go out with a synchronous write to fd 1, so a line the
 * test has read was printed after the operation it reports had returned, and a SIGKILL can lose
 * at most the line being written, never report something that did not happen.
 */

/** The JSON configuration the test passed as the first argument. */
export function readConfig<T>(): T {
  return JSON.parse(process.argv[2] ?? "{}") as T;
}

/** Prints one line now. */
export function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

/** Resolves when the test writes `word` on stdin. */
export function waitForWord(word: string): Promise<void> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin });
    rl.on("line", (line) => {
      if (line.trim() === word) {
        rl.close();
        resolve();
      }
    });
  });
}

/** A TipTap document of `paragraphs` paragraphs, the first one carrying `marker`. */
export function burstBody(marker: string, paragraphs = 12) {
  const filler = "The ferry leaves the north quay at nine and returns by the old canal before noon. ";
  return {
    type: "doc",
    content: Array.from({ length: paragraphs }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: i === 0 ? `Autosave ${marker}` : filler.repeat(4) }] })),
  };
}
