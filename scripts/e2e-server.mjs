// The server the browser tests run against: a new throwaway data folder every run, migrated and
// seeded, then `next start` on it. The folder is marked so the tests can check where they run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareData, root, serve } from "./lib.mjs";

export const MARKER = ".masthead-throwaway";
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-e2e-"));
fs.writeFileSync(path.join(dataDir, MARKER), "created by scripts/e2e-server.mjs; safe to delete\n");
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
fs.writeFileSync(path.join(root, "test-results", "e2e-data-dir"), dataDir);

prepareData(dataDir);
const child = serve({ port, dataDir });
child.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
