import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The throwaway database the test server runs on (checked by global-setup). */
export function testDb(): Database.Database {
  const dir = fs.readFileSync(path.join(process.cwd(), "reports", "e2e-data-dir"), "utf8").trim();
  const db = new Database(path.join(dir, "masthead.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Runs `fn` with the test database and closes it afterwards. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = testDb();
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
