import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request/client-address";
import { safeCallbackUrl } from "./callback-url";
import { authenticate } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
  ],
  callbacks: {
    // next-auth's default throws on a malformed URL (a 500 for a hand-made POST); this one
    // never fails and never leaves the site: anything else becomes the newsroom home.
    redirect({ url, baseUrl }) {
      return `${baseUrl.replace(/\/+$/, "")}${safeCallbackUrl(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv;
      }
      return token;
    },
    // The browser gets the ids it needs and nothing else: no name, no e-mail, no hash.
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sv: token.sv } as unknown as typeof session;
    },
  },
};
