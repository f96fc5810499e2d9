/*
 * Prepares a data folder: creates it, applies migrations and, unless --no-seed, seeds the demo
 * content when the database is empty. Run with `tsx --conditions=react-server` (the db modules
 * are server-only). Used by `npm start`, the test server and the db:* scripts.
 */
import fs from "node:fs";
import { dataDir, mediaDir } from "@/lib/env";
import { closeDb } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemoContent } from "./seed";

async function main() {
  const args = new Set(process.argv.slice(2));
  fs.mkdirSync(mediaDir(), { recursive: true });
  migrateDatabase();
  console.log(`Database ready in ${dataDir()}`);
  if (!args.has("--no-seed")) {
    const seeded = await seedDemoContent((line) => console.log(line));
    if (!seeded) console.log("Existing content kept; nothing seeded.");
  }
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
