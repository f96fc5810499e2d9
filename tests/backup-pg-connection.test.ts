import { describe, expect, it } from "vitest";
import { connectionOf } from "../scripts/backup-pg.mjs";

/*
 * pg_dump and pg_restore get the database on their command line, which any user of the machine
 * can read in the process list: no password may be in it, wherever the URL carries one.
 */
describe("the connection pg_dump and pg_restore are given", () => {
  it("keeps the password of the URL's user part out of the command line, in PGPASSWORD", () => {
    const c = connectionOf("postgres://masthead:p%40ss@db.example.edu:5432/news");
    expect(c.dbname).toBe("postgres://masthead@db.example.edu:5432/news");
    expect(c.env.PGPASSWORD).toBe("p@ss");
  });

  it("also a password given as a query option, keeping the other options", () => {
    const c = connectionOf("postgres://masthead@db.example.edu/news?sslmode=require&password=s3cret");
    expect(c.dbname).toBe("postgres://masthead@db.example.edu/news?sslmode=require");
    expect(c.dbname).not.toContain("s3cret");
    expect(c.redacted).not.toContain("s3cret");
    expect(c.env.PGPASSWORD).toBe("s3cret");
  });
});
