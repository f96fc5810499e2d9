import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Points the app at a new, empty data folder and applies the migrations. Call at the top of a
 * test file, before anything opens the database; the folder is removed by `cleanup`.
 */
export async function useFreshDatabase(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-test-"));
  process.env.MASTHEAD_DATA_DIR = dir;
  const { migrateDatabase } = await import("@/db/migrate");
  migrateDatabase();
  return {
    dir,
    cleanup: async () => {
      const { closeDb } = await import("@/db/client");
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
