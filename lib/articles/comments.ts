import "server-only";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { insertComment, listComments, notify, setCommentResolved } from "@/db/queries/workflow";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { getReadableArticle } from "./editing";

/** Review comments: on the whole piece or anchored to a passage (by a mark in the body). */
export function addComment(user: CurrentUser, input: { articleId: number; body: string; parentId?: number; anchorId?: string; quote?: string }) {
  if (!can(user, "comment.create")) throw new AppError("forbidden", "You cannot comment.");
  return immediate((db) => {
    const article = getReadableArticle(db, user, input.articleId);
    if (input.parentId && !listComments(db, article.id).some((c) => c.id === input.parentId && c.parentId === null)) {
      throw new AppError("not_found", "That comment does not exist.");
    }
    const at = new Date();
    const id = insertComment(db, { articleId: article.id, authorId: user.id, body: input.body, parentId: input.parentId, anchorId: input.anchorId, quote: input.quote, at });
    writeAudit(db, { actorId: user.id, action: input.parentId ? "comment.reply" : "comment.add", articleId: article.id, details: { commentId: id }, at });
    const others = article.drafterIds.filter((d) => d !== user.id);
    notify(db, others, { articleId: article.id, kind: "comment", message: `${user.name} commented on “${article.title}”.`, at });
    return id;
  });
}

/** Resolves or reopens a top-level comment. */
export function resolveComment(user: CurrentUser, input: { articleId: number; commentId: number; resolved: boolean }) {
  if (!can(user, "comment.create")) throw new AppError("forbidden", "You cannot change comments.");
  immediate((db) => {
    getReadableArticle(db, user, input.articleId);
    const at = new Date();
    if (!setCommentResolved(db, input.articleId, input.commentId, input.resolved ? user.id : null, input.resolved ? at : null)) {
      throw new AppError("not_found", "That comment does not exist.");
    }
    writeAudit(db, { actorId: user.id, action: input.resolved ? "comment.resolve" : "comment.reopen", articleId: input.articleId, details: { commentId: input.commentId }, at });
  });
}

/** The comments of an article for someone allowed to read it. */
export function getComments(user: CurrentUser, articleId: number) {
  return immediate((db) => {
    getReadableArticle(db, user, articleId);
    return listComments(db, articleId).map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), resolvedAt: c.resolvedAt?.toISOString() ?? null }));
  });
}
