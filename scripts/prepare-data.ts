/*
 * Prepares a data folder: creates it, applies migrations and, unless --no-seed, seeds the demo
 * content (scripts/seed/) when the database is empty. Run with `tsx --conditions=react-server`
 * (the db and lib modules are server-only). Used by `npm start`, the test server and the db:*
 * scripts.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { dataDir, env, mediaDir } from "@/lib/env";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoContent } from "./seed/seed";

/** The demo password: MASTHEAD_DEMO_PASSWORD, or a random one written to the data folder once. */
function demoPassword(): { password: string; generated: boolean } {
  const configured = env().MASTHEAD_DEMO_PASSWORD;
  if (configured) return { password: configured, generated: false };
  return { password: crypto.randomBytes(12).toString("base64url"), generated: true };
}

async function main() {
  const args = new Set(process.argv.slice(2));
  fs.mkdirSync(mediaDir(), { recursive: true });
  await migrateDatabase();
  console.log(`Database ready in ${dataDir()}`);
  if (args.has("--no-seed")) return;
  if (!await isDatabaseEmpty()) {
    console.log("Existing content kept; nothing seeded.");
    return;
  }
  const { password, generated } = demoPassword();
  const started = Date.now();
  if (!(await seedDemoContent(password, (line) => console.log(line)))) return;
  console.log(`(seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (generated) {
    const file = path.join(dataDir(), "demo-credentials.txt");
    const text = `Demo accounts (password for all four): ${password}\n${DEMO_ACCOUNTS.map((e) => `  ${e}`).join("\n")}\n`;
    fs.writeFileSync(file, text, { mode: 0o600 });
    console.log(`\n${text}(also written to ${file})\n`);
  } else {
    console.log(`Demo accounts ${DEMO_ACCOUNTS.join(", ")} use MASTHEAD_DEMO_PASSWORD.`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
