"use client";

import { useActionState } from "react";
import { createArticleAction } from "@/lib/actions/articles";

/** Starts a new draft and opens it in the editor. */
export function NewArticleButton() {
  const [state, action, pending] = useActionState(createArticleAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        New article
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-accent-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
