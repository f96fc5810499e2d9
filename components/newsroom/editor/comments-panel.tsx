"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { addCommentAction, resolveCommentAction } from "@/lib/actions/workflow";

export interface CommentView {
  id: number;
  parentId: number | null;
  body: string;
  quote: string | null;
  anchorId: string | null;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
}

interface Props {
  articleId: number;
  comments: CommentView[];
  editor: Editor | null;
  /** Whether this person may put an anchor mark into the text (they can edit it now). */
  canAnchor: boolean;
  /** Saves pending edits (the new anchor mark) before the page reloads. */
  ensureSaved: () => Promise<number | null>;
}

function anchorId() {
  return `c-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b % 36).toString(36)).join("")}`;
}

async function send(action: typeof addCommentAction | typeof resolveCommentAction, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return action(null, form);
}

/** Review comments: on the whole piece, or on the selected passage; replies; resolve and reopen. */
export function CommentsPanel({ articleId, comments, editor, canAnchor, ensureSaved }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const threads = comments.filter((c) => c.parentId === null);

  async function submit(onSelection: boolean) {
    setBusy(true);
    setError(null);
    const fields: Record<string, string> = { articleId: String(articleId), body: text };
    if (onSelection && editor) {
      const { from, to, empty } = editor.state.selection;
      if (empty) {
        setError("Select the passage in the text first.");
        setBusy(false);
        return;
      }
      const id = anchorId();
      fields.anchorId = id;
      fields.quote = editor.state.doc.textBetween(from, to, " ").slice(0, 1000);
      // The mark is saved with the text by autosave, and moves with the passage from then on.
      editor.chain().setMark("comment", { id }).run();
    }
    const result = await send(addCommentAction, fields).catch(() => null);
    if (result?.ok && fields.anchorId && (await ensureSaved()) === null) {
      setError("The comment was added, but the marked passage is not saved yet; wait for “Saved”.");
      setBusy(false);
      return;
    }
    if (result?.ok) window.location.reload();
    else {
      setError(result?.message ?? "The comment could not be sent. Try again.");
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="comments-heading" className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="comments-heading" className="text-sm font-semibold text-slate-800">
        Comments ({threads.filter((c) => !c.resolvedAt).length} open)
      </h2>
      <ul className="mt-3 space-y-3">
        {threads.map((c) => (
          <Thread key={c.id} articleId={articleId} comment={c} replies={comments.filter((r) => r.parentId === c.id)} />
        ))}
      </ul>
      <div className="mt-4 space-y-2 border-t border-slate-200 pt-3">
        <label htmlFor="new-comment" className="block text-sm font-medium">
          Comment
        </label>
        <textarea id="new-comment" value={text} onChange={(e) => setText(e.target.value)} rows={3} className="w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={busy || !text.trim()} onClick={() => void submit(false)} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:bg-slate-400">
            Comment on the article
          </button>
          {canAnchor && (
            <button type="button" disabled={busy || !text.trim()} onMouseDown={(e) => e.preventDefault()} onClick={() => void submit(true)} className="rounded border border-slate-400 px-3 py-1.5 text-sm font-semibold disabled:text-slate-400">
              Comment on selected text
            </button>
          )}
        </div>
        {error && (
          <p role="alert" className="text-sm text-accent-700">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}

function Thread({ articleId, comment, replies }: { articleId: number; comment: CommentView; replies: CommentView[] }) {
  const [reply, setReply] = useState("");
  const resolved = Boolean(comment.resolvedAt);
  const act = async (action: typeof addCommentAction | typeof resolveCommentAction, fields: Record<string, string>) => {
    const result = await send(action, { articleId: String(articleId), ...fields }).catch(() => null);
    if (result?.ok) window.location.reload();
  };
  return (
    <li aria-label={`Comment by ${comment.author}`} className={`rounded border p-2 text-sm ${resolved ? "border-slate-200 bg-slate-50 text-slate-600" : "border-amber-300 bg-amber-50"}`}>
      {comment.quote && <blockquote className="mb-1 border-l-2 border-amber-500 pl-2 text-xs text-slate-700 italic">“{comment.quote}”</blockquote>}
      <p>
        <strong>{comment.author}:</strong> {comment.body}
      </p>
      {replies.map((r) => (
        <p key={r.id} className="mt-1 ml-3 border-l border-slate-300 pl-2">
          <strong>{r.author}:</strong> {r.body}
        </p>
      ))}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`reply-${comment.id}`}>
          Reply to {comment.author}
        </label>
        <input id={`reply-${comment.id}`} value={reply} onChange={(e) => setReply(e.target.value)} placeholder="Reply…" className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 text-xs" />
        <button type="button" disabled={!reply.trim()} onClick={() => void act(addCommentAction, { body: reply, parentId: String(comment.id) })} className="rounded border border-slate-400 px-2 py-1 text-xs font-semibold">
          Reply
        </button>
        <button type="button" onClick={() => void act(resolveCommentAction, { commentId: String(comment.id), resolved: resolved ? "0" : "1" })} className="rounded border border-slate-400 px-2 py-1 text-xs font-semibold">
          {resolved ? "Reopen" : "Resolve"}
        </button>
      </div>
    </li>
  );
}
