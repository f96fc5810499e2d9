import type { ArticleStatus } from "@/db/schema";

// Pages and components name the states through lib/, never db/ (see eslint.config.mjs).
export { ARTICLE_STATUSES, type ArticleStatus } from "@/db/schema";

/** How each state is named in the newsroom. */
export const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};
