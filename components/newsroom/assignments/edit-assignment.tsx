"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { updateAssignmentAction } from "@/lib/actions/assignments";
import type { AssignmentFormOptions } from "@/lib/assignments/assignments";
import { LabelledControl } from "@/components/ui/field";
import { DrafterAndDue, useKeptForm } from "./assignment-fields";

/** The reviser's form to change an assignment's brief, due time and drafter. */
export function EditAssignment({ assignment, options, timeZone }: { assignment: { id: number; brief: string; drafterId: number; dueLocal: string }; options: AssignmentFormOptions; timeZone: string }) {
  const router = useRouter();
  const { state, pending, ref, onSubmit, errors } = useKeptForm(updateAssignmentAction, () => router.refresh());
  return (
    <details className="mt-3 border-t border-amber-200 pt-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-800">Edit assignment</summary>
      <form ref={ref} onSubmit={onSubmit} aria-label="Edit assignment" className="mt-3 space-y-3">
        <input type="hidden" name="assignmentId" value={assignment.id} />
        <LabelledControl label="Brief" errors={errors?.brief}>
          {(p) => <textarea {...p} name="brief" rows={5} maxLength={5000} defaultValue={assignment.brief} />}
        </LabelledControl>
        <DrafterAndDue options={options} errors={errors} drafterId={assignment.drafterId} dueAt={assignment.dueLocal} timeZone={timeZone} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save assignment"}
        </Button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
