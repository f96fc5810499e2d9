import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getStaffById } from "@/db/queries/users";
import type { CurrentUser } from "@/lib/permissions";
import { readSessionClaims } from "./claims";
import { SESSION_COOKIE_NAMES } from "./cookie-names";

export { SESSION_COOKIE_NAMES } from "./cookie-names";

/**
 * Deletes the session cookies where a response may still set cookies (server actions, route
 * handlers). During a page render Next forbids it, and the page guard sends the browser to
 * /api/session/end instead.
 */
async function clearSessionCookies(): Promise<void> {
  try {
    const jar = await cookies();
    for (const name of SESSION_COOKIE_NAMES) if (jar.has(name)) jar.delete(name);
  } catch {
    // A server component render: cookies are read-only there.
  }
}

/** Whether the request carries a signed session that no longer admits anyone. */
export const hasEndedSession = cache(async (): Promise<boolean> => (await readSessionClaims()) !== null && (await getCurrentUser()) === null);

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * changed role or a reset password (each bumps the session version) ends the session at once,
 * and its cookie is cleared on the next response that may set cookies.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const row = await getStaffById(claims.uid);
  if (!row || !row.active || row.sessionVersion !== claims.sv) {
    await clearSessionCookies();
    return null;
  }
  return { id: row.id, name: row.name, email: row.email, role: row.role };
});
