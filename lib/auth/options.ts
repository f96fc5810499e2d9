import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { env, oidcSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request/client-address";
import { safeCallbackUrl } from "./callback-url";
import { signInWithOidc } from "./oidc-link";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";
import { refusalPath } from "./oidc-refusal";
import { authenticate } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const oidc = oidcSettings();

/** The client address inside next-auth's route handler, where no request object is passed. */
async function currentAddress(): Promise<string> {
  try {
    return requestClientAddress(await headers());
  } catch {
    return "unknown";
  }
}

// next-auth reports a sign-on whose answer failed its checks (bad signature, audience, expiry,
// state, PKCE) only to its logger; the audit log should show it as well.
const SSO_FAILURES = new Set(["OAUTH_CALLBACK_ERROR", "OAUTH_CALLBACK_HANDLER_ERROR", "SIGNIN_OAUTH_ERROR"]);

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const result = await authenticate(credentials, requestClientAddress(req?.headers));
          return { id: String(result.id), sv: result.sessionVersion };
        } catch (error) {
          // A thrown message reaches the form; for bad credentials next-auth says CredentialsSignin.
          if (error instanceof AppError && error.code === "throttled") throw new Error(error.message);
          if (!(error instanceof AppError)) console.error("sign-in failed unexpectedly", error);
          return null;
        }
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  logger: {
    error(code, metadata) {
      console.error(`[next-auth][error][${code}]`, metadata);
      if (!SSO_FAILURES.has(code)) return;
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
      const message = error instanceof Error ? error.message : String(error ?? code);
      void currentAddress().then(async (address) =>
        await immediate(async (db) => await writeAudit(db, { actorId: null, action: "sign_in.failed", details: { address, method: "oidc", error: code, message: message.slice(0, 300) } })),
      ).catch((e) => console.error("could not audit a failed sign-on", e));
    },
  },
  callbacks: {
    // The password path decided in authorize(). A university sign-on is admitted only for a
    // Masthead account (or, when configured, a new drafter); refusals go back to /login, said.
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await signInWithOidc(profile, { createDrafters: oidc?.createDrafters ?? false, address: await currentAddress() });
      if (!result.ok) return refusalPath(result.reason, result.email, env().NEXTAUTH_SECRET);
      Object.assign(user, { id: String(result.id), sv: result.sessionVersion });
      return true;
    },
    // next-auth's default throws on a malformed URL (a 500 for a hand-made POST); this one
    // never fails and never leaves the site: anything else becomes the newsroom home.
    redirect({ url, baseUrl }) {
      return `${baseUrl.replace(/\/+$/, "")}${safeCallbackUrl(url, baseUrl)}`;
    },
    // A fresh token holds the id and session version only: not the provider's name or e-mail.
    jwt({ token, user }) {
      if (user) return { uid: Number(user.id), sv: (user as { sv?: number }).sv };
      return token;
    },
    // The browser gets the ids it needs and nothing else: no name, no e-mail, no hash.
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sv: token.sv } as unknown as typeof session;
    },
  },
};
