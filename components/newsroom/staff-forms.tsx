"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult, FormAction } from "@/lib/actions/define";
import {
  addStaffAction,
  changeRoleAction,
  deactivateStaffAction,
  reactivateStaffAction,
  resetPasswordAction,
} from "@/lib/actions/staff";

type LinkResult = ActionResult<{ link: string }> | ActionResult<undefined> | null;

function OneTimeLink({ state }: { state: LinkResult }) {
  const link = state?.ok ? (state.data as { link?: string } | undefined)?.link : undefined;
  if (!link) return null;
  return (
    <p className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs break-all text-slate-900" aria-label="One-time link">
      {link}
    </p>
  );
}

const ROLE_OPTIONS = [
  { value: "drafter", label: "Drafter" },
  { value: "reviser", label: "Reviser" },
  { value: "admin", label: "Admin" },
];

/** Add a person: they get a one-time link to set their own password. */
export function AddStaffForm() {
  const [state, action, pending] = useActionState(addStaffAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" key={state?.ok ? "done" : "form"}>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" required errors={errors?.name} autoComplete="off" />
        <Field label="Email" name="email" type="email" required errors={errors?.email} autoComplete="off" />
        <div>
          <label htmlFor="new-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select id="new-role" name="role" defaultValue="drafter" className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2">
            {ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        Add person
      </Button>
      <FormMessage state={state} />
      <OneTimeLink state={state} />
    </form>
  );
}

function RowForm({ action, userId, label, variant = "secondary", children }: { action: FormAction<{ link: string }> | FormAction; userId: number; label: string; variant?: "secondary" | "danger"; children?: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action as FormAction<{ link: string }>, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      <div className="basis-full">
        <FormMessage state={state} />
        <OneTimeLink state={state} />
      </div>
    </form>
  );
}

/** The controls of one person's row on the staff page. */
export function StaffRowControls({ person, isSelf }: { person: { id: number; name: string; role: string; active: boolean }; isSelf: boolean }) {
  return (
    <div className="space-y-2">
      <RowForm action={changeRoleAction} userId={person.id} label="Change role">
        <label className="sr-only" htmlFor={`role-${person.id}`}>
          Role for {person.name}
        </label>
        <select id={`role-${person.id}`} name="role" defaultValue={person.role} className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </RowForm>
      <div className="flex flex-wrap gap-2">
        {person.active ? (
          !isSelf && <RowForm action={deactivateStaffAction} userId={person.id} label={`Deactivate ${person.name}`} variant="danger" />
        ) : (
          <RowForm action={reactivateStaffAction} userId={person.id} label={`Reactivate ${person.name}`} />
        )}
        <RowForm action={resetPasswordAction} userId={person.id} label={`Reset password for ${person.name}`} />
      </div>
    </div>
  );
}
