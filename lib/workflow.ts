import type { ArticleStatus } from "@/db/schema";
import { can, type ArticleFacts, type Capability, type CurrentUser } from "@/lib/permissions";

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

export const WORKFLOW_ACTIONS = [
  "submit",
  "withdraw",
  "request_changes",
  "approve",
  "schedule",
  "reschedule",
  "cancel_schedule",
  "edit_again",
  "unpublish",
  "undo_unpublish",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface Edge {
  from: readonly ArticleStatus[];
  capability: Capability;
  /** The state after the transition; `edit_again` depends on who starts the new copy. */
  to: ArticleStatus | ((isDrafter: boolean) => ArticleStatus);
}

/**
 * The transition table: the only ways an article's state changes. Each edge names the
 * capability it needs; ownership and the four-eyes rule come from `can` with the article.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, Edge>> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", capability: "article.submit" },
  withdraw: { from: ["in_review"], to: "draft", capability: "article.withdraw" },
  request_changes: { from: ["in_review"], to: "changes_requested", capability: "article.request_changes" },
  approve: { from: ["in_review"], to: "published", capability: "article.approve" },
  schedule: { from: ["in_review"], to: "scheduled", capability: "article.approve" },
  // A new time is a new approval, so it keeps the four-eyes rule.
  reschedule: { from: ["scheduled"], to: "scheduled", capability: "article.approve" },
  // Stopping a piece from going out is like taking it down: any reviser may; it goes back to
  // review, where it can be edited and approved again.
  cancel_schedule: { from: ["scheduled"], to: "in_review", capability: "article.unpublish" },
  unpublish: { from: ["published", "scheduled"], to: "unpublished", capability: "article.unpublish" },
  // Puts back the version that was live; the transition refuses after a short window or if
  // anything changed since (lib/articles/transitions.ts).
  undo_unpublish: { from: ["unpublished"], to: "published", capability: "article.unpublish" },
  // A drafter continues as a draft; a reviser correcting a live piece works under review.
  edit_again: { from: ["published", "unpublished"], to: (isDrafter) => (isDrafter ? "draft" : "in_review"), capability: "article.edit_own_draft" },
};

/** The state an action leads to from this article's state for this person, or null if not allowed. */
export function nextState(user: CurrentUser | null, article: ArticleFacts, action: WorkflowAction): ArticleStatus | null {
  if (!user) return null;
  const edge = TRANSITIONS[action];
  if (!edge.from.includes(article.status)) return null;
  const isDrafter = article.drafterIds.includes(user.id);
  if (action === "edit_again") {
    // Drafters reopen their own pieces; revisers and admins may reopen anyone's.
    if (!(isDrafter ? can(user, "article.edit_own_draft", article) : can(user, "article.edit_in_review"))) return null;
  } else if (!can(user, edge.capability, article)) {
    return null;
  }
  return typeof edge.to === "function" ? edge.to(isDrafter) : edge.to;
}

/** Every action this person may take on this article now (for the buttons). */
export function availableActions(user: CurrentUser | null, article: ArticleFacts): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => nextState(user, article, action) !== null);
}
