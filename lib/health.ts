import "server-only";
import { withSqlite } from "@/db/client";

/** True when the database can be read. */
export async function checkHealth(): Promise<boolean> {
  try {
    return await withSqlite((sqlite) => sqlite.prepare("select 1 as ok").get() !== undefined);
  } catch {
    return false;
  }
}
