import "server-only";
import { ping } from "@/db/client";

/** True when the database can be read. */
export async function checkHealth(): Promise<boolean> {
  try {
    return await ping();
  } catch {
    return false;
  }
}
