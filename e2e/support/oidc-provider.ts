import crypto from "node:crypto";
import type { Server } from "node:http";
import net from "node:net";

/*
 * A real OpenID Connect provider for e2e/oidc.spec.ts: `oidc-provider` (the certified
 * implementation) on a free loopback port, in-memory adapter, its development login form (any
 * password), and the test accounts below. Two accounts of a known person come back with an
 * id_token that fails one check: re-signed with the provider's own key, but naming another
 * client as audience, or expired ten minutes ago. The rest of the flow (discovery, code, PKCE,
 * state, nonce, the token endpoint with the client secret) is the provider's own.
 */

export type Tamper = "audience" | "expired";

export interface TestAccount {
  email: string;
  emailVerified?: boolean;
  name?: string;
  /** Claims a provider might send that Masthead must ignore. */
  extra?: Record<string, unknown>;
  tamper?: Tamper;
}

export interface RunningProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A second client registered at the same provider (the audience of a misdirected token). */
  otherClientId: string;
  close(): Promise<void>;
}

/** A TCP port nobody listens on at the moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Re-signs an id_token with the provider's key after breaking one of its claims. */
function tamperedIdToken(idToken: string, tamper: Tamper, key: crypto.KeyObject, otherClientId: string): string {
  const [headerPart, payloadPart] = idToken.split(".") as [string, string];
  const header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8")) as { alg: string };
  if (header.alg !== "RS256") throw new Error(`unexpected id_token alg ${header.alg}`);
  const payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  if (tamper === "audience") payload.aud = otherClientId;
  if (tamper === "expired") Object.assign(payload, { iat: now - 1200, auth_time: now - 1200, exp: now - 600 });
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  return `${signingInput}.${crypto.sign("sha256", Buffer.from(signingInput), key).toString("base64url")}`;
}

/** Starts the provider; `redirectUris` are the Masthead callbacks it accepts. */
export async function startOidcProvider({ accounts, redirectUris }: { accounts: Record<string, TestAccount>; redirectUris: string[] }): Promise<RunningProvider> {
  // oidc-provider is ESM only; Playwright's loader would turn a static import into require().
  const { default: Provider } = await import("oidc-provider");
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "masthead-e2e";
  const clientSecret = crypto.randomBytes(24).toString("base64url");
  const otherClientId = "another-app";
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "e2e-1", use: "sig", alg: "RS256" };
  const known = new Map(Object.entries(accounts));

  const provider = new Provider(issuer, {
    clients: [
      { client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] },
      { client_id: otherClientId, client_secret: crypto.randomBytes(24).toString("base64url"), redirect_uris: ["http://127.0.0.1:9/cb"], grant_types: ["authorization_code"], response_types: ["code"] },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = known.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: account.emailVerified ?? true, name: account.name, ...account.extra };
        },
      };
    },
  });
  // Break the id_token of the accounts that ask for it, after the provider made it.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !body?.id_token) return;
    const sub = JSON.parse(Buffer.from(body.id_token.split(".")[1]!, "base64url").toString("utf8")).sub as string;
    const tamper = known.get(sub)?.tamper;
    if (tamper) body.id_token = tamperedIdToken(body.id_token, tamper, privateKey, otherClientId);
  });

  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    otherClientId,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
