"use client";

import { useRouter } from "next/navigation";
import { useLayoutEffect, useRef, useState } from "react";
import type { ArticleStatus } from "@/lib/articles/status";
import { transitionAction } from "@/lib/actions/workflow";
import type { WorkflowAction } from "@/lib/workflow";
import type { ExpiryInfo } from "@/lib/articles/expiry-view";
import { ConfirmDialog } from "./confirm-dialog";
import { ExpiryControls } from "./expiry-controls";
import { ExpiryField } from "./expiry-field";
import { setNotice, undoDeadline } from "./notice-store";
import { confirmationFor, doneMessage, localText, type PieceFacts } from "./workflow-copy";

const LABEL: Record<WorkflowAction, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw",
  request_changes: "Request changes",
  approve: "Approve and publish",
  schedule: "Schedule",
  reschedule: "Reschedule",
  cancel_schedule: "Cancel schedule",
  unpublish: "Unpublish",
  undo_unpublish: "Undo unpublish",
  edit_again: "Edit again",
};

// Primary actions first; Unpublish, the destructive one, always last and set apart.
const ORDER: WorkflowAction[] = ["approve", "submit", "edit_again", "schedule", "reschedule", "request_changes", "withdraw", "cancel_schedule", "unpublish"];
const FORMS: ReadonlySet<WorkflowAction> = new Set(["request_changes", "schedule", "reschedule"]);
const CONFIRMED: ReadonlySet<WorkflowAction> = new Set(["approve", "unpublish", "cancel_schedule"]);
// The approvals, which may carry an expiry.
const APPROVALS: ReadonlySet<WorkflowAction> = new Set(["approve", "schedule", "reschedule"]);

/** What the workflow bar needs from the page besides the actions. */
export interface WorkflowInfo {
  actions: WorkflowAction[];
  timeZone: string;
  status: ArticleStatus;
  isLive: boolean;
  siteUrl: string;
  /** The scheduled time as a local datetime-local value and as words, when scheduled. */
  scheduledForLocal: string | null;
  scheduledForText: string | null;
  /** The expiry, set, shown and changeable (absent: the page does not offer expiries). */
  expiry?: ExpiryInfo;
}

interface Props {
  articleId: number;
  workflow: WorkflowInfo;
  /** The piece as it is in the editor now (title, slug the next save gives it, topic names). */
  piece: Pick<PieceFacts, "title" | "slug" | "topics">;
  /** Saves pending edits first and returns the version the server now has. */
  ensureSaved: () => Promise<number | null>;
  /** When the working copy was last saved: a refusal stands only for the copy it was about. */
  savedAt: string | null;
}

