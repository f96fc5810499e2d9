import type { EditorView } from "@tiptap/pm/view";

/**
 * ProseMirror learns that the browser moved the caret (End, Home, arrows, a click) from the
 * `selectionchange` event, which the browser delivers in a later task; Chrome runs waiting input
 * first, so a key pressed right after such a move could act where the caret had been (Enter then
 * split the sentence at the old place). Reading the caret from the page before a key is handled
 * closes that gap. `domObserver.flush` is what ProseMirror itself calls on `selectionchange`; it
 * does nothing when the caret has not moved. Not during composition, which has its own order.
 */
export function readPendingCaret(view: EditorView, event: KeyboardEvent): void {
  if (event.isComposing || event.keyCode === 229) return;
  (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();
}
