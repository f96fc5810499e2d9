"use client";

import { useState } from "react";
import { transitionAction } from "@/lib/actions/workflow";
import type { WorkflowAction } from "@/lib/workflow";

const LABEL: Record<WorkflowAction, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw",
  request_changes: "Request changes",
  approve: "Approve and publish",
  schedule: "Schedule",
  unpublish: "Unpublish",
  edit_again: "Edit again",
};

interface Props {
  articleId: number;
  actions: WorkflowAction[];
  timeZone: string;
  /** Saves pending edits first and returns the version the server now has. */
  ensureSaved: () => Promise<number | null>;
}

/** The transitions this person may take now, named as in the SPEC's diagram. */
export function WorkflowBar({ articleId, actions, timeZone, ensureSaved }: Props) {
  const [open, setOpen] = useState<"request_changes" | "schedule" | null>(null);
  const [comment, setComment] = useState("");
  const [when, setWhen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (actions.length === 0) return null;

  async function run(action: WorkflowAction) {
    setPending(true);
    setError(null);
    const version = await ensureSaved();
    if (version === null) {
      setPending(false);
      setError("Your latest changes are not saved yet; wait for “Saved” and try again.");
      return;
    }
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("action", action);
    form.set("baseVersion", String(version));
    if (action === "request_changes") form.set("comment", comment);
    if (action === "schedule") form.set("scheduledFor", when);
    try {
      const result = await transitionAction(null, form);
      if (result.ok) {
        window.location.reload();
        return;
      }
      setError(result.message);
    } catch {
      setError("The server could not be reached. Nothing was changed; try again.");
    }
    setPending(false);
  }

  const primary = "rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400";
  const secondary = "rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";
  return (
    <section aria-label="Workflow" className="rounded-md border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) =>
          action === "request_changes" || action === "schedule" ? (
            <button key={action} type="button" disabled={pending} aria-expanded={open === action} onClick={() => setOpen(open === action ? null : action)} className={secondary}>
              {LABEL[action]}
            </button>
          ) : (
            <button key={action} type="button" disabled={pending} onClick={() => void run(action)} className={action === "approve" || action === "submit" ? primary : secondary}>
              {LABEL[action]}
            </button>
          ),
        )}
      </div>
      {open === "request_changes" && (
        <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); void run("request_changes"); }}>
          <label htmlFor="request-comment" className="block text-sm font-medium">
            What needs to change
          </label>
          <textarea id="request-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} required className="w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
          <button type="submit" disabled={pending || !comment.trim()} className={primary}>
            Send back to the drafter
          </button>
        </form>
      )}
      {open === "schedule" && (
        <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); void run("schedule"); }}>
          <label htmlFor="schedule-at" className="block text-sm font-medium">
            Publish at ({timeZone} time)
          </label>
          <input id="schedule-at" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required className="rounded border border-slate-400 px-2 py-1.5 text-sm" />
          <button type="submit" disabled={pending || !when} className={`${primary} ml-2`}>
            Approve for this time
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-accent-700">
          {error}
        </p>
      )}
    </section>
  );
}
