import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

/**
 * Points the app at a new, empty database and applies the migrations. Call at the top of a test
 * file, before anything opens the database; it is removed by `cleanup`.
 *
 * The engine is the suite's (vitest.config.mts): the SQLite file in a new data folder, or, in
 * the "postgres" project, a new database in the throwaway cluster that tests/support/pg-global.ts
 * started, with DATABASE_URL naming it. The data folder (media, secrets) is new on both.
 */
export async function useFreshDatabase(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-test-"));
  process.env.MASTHEAD_DATA_DIR = dir;
  const dropDatabase = process.env.MASTHEAD_TEST_ENGINE === "postgres" ? await createPgDatabase() : null;
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  return {
    dir,
    cleanup: async () => {
      const { closeDb } = await import("@/db/client");
      await closeDb();
      await dropDatabase?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database of the app's role in the suite's cluster; DATABASE_URL names it. Resolves its dropper. */
async function createPgDatabase(): Promise<() => Promise<void>> {
  const { url, adminUrl } = inject("postgres");
  const name = `masthead_t_${crypto.randomBytes(6).toString("hex")}`;
  const owner = new URL(url).username;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
  } finally {
    await admin.end();
  }
  const mine = new URL(url);
  mine.pathname = `/${name}`;
  process.env.DATABASE_URL = mine.toString();
  return async () => {
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    try {
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await drop.end();
    }
  };
}
