"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { deleteArticleAction } from "@/lib/actions/articles";
import { TITLE_EVENT } from "./editor/live-heading";

/*
 * "Delete" with a confirmation that says what happens. A native <dialog> opened with showModal()
 * traps focus, closes on Escape and returns focus to the button, which is what an accessible
 * modal needs without a library. It is in the page only while open, so a closed dialog's label
 * never shadows the editor's own fields.
 */
export function DeleteArticleButton({ articleId, title, mayRestore }: { articleId: number; title: string; mayRestore: boolean }) {
  const [state, action, pending] = useActionState(deleteArticleAction, null);
  const [open, setOpen] = useState(false);
  // The title as it is being typed (the editor announces it), so the question names the piece.
  const [current, setCurrent] = useState(title);
  useEffect(() => {
    const onTitle = (event: Event) => setCurrent((event as CustomEvent<string>).detail);
    window.addEventListener(TITLE_EVENT, onTitle);
    return () => window.removeEventListener(TITLE_EVENT, onTitle);
  }, []);
  const headingId = useId();
  const textId = useId();
  const name = current.trim() || "Untitled draft";
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-red-700 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50">
        Delete
      </button>
      {open && (
        <dialog
          ref={(el) => {
            if (el && !el.open) el.showModal();
          }}
          onClose={() => setOpen(false)}
          aria-labelledby={headingId}
          aria-describedby={textId}
          className="m-auto max-w-md rounded-lg border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40"
        >
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            Delete “{name}”?
          </h2>
          <p id={textId} className="mt-2 text-sm text-slate-700">
            The article moves to the trash and disappears from the article list and the dashboard. Its text, history and comments are kept.{" "}
            {mayRestore ? "You can restore it from the trash." : "Only an admin can restore it from the trash."}
          </p>
          {state && !state.ok && (
            <p role="alert" className="mt-3 text-sm font-medium text-accent-700">
              {state.message}
            </p>
          )}
          <form action={action} className="mt-5 flex justify-end gap-3">
            <input type="hidden" name="articleId" value={articleId} />
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
              Cancel
            </button>
            <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800">
              {pending ? "Moving…" : "Move to trash"}
            </button>
          </form>
        </dialog>
      )}
    </>
  );
}
