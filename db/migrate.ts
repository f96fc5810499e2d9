import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getSqlite, pgPool } from "./client";
import { databaseEngine } from "./config";
import { migratePostgres } from "./pg/migrate";

/**
 * Applies the drizzle-kit migrations of the engine that serves: db/migrations to the SQLite file,
 * db/pg/migrations to the PostgreSQL database of DATABASE_URL.
 */
export async function migrateDatabase(): Promise<void> {
  if (databaseEngine() === "postgres") {
    await migratePostgres(pgPool());
    return;
  }
  migrate(drizzle(getSqlite()), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
}
