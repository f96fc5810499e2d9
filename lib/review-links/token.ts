import { createHash, randomBytes } from "node:crypto";

/*
 * A review link's token: 32 random bytes, base64url (43 characters). Only its SHA-256 is
 * stored, so a copy of the database opens no link; the token itself is shown once, in the URL.
 */

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new random token. */
export function newReviewToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token. */
export function hashReviewToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string could be a token at all (anything else is refused before the database). */
export function isReviewTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
