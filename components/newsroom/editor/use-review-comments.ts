"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { addCommentAction, listCommentsAction, resolveCommentAction } from "@/lib/actions/workflow";
import type { CommentView } from "@/lib/articles/comments";
import { captureAnchor, findAnchor, findMarkedPassage, type Range } from "./comment-anchors";
import { commentHighlightsKey, commentHighlightsPlugin, currentHighlights, setHighlights, type Highlight } from "./comment-highlights";

/** How often the editor asks for other people's comments while the page is visible. */
const POLL_MS = 30_000;

type Source = "text" | "list";

async function send<T>(action: (previous: null, form: FormData) => Promise<T>, fields: Record<string, string>): Promise<T | null> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return action(null, form).catch(() => null);
}

function resolveRanges(editor: Editor, comments: CommentView[]): Highlight[] {
  const found: Highlight[] = [];
  for (const c of comments) {
    if (c.parentId !== null || c.resolvedAt || !c.quote) continue;
    const range = (c.anchorId ? findMarkedPassage(editor.state.doc, c.anchorId) : null) ?? findAnchor(editor.state.doc, { quote: c.quote, prefix: c.anchorPrefix ?? "", suffix: c.anchorSuffix ?? "" });
    if (range) found.push({ id: c.id, ...range });
  }
  return found;
}

function sameRanges(a: Highlight[], b: Highlight[]) {
  return a.length === b.length && a.every((r, i) => r.id === b[i]?.id && r.from === b[i]?.from && r.to === b[i]?.to);
}

/** The visible element of a thread (it is drawn in the margin at desktop width, in the list below it). */
function visibleThread(id: number): HTMLElement | null {
  return [...document.querySelectorAll<HTMLElement>(`[data-thread="${id}"]`)].find((el) => el.offsetParent !== null) ?? null;
}

/**
 * The review comments of the open article as state: adding, replying, resolving and reopening
 * put the server's answer into it (no reload), the passages of open comments are highlighted in
 * the body, and choosing a comment or a passage selects the other.
 */
export function useReviewComments({ articleId, initial, editor }: { articleId: number; initial: CommentView[]; editor: Editor | null }) {
  const [comments, setComments] = useState(initial);
  // A refreshed page (after a transition that added a comment) brings a newer list: take it.
  const [given, setGiven] = useState(initial);
  if (initial !== given) {
    setGiven(initial);
    setComments(initial);
  }
  const [active, setActive] = useState<number | null>(null);
  const [ranges, setRanges] = useState<Highlight[]>([]);
  const selectRef = useRef<(id: number, source: Source) => void>(() => {});
  const commentsRef = useRef(comments);

  const select = useCallback(
    (id: number, source: Source) => {
      setActive(id);
      if (!editor || editor.isDestroyed) return;
      const range = currentHighlights(editor).find((r) => r.id === id);
      if (source === "list" && range) {
        const dom = editor.view.domAtPos(range.from).node;
        (dom instanceof HTMLElement ? dom : dom.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
      }
      if (source === "text") visibleThread(id)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    },
    [editor],
  );
  useEffect(() => {
    selectRef.current = select;
  }, [select]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(commentHighlightsPlugin((id) => selectRef.current(id, "text")));
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      const now = currentHighlights(editor);
      // A passage replaced as a whole (a restored copy) is looked for again by its words.
      if (transaction.docChanged && now.some((r) => r.from >= r.to)) {
        queueMicrotask(() => !editor.isDestroyed && setHighlights(editor, { ranges: resolveRanges(editor, commentsRef.current) }));
        return;
      }
      setRanges((prev) => (sameRanges(prev, now) ? prev : now));
    };
    editor.on("transaction", onTransaction);
    return () => {
      editor.off("transaction", onTransaction);
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor]);

  useEffect(() => {
    commentsRef.current = comments;
    if (!editor || editor.isDestroyed) return;
    setHighlights(editor, { ranges: resolveRanges(editor, comments) });
  }, [editor, comments]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) setHighlights(editor, { active });
  }, [editor, active]);

  // Other people's comments arrive by polling while the page is visible, and on coming back to it.
  useEffect(() => {
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      const result = await send(listCommentsAction, { articleId: String(articleId) });
      if (result?.ok && result.data) setComments(result.data.comments);
    };
    const timer = setInterval(() => void refresh(), POLL_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [articleId]);

  /** Adds a comment on the whole piece or on the selected passage; returns a problem or null. */
  const add = useCallback(
    async (body: string, onSelection: boolean): Promise<string | null> => {
      const fields: Record<string, string> = { articleId: String(articleId), body };
      if (onSelection) {
        const anchor = editor ? captureAnchor(editor.state.doc, editor.state.selection.from, editor.state.selection.to) : null;
        if (!anchor) return "Select the passage in the text first.";
        Object.assign(fields, { quote: anchor.quote.slice(0, 1000), anchorPrefix: anchor.prefix, anchorSuffix: anchor.suffix });
      }
      const result = await send(addCommentAction, fields);
      if (!result?.ok) return result?.message ?? "The comment could not be sent. Try again.";
      if (result.data) {
        setComments(result.data.comments);
        setActive(result.data.commentId);
      }
      return null;
    },
    [articleId, editor],
  );

  const reply = useCallback(
    async (parentId: number, body: string): Promise<string | null> => {
      const result = await send(addCommentAction, { articleId: String(articleId), parentId: String(parentId), body });
      if (!result?.ok) return result?.message ?? "The reply could not be sent. Try again.";
      if (result.data) setComments(result.data.comments);
      return null;
    },
    [articleId],
  );

  const resolve = useCallback(
    async (commentId: number, resolved: boolean): Promise<string | null> => {
      const result = await send(resolveCommentAction, { articleId: String(articleId), commentId: String(commentId), resolved: resolved ? "1" : "0" });
      if (!result?.ok) return result?.message ?? "That did not work. Try again.";
      if (result.data) setComments(result.data.comments);
      return null;
    },
    [articleId],
  );

  const rangeOf = useCallback((id: number): Range | undefined => ranges.find((r) => r.id === id), [ranges]);

  return { comments, active, ranges, rangeOf, select, add, reply, resolve };
}

export type ReviewComments = ReturnType<typeof useReviewComments>;
