"use client";

import { useActionState } from "react";
import { restoreRevisionAction } from "@/lib/actions/articles";

/** Restores one revision as a new revision (the current text stays in the history). */
export function RestoreButton({ articleId, revisionId, baseVersion, label }: { articleId: number; revisionId: number; baseVersion: number; label: string }) {
  const [state, action, pending] = useActionState(restoreRevisionAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold hover:bg-slate-100">
        Restore
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-xs text-accent-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
