// `npm start`: everything a fresh clone needs, then the server. Safe to run again: it reuses the
// installed dependencies, the data folder and the build, and never overwrites content.
import path from "node:path";
import { ensureBuild, ensureDependencies, ensureSecret, prepareData, root, serve } from "./lib.mjs";

const port = Number(process.env.PORT || 3000);
const dataDir = path.resolve(root, process.env.MASTHEAD_DATA_DIR || "data");

ensureDependencies();
ensureSecret(dataDir); // refuse a short NEXTAUTH_SECRET before doing anything else
console.log(`• Preparing data in ${dataDir}…`);
prepareData(dataDir);
ensureBuild();
console.log(`• Serving on http://localhost:${port}`);
serve({ port, dataDir });
