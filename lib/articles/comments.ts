import "server-only";
import { immediate, type Db } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { insertTextAnchoredComment, listCommentRows } from "@/db/queries/comments";
import { notify, setCommentResolved } from "@/db/queries/workflow";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { getReadableArticle } from "./editing";

/*
 * Review comments: on the whole piece or on a passage. A passage is kept as its quoted text with
 * a little context either side, outside the body: commenting is reading, not editing, so it
 * writes no revision, changes no version (nobody typing meanwhile gets a conflict) and never
 * touches the credits. The editor finds the passage again by its text and highlights it.
 */

/** A comment as the editor shows it (dates as ISO strings). */
export interface CommentView {
  id: number;
  parentId: number | null;
  body: string;
  quote: string | null;
  anchorId: string | null;
  anchorPrefix: string | null;
  anchorSuffix: string | null;
  author: string;
  /** Written through an outside review link by someone without an account (`author` is the name they gave). */
  outside: boolean;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface NewComment {
  articleId: number;
  body: string;
  parentId?: number;
  quote?: string;
  anchorPrefix?: string;
  anchorSuffix?: string;
}

async function views(db: Db, articleId: number): Promise<CommentView[]> {
  return (await listCommentRows(db, articleId)).map((c) => ({
    id: c.id,
    parentId: c.parentId,
    body: c.body,
    quote: c.quote,
    anchorId: c.anchorId,
    anchorPrefix: c.anchorPrefix,
    anchorSuffix: c.anchorSuffix,
    author: c.author,
    outside: Boolean(c.outside),
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedBy: c.resolvedBy,
  }));
}

/** Adds a comment (a reply when `parentId` names a thread); returns its id and the article's comments now. */
export async function addComment(user: CurrentUser, input: NewComment) {
  if (!can(user, "comment.create")) throw new AppError("forbidden", "You cannot comment.");
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, input.articleId);
    const existing = await views(db, article.id);
    if (input.parentId && !existing.some((c) => c.id === input.parentId && c.parentId === null)) {
      throw new AppError("not_found", "That comment does not exist.");
    }
    // A reply belongs to its thread's passage, not one of its own.
    const quote = input.parentId ? null : input.quote?.trim() ? input.quote : null;
    const at = new Date();
    const id = await insertTextAnchoredComment(db, { articleId: article.id, authorId: user.id, body: input.body, parentId: input.parentId, quote, prefix: input.anchorPrefix, suffix: input.anchorSuffix, at });
    await writeAudit(db, { actorId: user.id, action: input.parentId ? "comment.reply" : "comment.add", articleId: article.id, details: { commentId: id }, at });
    const others = article.drafterIds.filter((d) => d !== user.id);
    await notify(db, others, { articleId: article.id, kind: "comment", message: `${user.name} commented on “${article.title}”.`, at });
    return { id, comments: await views(db, article.id) };
  });
}

/** Resolves or reopens a top-level comment; returns the article's comments now. */
export async function resolveComment(user: CurrentUser, input: { articleId: number; commentId: number; resolved: boolean }) {
  if (!can(user, "comment.create")) throw new AppError("forbidden", "You cannot change comments.");
  return await immediate(async (db) => {
    await getReadableArticle(db, user, input.articleId);
    const at = new Date();
    if (!await setCommentResolved(db, input.articleId, input.commentId, input.resolved ? user.id : null, input.resolved ? at : null)) {
      throw new AppError("not_found", "That comment does not exist.");
    }
    await writeAudit(db, { actorId: user.id, action: input.resolved ? "comment.resolve" : "comment.reopen", articleId: input.articleId, details: { commentId: input.commentId }, at });
    return await views(db, input.articleId);
  });
}

/** The comments of an article for someone allowed to read it. */
export async function getComments(user: CurrentUser, articleId: number): Promise<CommentView[]> {
  return await immediate(async (db) => {
    await getReadableArticle(db, user, articleId);
    return await views(db, articleId);
  });
}
