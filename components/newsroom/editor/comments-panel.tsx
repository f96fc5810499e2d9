"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { CommentView } from "@/lib/articles/comments";
import { CommentThread } from "./comment-thread";
import type { ReviewComments } from "./use-review-comments";

export type { CommentView } from "@/lib/articles/comments";

interface Props {
  review: ReviewComments;
  editor: Editor | null;
  timeZone: string;
  /** True at desktop width, where open comments on a passage sit in the margin beside it instead. */
  marginShown: boolean;
}

/** Comments on the whole piece or on the selected passage; the list of every thread below desktop width. */
export function CommentsPanel({ review, editor, timeZone, marginShown }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { comments } = review;
  const threads = comments.filter((c) => c.parentId === null);
  const inMargin = (c: CommentView) => marginShown && !c.resolvedAt && review.rangeOf(c.id) !== undefined;
  const open = threads.filter((c) => !c.resolvedAt && !inMargin(c));
  const resolved = threads.filter((c) => c.resolvedAt);

  async function submit(onSelection: boolean) {
    setBusy(true);
    setError(null);
    const problem = await review.add(text, onSelection);
    setBusy(false);
    if (problem) setError(problem);
    else setText("");
  }

  const thread = (c: CommentView) => <CommentThread key={c.id} comment={c} replies={comments.filter((r) => r.parentId === c.id)} review={review} timeZone={timeZone} found={review.rangeOf(c.id) !== undefined} />;

  return (
    <section aria-labelledby="comments-heading" className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="comments-heading" className="text-sm font-semibold text-slate-800">
        Comments ({threads.filter((c) => !c.resolvedAt).length} open)
      </h2>
      {marginShown && threads.some(inMargin) && <p className="mt-1 text-xs text-slate-600">Comments on a passage are beside the text.</p>}
      {open.length > 0 && (
        <ul aria-label="Open comments" className="mt-3 space-y-3">
          {open.map(thread)}
        </ul>
      )}
      <div className="mt-4 space-y-2 border-t border-slate-200 pt-3">
        <label htmlFor="new-comment" className="block text-sm font-medium">
          Comment
        </label>
        <textarea id="new-comment" value={text} onChange={(e) => setText(e.target.value)} rows={3} className="w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={busy || !text.trim()} onClick={() => void submit(false)} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:bg-slate-400">
            Comment on the article
          </button>
          {editor && (
            <button type="button" disabled={busy || !text.trim()} onMouseDown={(e) => e.preventDefault()} onClick={() => void submit(true)} className="rounded border border-slate-400 px-3 py-1.5 text-sm font-semibold disabled:text-slate-400">
              Comment on selected text
            </button>
          )}
        </div>
        <p className="text-xs text-slate-600">Select words in the text first to comment on them. Comments never change the text.</p>
        {error && (
          <p role="alert" className="text-sm text-accent-700">
            {error}
          </p>
        )}
      </div>
      {resolved.length > 0 && (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Resolved ({resolved.length})</h3>
          <ul aria-label="Resolved comments" className="mt-2 space-y-2">
            {resolved.map(thread)}
          </ul>
        </div>
      )}
    </section>
  );
}
