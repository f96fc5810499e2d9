import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getSqlite } from "./client";

/** Applies the drizzle-kit migrations in db/migrations to the configured database. */
export function migrateDatabase(): void {
  migrate(drizzle(getSqlite()), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
}
