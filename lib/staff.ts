import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { recordPurge } from "@/lib/cache-tier/purge";
import crypto from "node:crypto";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import {
  consumeToken,
  countActiveAdmins,
  getSignInRecord,
  getStaffByEmail,
  getStaffById,
  getUsableToken,
  insertPasswordToken,
  insertStaff,
  updateStaff,
} from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";

/*
 * Staff management: the domain rules behind the staff page, the profile page and the staff
 * command. Callers have already checked the capability; the rules here hold for every caller.
 */

const INVITE_TTL_MS = 7 * 24 * 3600_000;
const RESET_TTL_MS = 24 * 3600_000;

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

function setPasswordLink(token: string): string {
  return `${siteUrl()}/set-password?token=${token}`;
}

async function issueToken(db: Parameters<typeof insertPasswordToken>[0], userId: number, purpose: "invite" | "reset", actorId: number | null) {
  const token = crypto.randomBytes(32).toString("base64url");
  const ttl = purpose === "invite" ? INVITE_TTL_MS : RESET_TTL_MS;
  await insertPasswordToken(db, { userId, tokenHash: sha256(token), purpose, expiresAt: new Date(Date.now() + ttl), createdBy: actorId });
  return setPasswordLink(token);
}

async function staffOrThrow(db: Parameters<typeof getStaffById>[1], id: number) {
  const person = await getStaffById(id, db);
  if (!person) throw new AppError("not_found", "That person does not exist.");
  return person;
}

async function keepOneAdmin(db: Parameters<typeof countActiveAdmins>[0], person: { role: Role; active: boolean }) {
  if (person.role === "admin" && person.active && await countActiveAdmins(db) <= 1) {
    throw new AppError("conflict", "This is the last active admin. Make someone else an admin first.");
  }
}

/** Adds a person without a password and returns the one-time link to set one. */
export async function addStaffMember(actor: CurrentUser | null, input: { email: string; name: string; role: Role }) {
  return await immediate(async (db) => {
    if (await getStaffByEmail(input.email, db)) {
      throw new AppError("invalid", "Someone already has that email address.", { email: ["Someone already has that email address."] });
    }
    const id = await insertStaff(db, input);
    const link = await issueToken(db, id, "invite", actor?.id ?? null);
    await writeAudit(db, { actorId: actor?.id ?? null, action: "staff.add", subjectUserId: id, details: { role: input.role } });
    return { id, link };
  });
}

/** Changes a person's role; their sessions end so the new role applies at once. */
export async function changeRole(actor: CurrentUser, userId: number, role: Role) {
  await immediate(async (db) => {
    const person = await staffOrThrow(db, userId);
    if (person.role === role) return;
    if (role !== "admin") await keepOneAdmin(db, person);
    await updateStaff(db, userId, { role }, true);
    await writeAudit(db, { actorId: actor.id, action: "staff.role", subjectUserId: userId, fromState: person.role, toState: role });
  });
}

/** Deactivates or reactivates a person; deactivation ends their sessions on the next request. */
export async function setActive(actor: CurrentUser, userId: number, active: boolean) {
  await immediate(async (db) => {
    const person = await staffOrThrow(db, userId);
    if (person.active === active) return;
    if (!active && userId === actor.id) throw new AppError("conflict", "You cannot deactivate your own account.");
    if (!active) await keepOneAdmin(db, person);
    await updateStaff(db, userId, { active }, true);
    await writeAudit(db, { actorId: actor.id, action: active ? "staff.reactivate" : "staff.deactivate", subjectUserId: userId });
  });
}

/** Clears a person's password, ends their sessions and returns a one-time link to set a new one. */
export async function resetPassword(actor: CurrentUser, userId: number) {
  return await immediate(async (db) => {
    await staffOrThrow(db, userId);
    await updateStaff(db, userId, { passwordHash: null }, true);
    const link = await issueToken(db, userId, "reset", actor.id);
    await writeAudit(db, { actorId: actor.id, action: "staff.password_reset", subjectUserId: userId });
    return { link };
  });
}

/** Who a set-password token belongs to, if it can still be used. */
export async function describeToken(token: string) {
  const row = await immediate(async (db) => await getUsableToken(db, sha256(token), new Date()));
  return row && row.active ? { name: row.name, email: row.email, purpose: row.purpose } : null;
}

/** Sets a password with a one-time token; the token then stops working. */
export async function setPasswordWithToken(token: string, password: string) {
  await setPasswordHashWithToken(token, await hashPassword(password));
}

/**
 * The same with a password already hashed: the demo seed hashes its one password once and sets
 * it, inside its single transaction, for each demo account through that account's invite link.
 */
export async function setPasswordHashWithToken(token: string, passwordHash: string) {
  await immediate(async (db) => {
    const row = await getUsableToken(db, sha256(token), new Date());
    if (!row || !row.active || !await consumeToken(db, row.id, new Date())) {
      throw new AppError("invalid", "This link has expired or has already been used. Ask an admin for a new one.");
    }
    await updateStaff(db, row.userId, { passwordHash }, true);
    await writeAudit(db, { actorId: row.userId, action: "staff.password_set", subjectUserId: row.userId, details: { via: row.purpose } });
  });
}

/** Changes one's own name. */
export async function renameSelf(user: CurrentUser, name: string) {
  await immediate(async (db) => {
    await updateStaff(db, user.id, { name }, false);
    await writeAudit(db, { actorId: user.id, action: "profile.name", subjectUserId: user.id });
    // Names appear in the credits of published articles.
    await recordPurge(db, [cacheTags.people], new Date());
  });
}

/** Changes one's own password after checking the current one; every session then ends. */
export async function changeOwnPassword(user: CurrentUser, current: string, next: string) {
  const record = await getSignInRecord(user.email);
  if (!record || !(await verifyPassword(record.passwordHash, current))) {
    throw new AppError("invalid", "Your current password is not correct.", { currentPassword: ["Your current password is not correct."] });
  }
  const passwordHash = await hashPassword(next);
  await immediate(async (db) => {
    await updateStaff(db, user.id, { passwordHash }, true);
    await writeAudit(db, { actorId: user.id, action: "profile.password", subjectUserId: user.id });
  });
}
