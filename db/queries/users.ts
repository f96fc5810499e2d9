import "server-only";
import { and, asc, eq, gt, isNull, sql, count } from "drizzle-orm";
import { getDb, type Db, returned } from "../client";
import type { Role } from "../schema";
import { passwordTokens, users } from "../tables";

/*
 * Staff accounts. Only `getSignInRecord` returns a password hash, and only sign-in calls it;
 * everything else selects named columns without secrets.
 */

export const staffColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  sessionVersion: users.sessionVersion,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
};

export type StaffRow = { id: number; email: string; name: string; role: Role; active: boolean; sessionVersion: number; hasPassword: boolean };

/** Normalises an e-mail address for lookup and storage. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The fields sign-in needs, including the hash. Never pass the result on. */
export async function getSignInRecord(email: string) {
  return (
    (await getDb()
            .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, sessionVersion: users.sessionVersion })
            .from(users)
            .where(eq(users.email, normaliseEmail(email))))[0] ?? null
  );
}

/** A staff member by id, without secrets. */
export async function getStaffById(id: number, db: Db = getDb()): Promise<StaffRow | null> {
  return (await db.select(staffColumns).from(users).where(eq(users.id, id)))[0] ?? null;
}

/** A staff member by e-mail, without secrets. */
export async function getStaffByEmail(email: string, db: Db = getDb()): Promise<StaffRow | null> {
  return (await db.select(staffColumns).from(users).where(eq(users.email, normaliseEmail(email))))[0] ?? null;
}

/**
 * A staff member whose address equals `email` ignoring case (rows written before addresses were
 * normalised included), without secrets; the exact normalised match wins if there are two.
 */
export async function findStaffByEmailIgnoringCase(email: string, db: Db = getDb()): Promise<StaffRow | null> {
  const wanted = normaliseEmail(email);
  const rows = await db.select(staffColumns).from(users).where(sql`lower(${users.email}) = ${wanted}`).orderBy(asc(users.id));
  return rows.find((r) => r.email === wanted) ?? rows[0] ?? null;
}

/** Everyone, active first, then by name. */
export async function listStaff(): Promise<StaffRow[]> {
  return await getDb().select(staffColumns).from(users).orderBy(sql`${users.active} desc`, asc(users.name));
}

/** How many active admins there are (the last one may not be demoted or deactivated). */
export async function countActiveAdmins(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))))[0]?.n ?? 0;
}

/** Inserts a person without a password; returns their id. */
export async function insertStaff(db: Db, input: { email: string; name: string; role: Role }): Promise<number> {
  return returned(await db
        .insert(users)
        .values({ email: normaliseEmail(input.email), name: input.name, role: input.role })
        .returning({ id: users.id })).id;
}

/** Applies changes to a person and, when `endSessions`, bumps their session version. */
export async function updateStaff(
  db: Db,
  id: number,
  changes: Partial<{ name: string; role: Role; active: boolean; passwordHash: string | null }>,
  endSessions: boolean,
): Promise<void> {
  await db.update(users)
      .set({
        ...changes,
        updatedAt: new Date(),
        ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, id));
}

/** Stores a new one-time token hash; earlier unused tokens of the person stop working. */
export async function insertPasswordToken(
  db: Db,
  input: { userId: number; tokenHash: string; purpose: "invite" | "reset"; expiresAt: Date; createdBy: number | null },
): Promise<void> {
  await db.update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordTokens.userId, input.userId), isNull(passwordTokens.usedAt)));
  await db.insert(passwordTokens).values(input);
}

/** A token that is unused and unexpired, with its person; null otherwise. */
export async function getUsableToken(db: Db, tokenHash: string, at: Date) {
  return (
    (await db
            .select({ id: passwordTokens.id, userId: passwordTokens.userId, purpose: passwordTokens.purpose, name: users.name, email: users.email, active: users.active })
            .from(passwordTokens)
            .innerJoin(users, eq(users.id, passwordTokens.userId))
            .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, at))))[0] ?? null
  );
}

/** Marks a token used; false if it was used in the meantime. */
export async function consumeToken(db: Db, id: number, at: Date): Promise<boolean> {
  return (await db.update(passwordTokens).set({ usedAt: at }).where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt))).returning({ id: passwordTokens.id })).length === 1;
}
