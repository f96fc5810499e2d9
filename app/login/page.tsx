import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/newsroom/auth-shell";
import { LoginForm } from "@/components/newsroom/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc-provider";
import { signInProblem } from "@/lib/auth/oidc-refusal";
import { getCurrentUser } from "@/lib/auth/session";
import { env, oidcSettings } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  const oidc = oidcSettings();
  const problem = signInProblem(params, oidc?.name ?? "university account", env().NEXTAUTH_SECRET);
  return (
    <AuthShell title="Sign in">
      {params.ended !== undefined && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended. Please sign in again.
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} problem={problem} sso={oidc ? { id: OIDC_PROVIDER_ID, name: oidc.name } : null} />
    </AuthShell>
  );
}
