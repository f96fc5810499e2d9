import "server-only";
import { immediate } from "@/db/client";
import { getWorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { getTrashedArticle, moveToTrash, restoreFromTrash, wasEverPublished } from "@/db/queries/trash";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { canRead } from "@/lib/workflow";
import { canDeleteArticle, canRestoreArticles, deleteRefusal, type DeleteFacts } from "./delete-rules";

/*
 * Deleting to the trash and restoring from it. Each is one IMMEDIATE transaction with its audit
 * row; the rule is checked again inside it, against the article as it is now.
 */

const NOT_FOUND = "That article does not exist or is not yours to open.";

/** What the editor's Delete control needs: whether this person may delete, and why not. */
export async function getDeleteState(user: CurrentUser, articleId: number): Promise<{ allowed: boolean; reason: string | null }> {
  return await immediate(async (db) => {
    const article = await getWorkingCopy(db, articleId);
    if (!article || !canRead(user, article)) return { allowed: false, reason: null };
    const facts: DeleteFacts = { ...article, everPublished: await wasEverPublished(db, article.id) };
    return { allowed: canDeleteArticle(user, facts), reason: deleteRefusal(user, facts) };
  });
}

/** Moves an article to the trash if this person may; returns its title. */
export async function deleteArticle(user: CurrentUser, articleId: number, at = new Date()): Promise<{ title: string }> {
  return await immediate(async (db) => {
    const article = await getWorkingCopy(db, articleId);
    if (!article || !canRead(user, article)) throw new AppError("not_found", NOT_FOUND);
    const facts: DeleteFacts = { ...article, everPublished: await wasEverPublished(db, article.id) };
    const refusal = deleteRefusal(user, facts);
    if (refusal) throw new AppError("forbidden", refusal);
    if (!await moveToTrash(db, { id: article.id, status: article.status, by: user.id, at })) {
      throw new AppError("conflict", "Someone else acted on this article a moment ago. Reload to see its state.");
    }
    await writeAudit(db, { actorId: user.id, action: "article.delete", articleId: article.id, fromState: article.status, toState: article.status, details: { title: article.title }, at });
    return { title: article.title };
  });
}

/** A deleted article as a person who may read it sees it (its editor says it is in the trash); null otherwise. */
export async function getTrashedArticleFor(user: CurrentUser, articleId: number) {
  return await immediate(async (db) => {
    const row = await getTrashedArticle(db, articleId);
    if (!row || !canRead(user, row)) return null;
    return { ...row, mayRestore: canRestoreArticles(user) };
  });
}

/** Takes an article out of the trash (admins); it comes back in the state it was deleted in. */
export async function restoreArticle(user: CurrentUser, articleId: number, at = new Date()): Promise<{ title: string }> {
  if (!can(user, "article.restore")) throw new AppError("forbidden", "Only admins restore deleted articles.");
  return await immediate(async (db) => {
    const row = await getTrashedArticle(db, articleId);
    if (!row) throw new AppError("not_found", "That article is not in the trash.");
    if (!await restoreFromTrash(db, articleId)) throw new AppError("conflict", "Someone restored this article a moment ago.");
    await writeAudit(db, { actorId: user.id, action: "article.restore_deleted", articleId, fromState: row.status, toState: row.status, details: { title: row.title }, at });
    return { title: row.title };
  });
}
