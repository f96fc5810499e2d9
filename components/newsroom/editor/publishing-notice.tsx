"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { transitionAction } from "@/lib/actions/workflow";
import { setNotice, useNotice } from "./notice-store";

interface Props {
  articleId: number;
  /** The live page's address, for a published article; null while nothing is live. */
  liveUrl: string | null;
  /** From the server: an unpublish that can still be undone (so a reload keeps the offer). */
  undoOffer: { until: number; version: number } | null;
}

/**
 * What just happened to the article (a live region), "Undo" for a few seconds after an
 * unpublish, and, for every article with a live version, where it is live.
 */
export function PublishingNotice({ articleId, liveUrl, undoOffer }: Props) {
  const fromStore = useNotice(articleId);
  const offerUntil = undoOffer?.until;
  const offerVersion = undoOffer?.version;
  const offered = useMemo(
    () => (offerUntil && offerVersion ? { articleId, message: "Unpublished a moment ago.", undo: { until: offerUntil, version: offerVersion } } : null),
    [articleId, offerUntil, offerVersion],
  );
  const notice = fromStore ?? offered;
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const undo = notice?.undo;
  const box = useRef<HTMLElement>(null);

  // The editor below remounts with the new state; keyboard focus comes to the message instead.
  useEffect(() => {
    if (fromStore) box.current?.focus();
  }, [fromStore]);
  const secondsLeft = undo ? Math.max(0, Math.ceil((undo.until - now) / 1000)) : 0;

  useEffect(() => {
    if (!undo) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [undo]);

  async function runUndo() {
    if (!undo) return;
    setPending(true);
    setError(null);
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("action", "undo_unpublish");
    form.set("baseVersion", String(undo.version));
    try {
      const result = await transitionAction(null, form);
      if (result.ok) {
        setNotice({ articleId, message: "Undone: the article is live again, exactly as it was." });
        router.refresh();
      } else {
        setError(result.message);
      }
    } catch {
      setError("The server could not be reached. Nothing was changed; try again.");
    }
    setPending(false);
  }

  return (
    <div className="mb-4 space-y-2">
      {/* A polite live region, named rather than role=status so that it never stands in for
          the editor's own save status. */}
      <section ref={box} tabIndex={-1} aria-label="Publishing notice" aria-live="polite" className={notice ? "flex flex-wrap items-center gap-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900" : "sr-only"}>
        {notice && <span>{notice.message}</span>}
        {undo && secondsLeft > 0 && (
          <button type="button" disabled={pending} onClick={() => void runUndo()} className="rounded-md border border-emerald-700 bg-white px-3 py-1 text-sm font-semibold text-emerald-900 hover:bg-emerald-100">
            Undo <span className="font-normal">({secondsLeft} s)</span>
          </button>
        )}
      </section>
      {error && (
        <p role="alert" className="rounded-md border border-accent-700 bg-white px-4 py-2 text-sm text-accent-700">
          {error}
        </p>
      )}
      {liveUrl && (
        <p className="rounded-md border border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          Live at{" "}
          <a href={liveUrl} target="_blank" rel="noopener" className="font-semibold underline">
            {liveUrl}
          </a>
        </p>
      )}
    </div>
  );
}
