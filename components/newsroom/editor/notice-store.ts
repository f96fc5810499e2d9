"use client";

import { useSyncExternalStore } from "react";

/*
 * The confirmation after a workflow transition. It lives outside the editor, which remounts when
 * the article's state changes, so the message survives the refresh that shows the new state.
 */

export interface TransitionNotice {
  articleId: number;
  message: string;
  /** Set after an unpublish: until this time (ms) the notice offers "Undo". */
  undo?: { until: number; version: number };
}

/** The server keeps the live version for 30 s; the button goes a little earlier. */
const UNDO_OFFER_MS = 28_000;

/** Until when "Undo" is offered for an unpublish happening now. */
export function undoDeadline(): number {
  return Date.now() + UNDO_OFFER_MS;
}

let current: TransitionNotice | null = null;
const listeners = new Set<() => void>();

/** Shows a notice (null clears it). */
export function setNotice(notice: TransitionNotice | null): void {
  current = notice;
  for (const listener of listeners) listener();
}

/** The notice for this article, if any. */
export function useNotice(articleId: number): TransitionNotice | null {
  const notice = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
  return notice?.articleId === articleId ? notice : null;
}
