import pg from "pg";
import { ensurePostgres, freePort, startPostgres, type RunningPostgres } from "@/scripts/postgres.mjs";
import { migratePostgres } from "@/db/pg/migrate";

/** Hook timeout for suites that start a cluster (apt-get may install PostgreSQL first). */
export const PG_HOOK_TIMEOUT = 300_000;

export interface MigratedPostgres {
  server: RunningPostgres;
  /** The app role's pool (as the app would connect). */
  pool: pg.Pool;
  stop: () => Promise<void>;
}

/** A throwaway PostgreSQL cluster with db/pg/migrations applied; `stop()` ends and removes it. */
export async function startMigratedPostgres({ migrate = true } = {}): Promise<MigratedPostgres> {
  ensurePostgres();
  const server = await startPostgres({ port: await freePort() });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  // An idle connection ended by the server (its shutdown at the end of a suite) is expected.
  pool.on("error", () => {});
  try {
    if (migrate) await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    await server.stop();
    throw error;
  }
  return {
    server,
    pool,
    stop: async () => {
      await pool.end();
      await server.stop();
    },
  };
}
