"use client";

import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult, FormAction } from "@/lib/actions/define";
import type { AssignmentFormOptions } from "@/lib/assignments/assignments";

const ROLE_LABEL: Record<string, string> = { drafter: "Drafter", reviser: "Reviser", admin: "Admin" };
const control =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-[invalid=true]:border-accent-600";

/**
 * Runs a form action without React's reset of the form, so a refused submission keeps what the
 * person typed; `onDone` runs after a success (to clear or close the form).
 */
export function useKeptForm<T>(action: FormAction<T>, onDone?: (form: HTMLFormElement, result: ActionResult<T>) => void) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, start] = useTransition();
  const ref = useRef<HTMLFormElement>(null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    start(async () => {
      const result = await action(state, data);
      setState(result);
      if (result.ok) onDone?.(form, result);
    });
  };
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, ref, onSubmit, errors };
}

/** A labelled control with its error, wired for screen readers. */
export function LabelledControl({ label, errors, hint, children }: { label: string; errors?: string[]; hint?: string; children: (props: { id: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, className: control, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The drafter and due-time controls both assignment forms share. */
export function DrafterAndDue({ options, errors, drafterId, dueAt, timeZone }: { options: AssignmentFormOptions; errors?: Record<string, string[]>; drafterId?: number; dueAt: string; timeZone: string }) {
  return (
    <>
      <LabelledControl label="Drafter" errors={errors?.drafterId}>
        {(p) => (
          <select {...p} name="drafterId" defaultValue={drafterId ?? ""} required>
            <option value="" disabled>
              Choose who writes it
            </option>
            {options.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({ROLE_LABEL[s.role] ?? s.role})
              </option>
            ))}
          </select>
        )}
      </LabelledControl>
      <LabelledControl label="Due" errors={errors?.dueAt} hint={`Date and time, ${timeZone} time.`}>
        {(p) => <input {...p} type="datetime-local" name="dueAt" defaultValue={dueAt} required />}
      </LabelledControl>
    </>
  );
}