/** The transitions this person may take now, named as in the SPEC's diagram. */
export function WorkflowBar({ articleId, workflow, piece, ensureSaved, savedAt }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [confirming, setConfirming] = useState<WorkflowAction | null>(null);
  const [comment, setComment] = useState("");
  const [when, setWhen] = useState(workflow.scheduledForLocal ?? "");
  const [expires, setExpires] = useState(workflow.expiry?.expiresAtLocal ?? "");
  // A refusal ("Not ready for review: choose a topic") is about the copy that was saved when it
  // came; once the person changes the piece and it is saved again, it no longer stands.
  const [refusal, setRefusal] = useState<{ message: string; savedAt: string | null } | null>(null);
  const lastSaved = useRef(savedAt);
  useLayoutEffect(() => {
    lastSaved.current = savedAt;
  }, [savedAt]);
  const setError = (message: string | null) => setRefusal(message === null ? null : { message, savedAt: lastSaved.current });
  const error = refusal && refusal.savedAt === savedAt ? refusal.message : null;
  const [pending, setPending] = useState(false);
  const actions = ORDER.filter((a) => workflow.actions.includes(a));
  if (actions.length === 0) return null;
  const facts: PieceFacts = { ...piece, siteUrl: workflow.siteUrl, isLive: workflow.isLive, status: workflow.status, scheduledForText: workflow.scheduledForText, timeZone: workflow.timeZone };

  async function run(action: WorkflowAction) {
    setPending(true);
    setError(null);
    const version = await ensureSaved();
    if (version === null) {
      setPending(false);
      setConfirming(null);
      setError("Your latest changes are not saved yet; wait for “Saved” and try again.");
      return;
    }
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("action", action);
    form.set("baseVersion", String(version));
    if (action === "request_changes") form.set("comment", comment);
    if (action === "schedule" || action === "reschedule") form.set("scheduledFor", when);
    if (APPROVALS.has(action) && workflow.expiry) form.set("expiresAt", expires);
    try {
      const result = await transitionAction(null, form);
      if (result.ok) {
        const expiryNote = APPROVALS.has(action) && workflow.expiry && expires ? ` It expires on ${localText(expires, workflow.timeZone)}.` : "";
        setNotice({ articleId, message: doneMessage(action, facts, when) + expiryNote, ...(action === "unpublish" && workflow.isLive && workflow.status === "published" ? { undo: { until: undoDeadline(), version } } : {}) });
        setConfirming(null);
        setOpen(null);
        // The page re-renders with the new state; the notice lives outside what remounts.
        router.refresh();
        setPending(false);
        return;
      }
      setError(result.message);
    } catch {
      setError("The server could not be reached. Nothing was changed; try again.");
    }
    setConfirming(null);
    setPending(false);
  }

  const primary = "rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400";
  const secondary = "rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";
  const danger = "rounded-md border border-accent-700 bg-white px-4 py-2 text-sm font-semibold text-accent-700 hover:bg-red-50 sm:ml-auto";
  const styleOf = (action: WorkflowAction) => (action === "unpublish" ? danger : action === "approve" || action === "submit" || (action === "edit_again" && actions[0] === action) ? primary : secondary);
  // Always mounted, so that closing it hands focus back to the button that opened it.
  const confirmation = confirmationFor(confirming ?? "approve", facts);
  return (
    <>
      <section aria-label="Workflow" className="rounded-md border border-slate-300 bg-white p-4">
        <div className="flex flex-wrap gap-2">
          {actions.map((action) =>
            FORMS.has(action) ? (
              <button key={action} type="button" disabled={pending} aria-expanded={open === action} onClick={() => setOpen(open === action ? null : action)} className={styleOf(action)}>
                {LABEL[action]}
              </button>
            ) : (
              <button key={action} type="button" disabled={pending} onClick={() => (CONFIRMED.has(action) ? setConfirming(action) : void run(action))} className={styleOf(action)}>
                {LABEL[action]}
              </button>
            ),
          )}
        </div>
        {workflow.expiry?.expiresAtText && (workflow.isLive || workflow.status === "scheduled") && (
          <p className="mt-3 text-sm font-medium text-slate-800">Expires on {workflow.expiry.expiresAtText}: it then leaves every public page.</p>
        )}
        {workflow.expiry?.expiredAtText && <p className="mt-3 text-sm font-medium text-slate-800">Expired on {workflow.expiry.expiredAtText}: it left the public site then.</p>}
        {workflow.status === "scheduled" && workflow.scheduledForText && (
          <p className="mt-3 text-sm text-slate-700">
            To change the text, cancel the schedule: the piece goes back to review, where it can be edited and approved again.
          </p>
        )}
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
        {(open === "schedule" || open === "reschedule") && (
          <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); void run(open); }}>
            <div>
              <label htmlFor="schedule-at" className="block text-sm font-medium">
                {open === "schedule" ? "Publish at" : "New publication time"} ({workflow.timeZone} time)
              </label>
              <input id="schedule-at" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required className="mt-1 rounded border border-slate-400 px-2 py-1.5 text-sm" />
            </div>
            {workflow.expiry && <ExpiryField value={expires} onChange={setExpires} timeZone={workflow.timeZone} optional />}
            <button type="submit" disabled={pending || !when} className={primary}>
              {open === "schedule" ? "Approve for this time" : "Save new time"}
            </button>
          </form>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-accent-700">
            {error}
          </p>
        )}
        <ConfirmDialog
            open={confirming !== null}
            title={confirmation.title}
            confirmLabel={confirmation.confirm}
            cancelLabel={confirmation.cancel}
            tone={confirming === "approve" ? "primary" : "danger"}
            pending={pending}
            onConfirm={() => confirming && void run(confirming)}
            onCancel={() => setConfirming(null)}
          >
            {confirmation.body.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {confirming === "approve" && workflow.expiry && (
              <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
                <ExpiryField value={expires} onChange={setExpires} timeZone={workflow.timeZone} optional />
                {expires && <p className="mt-2">It leaves every public page on {localText(expires, workflow.timeZone)}.</p>}
              </div>
            )}
          </ConfirmDialog>
      </section>
      {/* Its own region after the workflow's, so Unpublish stays the workflow's last button. */}
      {workflow.expiry && <ExpiryControls key={workflow.expiry.expiresAtLocal ?? ""} articleId={articleId} expiry={workflow.expiry} piece={facts} />}
    </>
  );
}
