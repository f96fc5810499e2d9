// `npm run dev`: prepare ./data (migrate, seed when empty), then `next dev`.
import path from "node:path";
import { spawn } from "node:child_process";
import { childEnv, ensureDependencies, prepareData, root } from "./lib.mjs";

const dataDir = path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");
ensureDependencies();
prepareData(dataDir);
const child = spawn("node", ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir },
});
child.on("exit", (code) => process.exit(code ?? 0));
