import crypto from "node:crypto";
import type { OidcRefusalReason } from "./oidc-link";

/*
 * A refused university sign-on comes back to /login with the reason and the address in the
 * query, so the page can say whose account is missing. The pair is signed with the session
 * secret: a link made by someone else cannot put words about an address on our sign-in page.
 */

const REASONS = new Set<OidcRefusalReason>(["no_email", "unverified_email", "no_account", "deactivated"]);

function signature(reason: string, email: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`oidc-refusal\n${reason}\n${email}`).digest("base64url").slice(0, 32);
}

/** The sign-in page's address for a refusal, with the address signed when there is one. */
export function refusalPath(reason: OidcRefusalReason, email: string | null, secret: string | undefined): string {
  const query = new URLSearchParams({ sso: reason });
  if (email && secret) {
    query.set("account", email);
    query.set("sig", signature(reason, email, secret));
  }
  return `/login?${query}`;
}

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The refusal named in the query, its address only if the signature holds. */
export function readRefusal(params: Params, secret: string | undefined): { reason: OidcRefusalReason; email: string | null } | null {
  const reason = first(params.sso);
  if (!reason || !REASONS.has(reason as OidcRefusalReason)) return null;
  const email = first(params.account);
  const sig = first(params.sig);
  if (!email || !sig || !secret) return { reason: reason as OidcRefusalReason, email: null };
  const expected = Buffer.from(signature(reason, email, secret));
  const given = Buffer.from(sig);
  const valid = expected.length === given.length && crypto.timingSafeEqual(expected, given);
  return { reason: reason as OidcRefusalReason, email: valid ? email : null };
}

/** What the sign-in page says about a refused or failed sign-on; null when nothing went wrong. */
export function signInProblem(params: Params, providerName: string, secret: string | undefined): string | null {
  const refusal = readRefusal(params, secret);
  if (refusal) {
    const who = refusal.email ?? "this address";
    switch (refusal.reason) {
      case "no_account":
        return `No Masthead account for ${who}; ask an admin to add you.`;
      case "deactivated":
        return `The Masthead account for ${who} is deactivated; ask an admin if you need it back.`;
      case "unverified_email":
        return `Your ${providerName} has not confirmed the e-mail address ${who}, so it cannot be matched to a Masthead account. Ask your university's IT service, or sign in with your password.`;
      case "no_email":
        return `Your ${providerName} did not tell Masthead your e-mail address, so it cannot be matched to an account. Ask an admin for help, or sign in with your password.`;
    }
  }
  // next-auth's own error codes (it sends the browser to /login?error=…).
  switch (first(params.error)) {
    case undefined:
      return null;
    case "CredentialsSignin":
      return "Wrong email or password.";
    case "OAuthSignin":
      return `Your ${providerName} sign-in could not be reached. Try again in a moment, or sign in with your password.`;
    case "OAuthCallback":
    case "Callback":
      return `Sign-in with your ${providerName} did not complete: its answer could not be verified. Try again; if it keeps failing, ask an admin.`;
    default:
      return "Sign-in did not complete. Please try again.";
  }
}
