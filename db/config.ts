import path from "node:path";
import { z } from "zod";

/*
 * The two settings data access needs: where the database lives and how long a write waits for
 * the lock. They are defined here, below lib/, so that db/ imports nothing above it; lib/env.ts
 * spreads `dbEnvShape` into the app's one environment schema, so each variable still has one
 * definition and a malformed value is reported with all the others at startup.
 */

export const dbEnvShape = {
  /** Folder with the SQLite database, media and generated secrets. */
  MASTHEAD_DATA_DIR: z.string().min(1).default("./data"),
  /**
   * How long a write waits for another connection's write lock before it is refused as busy.
   * Tests lower it so a held lock is refused in milliseconds rather than seconds.
   */
  MASTHEAD_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /**
   * `postgres://…` (or `postgresql://…`) serves from that PostgreSQL database instead of the
   * SQLite file; unset or empty, the SQLite file in MASTHEAD_DATA_DIR.
   */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\//i.test(v), "Use a postgres:// address, or leave it unset for the SQLite file."),
};

const dbEnvSchema = z.object(dbEnvShape);
export type DbEnv = z.infer<typeof dbEnvSchema>;

let cached: DbEnv | null = null;

/** The database settings from the environment (read once, like lib/env.ts's env()). */
export function dbEnv(): DbEnv {
  if (cached) return cached;
  const parsed = dbEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return (cached = parsed.data);
}

/** Absolute path of the data folder. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dbEnv().MASTHEAD_DATA_DIR);
}

/** Absolute path of the SQLite database file. */
export function databasePath(): string {
  return path.join(dataDir(), "masthead.db");
}

export type DatabaseEngine = "sqlite" | "postgres";

/** Which engine serves: PostgreSQL when DATABASE_URL names one, else the embedded SQLite file. */
export function databaseEngine(): DatabaseEngine {
  return dbEnv().DATABASE_URL ? "postgres" : "sqlite";
}
