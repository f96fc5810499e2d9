// `npm start`: everything a fresh clone needs, then the server. Safe to run again: it reuses the
// installed dependencies, the data folder and the build, and never overwrites content.
import path from "node:path";
import { runGate } from "./check-versions.mjs";
import { ensureBuild, ensureDependencies, ensureSecret, prepareData, root, serve } from "./lib.mjs";

const port = Number(process.env.PORT || 3000);
const dataDir = path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");

ensureDependencies();
// `npm start` is the production path, so the gate runs always, not only when NODE_ENV says so.
if (!runGate({ root })) process.exit(1); // a dependency below its patched version: refuse to serve
ensureSecret(dataDir); // refuse a short NEXTAUTH_SECRET before doing anything else
console.log(`• Preparing data in ${dataDir}…`);
prepareData(dataDir);
ensureBuild();
console.log(`• Serving on http://localhost:${port}`);
serve({ port, dataDir });
