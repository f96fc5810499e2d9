"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { CommentThread } from "./comment-thread";
import type { ReviewComments } from "./use-review-comments";

const WIDE = "(min-width: 80rem)";
const GAP = 8;

/** Whether the page is wide enough for a margin beside the text (Tailwind's `xl`). */
export function useMarginShown(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener("change", notify);
      return () => query.removeEventListener("change", notify);
    },
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
}

interface Props {
  review: ReviewComments;
  editor: Editor | null;
  timeZone: string;
  shown: boolean;
  children: ReactNode;
}

/**
 * The body with, at desktop width, a margin where each open comment on a passage sits level with
 * its passage (pushed down just enough not to overlap the one above), as in a marked-up proof.
 */
export function CommentMargin({ review, editor, timeZone, shown, children }: Props) {
  const column = useRef<HTMLUListElement>(null);
  const cards = useRef(new Map<number, HTMLLIElement>());
  const [tops, setTops] = useState<Record<number, number>>({});
  const [height, setHeight] = useState(0);
  const threads = review.ranges
    .map((r) => ({ range: r, comment: review.comments.find((c) => c.id === r.id && c.parentId === null && !c.resolvedAt) }))
    .filter((t) => t.comment !== undefined)
    .sort((a, b) => a.range.from - b.range.from);

  const layout = useCallback(() => {
    if (!shown || !editor || editor.isDestroyed || !column.current) return;
    const origin = column.current.getBoundingClientRect().top;
    const next: Record<number, number> = {};
    let bottom = 0;
    for (const { range } of threads) {
      let wanted = 0;
      try {
        wanted = editor.view.coordsAtPos(range.from).top - origin;
      } catch {
        continue; // a position the view has not drawn yet; the next layout finds it
      }
      const top = Math.max(wanted, bottom);
      next[range.id] = Math.round(top);
      bottom = top + (cards.current.get(range.id)?.offsetHeight ?? 120) + GAP;
    }
    setTops((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    setHeight(Math.round(bottom));
  }, [shown, editor, threads]);

  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
    layout();
  });

  useLayoutEffect(() => {
    if (!shown || !editor || editor.isDestroyed) return;
    // Photos loading, the window or the text reflowing move the passages without a transaction.
    const relayout = () => layoutRef.current();
    const observer = new ResizeObserver(relayout);
    observer.observe(editor.view.dom);
    window.addEventListener("resize", relayout);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", relayout);
    };
  }, [shown, editor]);

  if (!shown) return <>{children}</>;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_17rem]">
      <div className="min-w-0">{children}</div>
      <ul ref={column} aria-label="Comments beside the text" className="relative border-l border-slate-200 bg-slate-50/60 px-2" style={{ minHeight: height }}>
        {threads.map(({ range, comment }) => (
          <CommentThread
            key={range.id}
            comment={comment!}
            replies={review.comments.filter((r) => r.parentId === comment!.id)}
            review={review}
            timeZone={timeZone}
            found
            itemRef={(el) => {
              if (el) cards.current.set(range.id, el);
              else cards.current.delete(range.id);
            }}
            style={{ position: "absolute", left: "0.5rem", right: "0.5rem", top: tops[range.id] ?? 0, visibility: tops[range.id] === undefined ? "hidden" : undefined }}
          />
        ))}
      </ul>
    </div>
  );
}
