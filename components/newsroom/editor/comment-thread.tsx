"use client";

import { useState, type CSSProperties, type Ref } from "react";
import type { CommentView } from "@/lib/articles/comments";
import { commentTime } from "./comment-time";
import type { ReviewComments } from "./use-review-comments";

interface Props {
  comment: CommentView;
  replies: CommentView[];
  review: ReviewComments;
  timeZone: string;
  /** Whether its passage is in the text now (an anchored comment whose words were edited away is not). */
  found: boolean;
  /** Where it sits in the margin (the margin places it level with its passage). */
  style?: CSSProperties;
  itemRef?: Ref<HTMLLIElement>;
}

function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <time dateTime={iso} className="text-xs text-slate-600" suppressHydrationWarning>
      {commentTime(iso, timeZone)}
    </time>
  );
}

/** One comment thread: who and when, the passage, replies, and resolve/reopen. Resolved ones are collapsed. */
export function CommentThread({ comment, replies, review, timeZone, found, style, itemRef }: Props) {
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = Boolean(comment.resolvedAt);
  const selected = review.active === comment.id;

  const run = async (work: () => Promise<string | null>, after?: () => void) => {
    setBusy(true);
    setError(null);
    const problem = await work();
    setBusy(false);
    if (problem) setError(problem);
    else after?.();
  };

  // An outside comment says so, so nobody takes a source's words for a colleague's.
  const who = comment.outside ? `Outside comment · ${comment.author} (via review link)` : comment.author;
  const label = comment.outside ? `Outside comment by ${comment.author}` : `Comment by ${comment.author}`;
  const header = (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <strong className={`font-semibold ${comment.outside ? "text-violet-900" : "text-slate-900"}`}>{who}</strong>
      <When iso={comment.createdAt} timeZone={timeZone} />
    </p>
  );

  const resolveButton = (
    <button type="button" disabled={busy} onClick={() => void run(() => review.resolve(comment.id, !resolved))} className="rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100">
      {resolved ? "Reopen" : "Resolve"}
    </button>
  );

  if (resolved) {
    return (
      <li aria-label={`${label}, resolved`} data-thread={comment.id} className="rounded border border-slate-200 bg-slate-50 p-2 text-sm text-slate-700">
        <details>
          <summary className="cursor-pointer">
            <span className="font-semibold">Resolved</span> · {who}: <span className="line-clamp-1 inline">{comment.body}</span>
          </summary>
          <div className="mt-2 space-y-1">
            {header}
            {comment.quote && <blockquote className="border-l-2 border-slate-400 pl-2 text-xs italic">“{comment.quote}”</blockquote>}
            <p>{comment.body}</p>
            {replies.map((r) => (
              <p key={r.id} className="ml-3 border-l border-slate-300 pl-2">
                <strong>{r.author}</strong> <When iso={r.createdAt} timeZone={timeZone} />: {r.body}
              </p>
            ))}
            <p className="text-xs">
              Resolved {comment.resolvedBy ? `by ${comment.resolvedBy} ` : ""}
              {comment.resolvedAt && <When iso={comment.resolvedAt} timeZone={timeZone} />}
            </p>
            {resolveButton}
          </div>
        </details>
      </li>
    );
  }

  return (
    <li
      ref={itemRef}
      style={style}
      aria-label={label}
      aria-current={selected ? "true" : undefined}
      data-thread={comment.id}
      onClick={(e) => {
        // Choosing a comment shows its passage; its own buttons and fields do their own thing.
        if (!(e.target instanceof HTMLElement && e.target.closest("button, input, textarea, a"))) review.select(comment.id, "list");
      }}
      className={`rounded border bg-white p-2 text-sm shadow-sm ${selected ? "border-amber-600 ring-2 ring-amber-500" : comment.outside ? "border-violet-300" : "border-amber-300"}`}
    >
      {header}
      {comment.quote &&
        (found ? (
          <button type="button" onClick={() => review.select(comment.id, "list")} className="mt-1 block w-full border-l-2 border-amber-500 pl-2 text-left text-xs text-slate-700 italic hover:bg-amber-50" aria-label={`Show the passage “${comment.quote}”`}>
            “{comment.quote}”
          </button>
        ) : (
          <p className="mt-1 border-l-2 border-slate-300 pl-2 text-xs text-slate-600">
            <span className="italic">“{comment.quote}”</span> (this passage is no longer in the text)
          </p>
        ))}
      <p className="mt-1 whitespace-pre-wrap text-slate-900">{comment.body}</p>
      {replies.length > 0 && (
        <ul aria-label="Replies" className="mt-1 space-y-1">
          {replies.map((r) => (
            <li key={r.id} className="ml-3 border-l border-slate-300 pl-2">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <strong>{r.author}</strong>
                <When iso={r.createdAt} timeZone={timeZone} />
              </p>
              <p className="whitespace-pre-wrap">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`reply-${comment.id}`}>
          Reply to {comment.author}
        </label>
        <input id={`reply-${comment.id}`} value={reply} onChange={(e) => setReply(e.target.value)} placeholder="Reply…" className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 text-xs" />
        <button type="button" disabled={busy || !reply.trim()} onClick={() => void run(() => review.reply(comment.id, reply), () => setReply(""))} className="rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100">
          Reply
        </button>
        {resolveButton}
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-accent-700">
          {error}
        </p>
      )}
    </li>
  );
}
