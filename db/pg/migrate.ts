import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Pool, PoolClient } from "pg";

/** The folder of the PostgreSQL migrations (drizzle-kit, drizzle.pg.config.ts). */
export const PG_MIGRATIONS = path.join(process.cwd(), "db", "pg", "migrations");

/**
 * Applies db/pg/migrations to the database `client` talks to. drizzle records each one in
 * `drizzle.__drizzle_migrations` and applies all pending ones in one transaction, so a second
 * run is a no-op and a failed one leaves the schema as it was.
 */
export async function migratePostgres(client: Pool | PoolClient): Promise<void> {
  await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS });
}
