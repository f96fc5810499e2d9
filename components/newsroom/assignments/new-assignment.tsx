"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { createAssignmentAction } from "@/lib/actions/assignments";
import type { AssignmentFormOptions } from "@/lib/assignments/assignments";
import { LabelledControl } from "@/components/ui/field";
import { DrafterAndDue, useKeptForm } from "./assignment-fields";

/**
 * "New assignment": a disclosure on the calendar with the form that commissions a piece. Shown
 * only to those who may assign; the action and lib/assignments refuse everyone else anyway.
 */
export function NewAssignment({ options, defaultDue, timeZone }: { options: AssignmentFormOptions; defaultDue: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ message: string; articleId: number } | null>(null);
  const { state, pending, ref, onSubmit, errors } = useKeptForm(createAssignmentAction, (form, result) => {
    form.reset();
    setOpen(false);
    if (result.ok) setCreated({ message: result.message, articleId: (result.data as { articleId: number }).articleId });
  });
  // `contents`: the button sits in the page header's row, the form and notice wrap below it at full width.
  return (
    <div className="contents">
      <Button type="button" aria-expanded={open} aria-controls="new-assignment" onClick={() => setOpen(!open)}>
        New assignment
      </Button>
      {created && !open && (
        <p role="status" className="basis-full rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {created.message}{" "}
          <Link href={`/newsroom/articles/${created.articleId}`} prefetch={false} className="font-semibold underline">
            Open the draft
          </Link>
        </p>
      )}
      <form id="new-assignment" ref={ref} onSubmit={onSubmit} hidden={!open} aria-label="New assignment" className="basis-full space-y-4 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <div className="grid gap-4 md:grid-cols-2">
          <LabelledControl label="Working title" errors={errors?.workingTitle}>
            {(p) => <input {...p} name="workingTitle" required maxLength={200} autoComplete="off" />}
          </LabelledControl>
          <LabelledControl label="Topic" errors={errors?.topicId}>
            {(p) => (
              <select {...p} name="topicId" defaultValue="" required>
                <option value="" disabled>
                  Choose a topic
                </option>
                {options.topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledControl>
          <DrafterAndDue options={options} errors={errors} dueAt={defaultDue} timeZone={timeZone} />
        </div>
        <LabelledControl label="Brief" errors={errors?.brief} hint="What the piece should cover, whom to talk to, how long. Shown beside the editor.">
          {(p) => <textarea {...p} name="brief" rows={4} maxLength={5000} />}
        </LabelledControl>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Assigning…" : "Create assignment"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <p className="text-xs text-slate-600">Creates the drafter’s draft and notifies them.</p>
        </div>
        {state && !state.ok && <FormMessage state={state} />}
      </form>
    </div>
  );
}
