import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/newsroom/auth-shell";
import { LoginForm } from "@/components/newsroom/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthShell title="Sign in">
      <LoginForm callbackUrl={callbackUrl} />
    </AuthShell>
  );
}
