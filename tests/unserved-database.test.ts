import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * DATABASE_URL=postgres://… is refused by every start mode (they all prepare the data through
 * scripts/lib.mjs prepareData) until the app serves from PostgreSQL: it must not quietly migrate
 * and serve a SQLite file instead of the database the operator named.
 */
describe("a DATABASE_URL naming PostgreSQL", () => {
  it("stops the start before anything is migrated, saying why and what to do", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "masthead-unserved-")), "data");
    try {
      const result = spawnSync(process.execPath, ["--input-type=module", "-e", `import { prepareData } from "./scripts/lib.mjs"; prepareData(${JSON.stringify(dir)});`], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: "postgres://masthead@127.0.0.1:5432/masthead" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("DATABASE_URL points at PostgreSQL, which Masthead does not serve from yet");
      expect(result.stderr).toContain("Unset DATABASE_URL");
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
