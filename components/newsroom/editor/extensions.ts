import type { AnyExtension } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { ListItem } from "@tiptap/extension-list";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import { HEADING_LEVELS, nodeSpec, type NodeName } from "@/lib/content/schema";
import { safeLinkHref } from "@/lib/content/urls";
import { CommentMark } from "./comment-mark";
import { Figure } from "./figure-node";

/** What an empty body says before anything is typed. */
export const BODY_PLACEHOLDER = "Write the story…";

/**
 * A ProseMirror content expression for a node whose children the schema lists: the first listed
 * type first (a list item starts with its paragraph, as TipTap's list commands expect), then
 * any of them. StarterKit's own "block+" would let quotes and list items hold photos and
 * headings, which the server refuses.
 */
function contentOf(name: NodeName): string {
  const content = nodeSpec(name).content;
  if (!Array.isArray(content) || content.length === 0) throw new Error(`${name} has no child list in the schema`);
  return `${content[0]} (${content.join(" | ")})*`;
}

/**
 * The editor's TipTap extensions: the body schema (lib/content/schema.ts) as TipTap builds it.
 * Everything StarterKit offers that the schema does not allow is switched off here, so the
 * editor cannot make what the server would refuse (tests/content-schema.test.ts checks it).
 */
export function bodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      blockquote: false,
      listItem: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null, class: null }, isAllowedUri: (url) => safeLinkHref(url) !== null },
    }),
    Blockquote.extend({ content: contentOf("blockquote") }),
    ListItem.extend({ content: contentOf("listItem") }),
    Placeholder.configure({ placeholder: BODY_PLACEHOLDER }),
    Figure,
    CommentMark,
  ];
}
