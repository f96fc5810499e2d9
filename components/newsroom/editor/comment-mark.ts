import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * The passage of an older review comment, marked in the body. New comments keep their passage
 * outside the body (see comment-anchors.ts) so that commenting is never an edit; this mark stays
 * so that bodies holding it still load whole. It draws nothing itself: the passages of open
 * comments are highlighted as decorations, so a resolved one is not.
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
    return [{ tag: "mark[data-comment-id]" }, { tag: "span[data-comment-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes), 0];
  },
});
