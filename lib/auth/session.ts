import "server-only";
import { cache } from "react";
import { getStaffById } from "@/db/queries/users";
import type { CurrentUser } from "@/lib/permissions";
import { readSessionClaims } from "./claims";

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * changed role or a reset password (each bumps the session version) ends the session at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const row = getStaffById(claims.uid);
  if (!row || !row.active || row.sessionVersion !== claims.sv) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
});
