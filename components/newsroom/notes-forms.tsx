"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { addNoteAction, withdrawNoteAction } from "@/lib/actions/notes";
import { ConfirmDialog } from "./editor/confirm-dialog";

type Kind = "correction" | "clarification";
const WORD: Record<Kind, string> = { correction: "correction", clarification: "clarification" };

/**
 * The form that adds a correction or clarification. When it would appear at once (the working
 * copy is the live version) it asks first and says so; otherwise it says the note waits for the
 * next approval.
 */
export function AddNoteForm({ articleId, liveAtOnce, nowLocal, timeZone }: { articleId: number; liveAtOnce: boolean; nowLocal: string; timeZone: string }) {
  const [state, setState] = useState<ActionResult<{ live: boolean }> | null>(null);
  const [pending, startTransition] = useTransition();
  const [kind, setKind] = useState<Kind>("correction");
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const id = useId();
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  const submit = () => {
    const data = new FormData(form.current!);
    setConfirming(false);
    startTransition(async () => {
      const result = await addNoteAction(null, data);
      setState(result);
      if (!result.ok) return;
      form.current?.reset();
      setKind("correction");
      router.refresh();
    });
  };

  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        // Only a note that could go out asks first; an empty one goes straight to its message.
        const text = new FormData(e.currentTarget).get("text");
        if (liveAtOnce && typeof text === "string" && text.trim()) setConfirming(true);
        else submit();
      }}
      className="mt-4 space-y-3 border-t border-slate-200 pt-3"
      aria-label={`Add a ${WORD[kind]}`}
      noValidate
    >
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="expectLiveAtOnce" value={liveAtOnce ? "1" : "0"} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["correction", "clarification"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "correction" ? "Correction" : "Clarification"}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
          Text
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={3}
          maxLength={1000}
          required
          aria-invalid={fieldErrors?.text ? true : undefined}
          aria-describedby={`${id}-text-hint${fieldErrors?.text ? ` ${id}-text-error` : ""}`}
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-accent-600"
        />
        <p id={`${id}-text-hint`} className="text-xs text-slate-600">
          As readers will read it: what was wrong and what is right. Plain text, up to 1,000 characters. It cannot be edited later, only withdrawn.
        </p>
        {fieldErrors?.text && (
          <p id={`${id}-text-error`} className="text-sm text-accent-700">
            {fieldErrors.text.join(" ")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-time`} className="block text-sm font-medium text-slate-800">
          Time
        </label>
        <input
          id={`${id}-time`}
          type="datetime-local"
          name="notedAt"
          defaultValue={nowLocal}
          max={nowLocal}
          aria-invalid={fieldErrors?.notedAt ? true : undefined}
          aria-describedby={`${id}-time-hint${fieldErrors?.notedAt ? ` ${id}-time-error` : ""}`}
          className="mt-1 block w-full rounded border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-accent-600"
        />
        <p id={`${id}-time-hint`} className="text-xs text-slate-600">
          When the error was corrected ({timeZone} time); now, or earlier. Readers see the date.
        </p>
        {fieldErrors?.notedAt && (
          <p id={`${id}-time-error`} className="text-sm text-accent-700">
            {fieldErrors.notedAt.join(" ")}
          </p>
        )}
      </div>
      <p className={`rounded px-2 py-1.5 text-xs ${liveAtOnce ? "bg-sky-50 text-sky-900" : "bg-amber-50 text-amber-900"}`}>
        {liveAtOnce
          ? "Nothing else is waiting: this appears on the public page as soon as you add it."
          : "A new version of this article is being worked on: this goes live with the next approval, together with it."}
      </p>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-accent-700"}`}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400">
        {pending ? "Adding…" : `Add ${WORD[kind]}`}
      </button>
      <ConfirmDialog open={confirming} title={`Publish this ${WORD[kind]} now?`} confirmLabel={`Publish ${WORD[kind]}`} pending={pending} onConfirm={submit} onCancel={() => setConfirming(false)}>
        <p>This appears on the public page now, above the credits, and in the article&apos;s search data and the feeds.</p>
        <p>It cannot be edited afterwards; it can only be withdrawn, with a reason that stays on the record.</p>
      </ConfirmDialog>
    </form>
  );
}

/** "Withdraw…": asks for the reason, which stays on the record with the note. */
export function WithdrawNoteButton({ articleId, noteId, kind, live }: { articleId: number; noteId: number; kind: Kind; live: boolean }) {
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const router = useRouter();
  const id = useId();

  const confirm = () => {
    const data = new FormData();
    data.set("articleId", String(articleId));
    data.set("noteId", String(noteId));
    data.set("reason", reason);
    startTransition(async () => {
      const result = await withdrawNoteAction(null, data);
      setState(result);
      if (!result.ok) return;
      setOpen(false);
      router.refresh();
    });
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="mt-2 rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100">
        Withdraw…
      </button>
      <ConfirmDialog open={open} title={`Withdraw this ${WORD[kind]}?`} confirmLabel={`Withdraw ${WORD[kind]}`} tone="danger" pending={pending} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p>
          {live ? "Readers will no longer see it on the public page, in search data or in the feeds. " : "It will not go live with the next approval. "}
          It stays listed here as withdrawn, and the audit log keeps who withdrew it and why.
        </p>
        <label htmlFor={`${id}-reason`} className="block font-medium text-slate-800">
          Reason
        </label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} className="w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        {state && !state.ok && (
          <p role="alert" className="text-sm text-accent-700">
            {state.fieldErrors?.reason?.join(" ") ?? state.message}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
