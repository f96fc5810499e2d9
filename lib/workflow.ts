import type { ArticleStatus } from "@/db/schema";
import { can, type ArticleFacts, type CurrentUser } from "@/lib/permissions";

/*
 * The article's life as pure rules: who may read and edit an article in which state, and (with
 * the review issue) the transition table. No I/O, so every combination is unit-tested.
 */

/** States in which the working copy is being written or corrected. */
export const EDITABLE_STATES: readonly ArticleStatus[] = ["draft", "changes_requested", "in_review"];

/** Whether a person may open an article in the newsroom. */
export function canRead(user: CurrentUser | null, article: ArticleFacts): boolean {
  if (!user || !can(user, "newsroom.enter")) return false;
  return can(user, "article.read_all") || article.drafterIds.includes(user.id);
}

/**
 * Whether a person may change the working copy now: drafters their own drafts and pieces sent
 * back to them; revisers and admins a piece under review (their edits are recorded as theirs).
 */
export function canEdit(user: CurrentUser | null, article: ArticleFacts): boolean {
  if (!user) return false;
  switch (article.status) {
    case "draft":
    case "changes_requested":
      return can(user, "article.edit_own_draft", article);
    case "in_review":
      return can(user, "article.edit_in_review", article);
    default:
      return false;
  }
}
