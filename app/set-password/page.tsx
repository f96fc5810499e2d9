import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/newsroom/auth-shell";
import { SetPasswordForm } from "@/components/newsroom/set-password-form";
import { describeToken } from "@/lib/staff";

export const metadata: Metadata = { title: "Set your password", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{20,200}$/.test(raw) ? raw : null;
  const holder = token ? await describeToken(token) : null;
  if (!token || !holder) {
    return (
      <AuthShell title="This link cannot be used">
        <p className="text-slate-700">It has expired or has already been used. Ask an admin for a new one.</p>
        <Link href="/login" className="mt-4 inline-block font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Set your password">
      <p className="mb-5 text-sm text-slate-700">
        For <strong>{holder.name}</strong> ({holder.email}).
      </p>
      <SetPasswordForm token={token} />
    </AuthShell>
  );
}
