import type { TestProject } from "vitest/node";
import { ensurePostgres, freePort, startPostgres } from "@/scripts/postgres.mjs";

/*
 * Global setup of the "postgres" project (vitest.config.mts): one throwaway PostgreSQL cluster in
 * a temporary folder on a free port (installed with apt when missing and we are root), in which
 * every test file gets a database of its own (tests/support/temp-db.ts). Stopped and removed
 * when the run ends.
 */

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string; adminUrl: string };
  }
}

export default async function setup(project: TestProject) {
  ensurePostgres();
  const server = await startPostgres({ port: await freePort() });
  project.provide("postgres", { url: server.url, adminUrl: server.adminUrl });
  return async () => {
    await server.stop();
  };
}
