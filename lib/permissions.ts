import type { ArticleStatus, Role } from "@/db/schema";

/*
 * Roles → capabilities, in one table, and the one decision function every server action, route
 * handler and newsroom read calls. No I/O here, so it is tested exhaustively.
 */

export const CAPABILITIES = [
  "newsroom.enter",
  "profile.edit",
  "article.create",
  "article.edit_own_draft",
  "article.submit",
  "article.withdraw",
  "article.read_all",
  "article.edit_in_review",
  "article.request_changes",
  "article.approve",
  "article.unpublish",
  "article.correct",
  "article.restore",
  "article.delete_own_draft",
  "article.delete",
  "media.upload",
  "comment.create",
  "review_link.manage",
  "topic.manage",
  "assignment.manage",
  "staff.manage",
  "audit.read",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const DRAFTER: readonly Capability[] = [
  "newsroom.enter",
  "profile.edit",
  "article.create",
  "article.edit_own_draft",
  "article.submit",
  "article.withdraw",
  "article.delete_own_draft",
  "media.upload",
  "comment.create",
  "review_link.manage",
];
const REVISER: readonly Capability[] = [
  ...DRAFTER,
  "article.read_all",
  "article.edit_in_review",
  "article.request_changes",
  "article.approve",
  "article.unpublish",
  // Corrections and clarifications of a live article (lib/articles/notes.ts).
  "article.correct",
  "article.delete",
  "topic.manage",
  "assignment.manage",
];
const ADMIN: readonly Capability[] = [...REVISER, "staff.manage", "audit.read", "article.restore"];

/** The capabilities of each role. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, ReadonlySet<Capability>>> = {
  drafter: new Set(DRAFTER),
  reviser: new Set(REVISER),
  admin: new Set(ADMIN),
};

/** The signed-in person as the rest of the app sees them: no secrets. */
export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** What the decision needs to know of an article. */
export interface ArticleFacts {
  status: ArticleStatus;
  drafterIds: readonly number[];
}

// Capabilities that also depend on whose article it is and in which state.
const OWN_ARTICLE_ONLY: ReadonlySet<Capability> = new Set(["article.edit_own_draft", "article.submit", "article.withdraw", "article.delete_own_draft"]);

/**
 * The one authorization decision. `article` is required for article-level questions such as
 * "may this person approve this article": the four-eyes rule and ownership are checked here.
 */
export function can(user: CurrentUser | null, capability: Capability, article?: ArticleFacts): boolean {
  if (!user) return false;
  if (!ROLE_CAPABILITIES[user.role].has(capability)) return false;
  if (!article) return true;
  const isDrafter = article.drafterIds.includes(user.id);
  if (OWN_ARTICLE_ONLY.has(capability)) return isDrafter;
  // Outside review links: drafters for their own pieces; whoever may read every article, for any.
  if (capability === "review_link.manage") return isDrafter || ROLE_CAPABILITIES[user.role].has("article.read_all");
  // Four-eyes: nobody approves, or corrects under review, a piece they drafted.
  if (capability === "article.approve" || capability === "article.request_changes") return !isDrafter;
  return true;
}
