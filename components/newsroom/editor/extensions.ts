import type { AnyExtension } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import { HEADING_LEVELS } from "@/lib/content/schema";
import { safeLinkHref } from "@/lib/content/urls";
import { CommentMark } from "./comment-mark";
import { Figure } from "./figure-node";

/** What an empty body says before anything is typed. */
export const BODY_PLACEHOLDER = "Write the story…";

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
      heading: { levels: [...HEADING_LEVELS] },
      link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null, class: null }, isAllowedUri: (url) => safeLinkHref(url) !== null },
    }),
    Placeholder.configure({ placeholder: BODY_PLACEHOLDER }),
    Figure,
    CommentMark,
  ];
}
