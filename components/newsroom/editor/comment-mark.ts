import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * Marks the passage a review comment is about. Being a mark, it moves with the text as people
 * edit around it; readers never see it (the public renderer draws no such mark).
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute("data-comment-id"),
        renderHTML: (attrs: Record<string, unknown>) => ({ "data-comment-id": attrs.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "mark[data-comment-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["mark", mergeAttributes(HTMLAttributes, { class: "bg-amber-200/70 rounded-sm" }), 0];
  },
});
