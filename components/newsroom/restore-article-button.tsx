"use client";

import { useActionState } from "react";
import { restoreArticleAction } from "@/lib/actions/articles";

/** Takes one article out of the trash (shown to admins only; the action checks again). */
export function RestoreArticleButton({ articleId, title }: { articleId: number; title: string }) {
  const [state, action, pending] = useActionState(restoreArticleAction, null);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" disabled={pending} aria-label={`Restore “${title || "Untitled draft"}”`} className="rounded-md border border-brand-700 bg-white px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50">
        Restore
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-accent-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
