import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcSettings } from "@/lib/env";

/** next-auth's id for university sign-on; the provider's redirect URI is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown> & { sub: string };
// What openid-client really hands the userinfo hook (next-auth's types say less).
type CheckedTokens = { claims(): Claims };
type UserinfoClient = { userinfo(tokens: CheckedTokens): Promise<Record<string, unknown>> };

/**
 * The OpenID Connect provider: endpoints from the issuer's discovery document, the authorization
 * code flow with PKCE, state and nonce, and an id_token that openid-client checks (signature by
 * the issuer's keys, issuer, audience = our client id, expiry, nonce) before any claim is read.
 */
export function oidcProvider(settings: OidcSettings): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    userinfo: {
      // Many providers put the e-mail claims in the id_token; others only answer them from
      // userinfo (openid-client checks that its `sub` is the id_token's). The id_token's own
      // claims win where both have one.
      async request(context) {
        const tokens = context.tokens as unknown as CheckedTokens;
        const claims = tokens.claims();
        if (claims.email !== undefined && claims.email_verified !== undefined) return claims;
        const userinfo = await (context.client as unknown as UserinfoClient).userinfo(tokens);
        return { ...userinfo, ...claims };
      },
    },
    // next-auth needs a user object; who it really is is decided in the signIn callback.
    profile(claims) {
      return { id: claims.sub, email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}
