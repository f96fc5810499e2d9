"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { changePasswordAction, renameSelfAction } from "@/lib/actions/profile";

/** Change one's own display name (used in the credits of published articles). */
export function RenameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(renameSelfAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4">
      <Field label="Name" name="name" defaultValue={name} required errors={errors?.name} autoComplete="name" />
      <Button type="submit" disabled={pending}>
        Save name
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Change one's own password; every session ends afterwards. */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." errors={errors?.newPassword} />
      <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
