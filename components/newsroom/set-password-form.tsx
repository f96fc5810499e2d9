"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { setPasswordWithTokenAction } from "@/lib/actions/password";

/** Choose a password with a one-time link. */
export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setPasswordWithTokenAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href="/login" className="font-semibold text-brand-700 underline">
          Go to sign-in
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." errors={errors?.password} />
      <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
