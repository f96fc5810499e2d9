import fs from "node:fs";
import path from "node:path";
import type { RawSql } from "../../support/sql";

/** Stored originals that no media row points to: the trace of an upload that failed halfway. */
export async function listOrphanOriginals(dataDir: string, sql: RawSql): Promise<string[]> {
  const folder = path.join(dataDir, "media", "originals");
  if (!fs.existsSync(folder)) return [];
  const known = new Set((await sql.all<{ file_key: string }>("select file_key from media")).map((r) => `${r.file_key}.jpg`));
  return fs.readdirSync(folder).filter((name) => !known.has(name));
}
