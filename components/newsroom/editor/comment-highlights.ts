import type { Editor } from "@tiptap/react";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Range } from "./comment-anchors";

/*
 * Highlights the passages of open comments as decorations: drawn over the text but not part of
 * the document, so they are never saved and never count as an edit. The ranges move with the
 * text as people type (mapped through each change); a click on one selects its comment.
 */

export interface Highlight extends Range {
  id: number;
}

interface State {
  ranges: Highlight[];
  active: number | null;
  decorations: DecorationSet;
}

interface Meta {
  ranges?: Highlight[];
  active?: number | null;
}

export const commentHighlightsKey = new PluginKey<State>("commentHighlights");

function decorate(state: EditorState, ranges: Highlight[], active: number | null): DecorationSet {
  return DecorationSet.create(
    state.doc,
    ranges
      .filter((r) => r.from < r.to)
      .map((r) =>
        Decoration.inline(r.from, r.to, {
          nodeName: "mark",
          "data-comment-id": String(r.id),
          class: r.id === active ? "rounded-sm bg-amber-300 text-inherit outline-2 outline-amber-600" : "rounded-sm bg-amber-100 text-inherit underline decoration-amber-500 decoration-2 underline-offset-4",
        }),
      ),
  );
}

/** The plugin; `onSelect` is called with a comment's id when its passage is clicked. */
export function commentHighlightsPlugin(onSelect: (id: number) => void): Plugin<State> {
  return new Plugin<State>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ ranges: [], active: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value: State, _old, state): State {
        const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
        let ranges = value.ranges;
        if (tr.docChanged) ranges = ranges.map((r) => ({ id: r.id, from: tr.mapping.map(r.from, 1), to: tr.mapping.map(r.to, -1) }));
        if (meta?.ranges) ranges = meta.ranges;
        const active = meta && "active" in meta ? (meta.active ?? null) : value.active;
        if (!meta && !tr.docChanged) return value;
        return { ranges, active, decorations: decorate(state, ranges, active) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const hit = commentHighlightsKey.getState(view.state)?.ranges.find((r) => pos >= r.from && pos <= r.to);
        if (hit) onSelect(hit.id);
        return false;
      },
    },
  });
}

/** Sets the highlighted passages and the selected comment. */
export function setHighlights(editor: Editor, meta: Meta): void {
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, meta).setMeta("addToHistory", false));
}

/** The passages where they are now. */
export function currentHighlights(editor: Editor): Highlight[] {
  return commentHighlightsKey.getState(editor.state)?.ranges ?? [];
}
