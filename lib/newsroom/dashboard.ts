import "server-only";
import { immediate } from "@/db/client";
import { listRecentlyPublished, listScopedArticles, type ArticleScope } from "@/db/queries/newsroom";
import { listLatePublications, listNotifications, listScheduled } from "@/db/queries/workflow";
import { can, type CurrentUser } from "@/lib/permissions";

/** The newsroom read scope of a person: revisers and admins see all, drafters their own. */
export function articleScope(user: CurrentUser): ArticleScope {
  return can(user, "article.read_all") ? { kind: "all" } : { kind: "drafter", userId: user.id };
}

/** What the dashboard shows this person. */
export async function getDashboard(user: CurrentUser) {
  const mine = await listScopedArticles({ kind: "drafter", userId: user.id }, ["draft", "changes_requested", "in_review"], "newest");
  const waiting = can(user, "article.approve")
    ? (await listScopedArticles(articleScope(user), ["in_review"], "oldest")).filter((a) => !mine.some((m) => m.id === a.id))
    : [];
  return await immediate(async (db) => ({
    mine,
    waiting,
    published: await listRecentlyPublished(),
    scheduled: can(user, "article.read_all") ? await listScheduled(db) : [],
    late: can(user, "article.read_all") ? await listLatePublications(db, new Date(Date.now() - 7 * 86_400_000)) : [],
    notifications: await listNotifications(db, user.id),
  }));
}
