import type { ArticleStatus } from "@/db/schema";
import { can, type ArticleFacts, type CurrentUser } from "@/lib/permissions";

/*
 * Who may move which article to the trash, as a pure rule (unit-tested for every role and state):
 * a drafter their own drafts that never went live; revisers and admins any article that is not
 * live or scheduled. A live piece is unpublished first, so deleting never takes anything off the
 * public site by surprise.
 */

/** What the rule needs beyond the article's state and drafters. */
export interface DeleteFacts extends ArticleFacts {
  isLive: boolean;
  everPublished: boolean;
}

const NEVER_DELETABLE: ReadonlySet<ArticleStatus> = new Set(["published", "scheduled"]);

/** Whether this person may delete this article now. */
export function canDeleteArticle(user: CurrentUser | null, article: DeleteFacts): boolean {
  if (!user || article.isLive || NEVER_DELETABLE.has(article.status)) return false;
  if (can(user, "article.delete", article)) return true;
  return article.status === "draft" && !article.everPublished && can(user, "article.delete_own_draft", article);
}

/** Why a person may not delete, in words for them (null when they may). */
export function deleteRefusal(user: CurrentUser | null, article: DeleteFacts): string | null {
  if (canDeleteArticle(user, article)) return null;
  if (article.isLive || article.status === "published") return "This article is live on the site. Unpublish it first, then delete it.";
  if (article.status === "scheduled") return "This article is scheduled to go live. Unpublish it first, then delete it.";
  return "You may delete only your own drafts that were never published.";
}

/** Whether this person may restore articles from the trash. */
export function canRestoreArticles(user: CurrentUser | null): boolean {
  return can(user, "article.restore");
}
