import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/** Stored originals that no media row points to: the trace of an upload that failed halfway. */
export function listOrphanOriginals(dataDir: string, db: Database.Database): string[] {
  const folder = path.join(dataDir, "media", "originals");
  if (!fs.existsSync(folder)) return [];
  const known = new Set((db.prepare("select file_key from media").all() as { file_key: string }[]).map((r) => `${r.file_key}.jpg`));
  return fs.readdirSync(folder).filter((name) => !known.has(name));
}
