import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_HOOK_TIMEOUT, startMigratedPostgres, type MigratedPostgres } from "./support/pg";

/*
 * DATABASE_URL chooses the engine for every start mode (they all prepare the data through
 * scripts/lib.mjs prepareData): a postgres:// one is migrated and seeded there, with no SQLite
 * file made on the side; anything else is refused with a sentence, before anything is written.
 */
const prepare = (dir: string, databaseUrl: string) =>
  spawnSync(process.execPath, ["--input-type=module", "-e", `import { prepareData } from "./scripts/lib.mjs"; prepareData(${JSON.stringify(dir)}, { env: { MASTHEAD_DEMO_PASSWORD: "a-demo-password-for-tests" } });`], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });

let pg: MigratedPostgres;
let root: string;
beforeAll(async () => {
  pg = await startMigratedPostgres({ migrate: false });
  root = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-database-url-"));
}, PG_HOOK_TIMEOUT);
afterAll(async () => {
  await pg?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("DATABASE_URL", () => {
  it("naming PostgreSQL: the start migrates and seeds it, and writes no SQLite file", () => {
    const dir = path.join(root, "pg");
    const result = prepare(dir, pg.server.url);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Seeded \d+ demo articles/);
    expect(fs.existsSync(path.join(dir, "masthead.db"))).toBe(false);
    // A second start keeps what is there.
    const again = prepare(dir, pg.server.url);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Existing content kept; nothing seeded.");
  }, 120_000);

  it("holds the seeded site in PostgreSQL: live articles, their search index, the staff", async () => {
    const count = async (sql: string) => Number((await pg.pool.query<{ n: string }>(sql)).rows[0]!.n);
    expect(await count("select count(*) n from publications")).toBeGreaterThan(20);
    expect(await count("select count(*) n from publication_search")).toBe(await count("select count(*) n from publications"));
    expect(await count("select count(*) n from users where email = 'reviser@example.edu'")).toBe(1);
  });

  it("naming anything else: refused with what to do, and nothing is written", () => {
    const dir = path.join(root, "mysql");
    const result = prepare(dir, "mysql://masthead@127.0.0.1/masthead");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL: Use a postgres:// address, or leave it unset for the SQLite file.");
    expect(fs.existsSync(path.join(dir, "masthead.db"))).toBe(false);
  });
});
