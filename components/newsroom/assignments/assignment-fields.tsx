"use client";

import { useRef, useState, useTransition } from "react";
import { LabelledControl } from "@/components/ui/field";
import type { ActionResult, FormAction } from "@/lib/actions/define";
import type { AssignmentFormOptions } from "@/lib/assignments/assignments";

const ROLE_LABEL: Record<string, string> = { drafter: "Drafter", reviser: "Reviser", admin: "Admin" };

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
