import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/newsroom/auth-shell";
import { LoginForm } from "@/components/newsroom/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; ended?: string | string[] }> }) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthShell title="Sign in">
      {params.ended !== undefined && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended. Please sign in again.
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} />
    </AuthShell>
  );
}
