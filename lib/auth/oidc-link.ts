import "server-only";
import { z } from "zod";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { findStaffByEmailIgnoringCase, insertStaff, normaliseEmail, type StaffRow } from "@/db/queries/users";

/*
 * Who a university sign-on is. The provider proves an e-mail address; Masthead decides whether
 * that address is a staff member and what they may do. Roles are never read from the provider.
 */

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.unknown().optional(),
  email_verified: z.unknown().optional(),
  name: z.unknown().optional(),
  given_name: z.unknown().optional(),
  family_name: z.unknown().optional(),
});

const emailSchema = z.email().max(320);
const NAME_MAX = 100;

export type OidcRefusalReason = "no_email" | "unverified_email" | "no_account" | "deactivated";

/** The address and display name a provider vouches for, or why it vouches for none. */
export type OidcIdentity = { ok: true; email: string; name: string } | { ok: false; reason: "no_email" | "unverified_email"; email: string | null };

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/**
 * Reads the verified e-mail address from id_token (or userinfo) claims. `email_verified` must be
 * true (some providers send the string "true"); an address the provider has not checked could
 * be anyone's, so it matches nobody.
 */
export function readOidcIdentity(claims: unknown): OidcIdentity {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return { ok: false, reason: "no_email", email: null };
  const email = emailSchema.safeParse(text(parsed.data.email));
  if (!email.success) return { ok: false, reason: "no_email", email: null };
  const address = normaliseEmail(email.data);
  const verified = parsed.data.email_verified === true || parsed.data.email_verified === "true";
  if (!verified) return { ok: false, reason: "unverified_email", email: address };
  const fullName = text(parsed.data.name) || [text(parsed.data.given_name), text(parsed.data.family_name)].filter(Boolean).join(" ");
  return { ok: true, email: address, name: (fullName || address.split("@")[0]!).slice(0, NAME_MAX) };
}

export type OidcDecision =
  | { kind: "sign_in"; userId: number }
  | { kind: "create"; email: string; name: string }
  | { kind: "refuse"; reason: OidcRefusalReason; email: string | null; userId: number | null };

/** The linking rule, without I/O: who the identity signs in as, whether to create them, or why not. */
export function decideOidcSignIn(identity: OidcIdentity, existing: Pick<StaffRow, "id" | "active"> | null, createDrafters: boolean): OidcDecision {
  if (!identity.ok) return { kind: "refuse", reason: identity.reason, email: identity.email, userId: null };
  if (existing) return existing.active ? { kind: "sign_in", userId: existing.id } : { kind: "refuse", reason: "deactivated", email: identity.email, userId: existing.id };
  if (createDrafters) return { kind: "create", email: identity.email, name: identity.name };
  return { kind: "refuse", reason: "no_account", email: identity.email, userId: null };
}

export type OidcSignInResult = { ok: true; id: number; sessionVersion: number } | { ok: false; reason: OidcRefusalReason; email: string | null };

/**
 * Applies the linking rule to verified claims in one write transaction: signs the person in,
 * creates them as a drafter, or refuses; each outcome leaves an audit row.
 */
export async function signInWithOidc(claims: unknown, options: { createDrafters: boolean; address: string }, now = new Date()): Promise<OidcSignInResult> {
  const identity = readOidcIdentity(claims);
  return await immediate(async (db) => {
    const existing = identity.ok ? await findStaffByEmailIgnoringCase(identity.email, db) : null;
    const decision = decideOidcSignIn(identity, existing, options.createDrafters);
    const details = { address: options.address, method: "oidc" };
    if (decision.kind === "refuse") {
      await writeAudit(db, { actorId: null, action: "sign_in.refused", subjectUserId: decision.userId, details: { ...details, reason: decision.reason, email: decision.email }, at: now });
      return { ok: false, reason: decision.reason, email: decision.email };
    }
    let id: number;
    let sessionVersion: number;
    if (decision.kind === "create") {
      id = await insertStaff(db, { email: decision.email, name: decision.name, role: "drafter" });
      sessionVersion = (await findStaffByEmailIgnoringCase(decision.email, db))!.sessionVersion;
      await writeAudit(db, { actorId: null, action: "staff.add", subjectUserId: id, details: { role: "drafter", via: "oidc" }, at: now });
    } else {
      id = decision.userId;
      sessionVersion = existing!.sessionVersion;
    }
    await writeAudit(db, { actorId: id, action: "sign_in", subjectUserId: id, details, at: now });
    return { ok: true, id, sessionVersion };
  });
}
