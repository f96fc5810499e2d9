import "server-only";
import { getSqlite } from "@/db/client";

/** True when the database can be read. */
export function checkHealth(): boolean {
  try {
    return getSqlite().prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}
