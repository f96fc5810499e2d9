import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getDb } from "./client";

/** Applies the drizzle-kit migrations in db/migrations to the configured database. */
export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
}
