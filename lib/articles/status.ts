import type { ArticleStatus } from "@/db/schema";

/** How each state is named in the newsroom. */
export const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};
