"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

/**
 * The sign-in form: university sign-on when configured, and the password. On success the
 * password path loads the destination in full, so no stale redirect is reused. `problem` is
 * what the server has to say about a refused or failed attempt that came back here.
 */
export function LoginForm({ callbackUrl, problem = null, sso = null }: { callbackUrl: string; problem?: string | null; sso?: { id: string; name: string } | null }) {
  const [error, setError] = useState<string | null>(problem);
  const [pending, setPending] = useState<"password" | "sso" | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending("password");
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        !result?.error || result.error === "CredentialsSignin" ? "Wrong email or password." : result.error,
      );
    } catch {
      setError(UNREACHABLE);
    }
    setPending(null);
  }

  // next-auth fetches the provider's address (state, PKCE and nonce cookies set) and then
  // navigates there: a navigation, so the page's CSP form-action 'self' still holds.
  async function onSso(id: string) {
    setPending("sso");
    setError(null);
    try {
      await signIn(id, { callbackUrl });
    } catch {
      setError(UNREACHABLE);
      setPending(null);
    }
  }

  return (
    <div className="space-y-5">
      {error && (
        <p role="alert" className="rounded-md border border-accent-600/40 bg-red-50 px-3 py-2 text-sm text-accent-700">
          {error}
        </p>
      )}
      {sso && (
        <>
          <Button type="button" onClick={() => onSso(sso.id)} disabled={pending !== null} className="w-full">
            {pending === "sso" ? "Opening your sign-in…" : `Sign in with ${sso.name}`}
          </Button>
          <p className="flex items-center gap-3 text-xs text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
            or with your Masthead password
          </p>
        </>
      )}
      <form onSubmit={onSubmit} className="space-y-5" noValidate>
        <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus={!sso} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" variant={sso ? "secondary" : "primary"} disabled={pending !== null} className="w-full">
          {pending === "password" ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}
