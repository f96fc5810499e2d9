import "server-only";
import { getDb, immediate, type Db } from "@/db/client";
import { getRevision, getWorkingCopy } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { claimViewLog, countOutsideCommentsSince, getReviewLinkByHash, insertOutsideComment, type ReviewLinkRow } from "@/db/queries/review-links";
import { notify } from "@/db/queries/workflow";
import { AppError } from "@/lib/errors";
import type { PublicArticle } from "@/lib/public/read";
import { renderReviewContent, reviewPhotoKeys } from "./render";
import { hashReviewToken, isReviewTokenShape } from "./token";

/*
 * The public side of a review link: whoever holds the token sees one version of one article
 * and may comment on it, and nothing else. Every way a link can fail (unknown, malformed,
 * expired, revoked, its article deleted) comes back as the same `null`, so the page cannot
 * tell anyone which it was.
 */

/** Openings go to the audit log at most once per link per this window, not once per request. */
export const VIEW_LOG_WINDOW_MS = 3_600_000;
/** Outside comments per link per hour (a source checking quotes needs a handful). */
export const OUTSIDE_COMMENTS_PER_HOUR = 20;
export const OUTSIDE_NAME_MAX = 80;
export const OUTSIDE_COMMENT_MAX = 2000;
export const OUTSIDE_QUOTE_MAX = 500;

/** What the review page shows. */
export interface ReviewPage {
  article: PublicArticle;
  html: string;
  /** Whether it is a fixed version (else the latest working copy). */
  pinned: boolean;
  expiresAt: string;
}

async function validLink(db: Db, token: string, at: Date): Promise<{ link: ReviewLinkRow; article: NonNullable<Awaited<ReturnType<typeof getWorkingCopy>>> } | null> {
  if (!isReviewTokenShape(token)) return null;
  const link = await getReviewLinkByHash(db, hashReviewToken(token));
  if (!link || link.revokedAt || link.expiresAt.getTime() <= at.getTime()) return null;
  const article = await getWorkingCopy(db, link.articleId);
  return article ? { link, article } : null;
}

/** The path an outside review link serves its version's photos under (drafts' photos are not public). */
export const reviewMediaBase = (token: string) => `/review/${encodeURIComponent(token)}/media`;

/** The version a valid link shows, or null. */
async function linkedContent(db: Db, token: string, at: Date) {
  const found = await validLink(db, token, at);
  if (!found) return null;
  const content = found.link.revisionId === null ? found.article : (await getRevision(db, found.article.id, found.link.revisionId))?.revision;
  return content ? { ...found, content } : null;
}

/**
 * Whether a link may show the photo `fileKey`: the link is valid now and its version shows the
 * photo. Any other photo, live or not, is refused as if it did not exist.
 */
export async function reviewLinkShowsPhoto(token: string, fileKey: string, at = new Date()): Promise<boolean> {
  // A read only: a page's photos arrive a dozen at a time and must not queue for the write lock.
  const found = await linkedContent(getDb(), token, at);
  return found !== null && (await reviewPhotoKeys(found.content)).has(fileKey);
}

/** The page behind a token, or null when the link is not valid (for whatever reason). Logs the opening. */
export async function openReviewLink(token: string, at = new Date()): Promise<ReviewPage | null> {
  return await immediate(async (db) => {
    const found = await linkedContent(db, token, at);
    if (!found) return null;
    const { link, article, content } = found;
    if (await claimViewLog(db, link.id, at, new Date(at.getTime() - VIEW_LOG_WINDOW_MS))) {
      await writeAudit(db, { actorId: null, action: "review_link.view", articleId: article.id, details: { linkId: link.id, label: link.label }, at });
    }
    return { ...await renderReviewContent(db, article, content, reviewMediaBase(token)), pinned: link.revisionId !== null, expiresAt: link.expiresAt.toISOString() };
  });
}

/** A comment left through a link, under the name its writer gave. Refused like the page when the link is not valid. */
export async function addOutsideComment(token: string, input: { name: string; body: string; quote?: string }, at = new Date()): Promise<void> {
  const name = input.name.trim();
  const body = input.body.trim();
  const quote = input.quote?.trim() || null;
  if (!name || name.length > OUTSIDE_NAME_MAX) throw new AppError("invalid", "Give your name (up to 80 characters).", { name: ["Give your name."] });
  if (!body || body.length > OUTSIDE_COMMENT_MAX) throw new AppError("invalid", "Write a comment (up to 2,000 characters).", { body: ["Write a comment."] });
  if (quote && quote.length > OUTSIDE_QUOTE_MAX) throw new AppError("invalid", "Quote at most 500 characters.", { quote: ["Quote at most 500 characters."] });
  await immediate(async (db) => {
    const found = await validLink(db, token, at);
    if (!found) throw new AppError("not_found", "This link is not valid.");
    const { link, article } = found;
    if (await countOutsideCommentsSince(db, link.id, new Date(at.getTime() - 3_600_000)) >= OUTSIDE_COMMENTS_PER_HOUR) {
      throw new AppError("throttled", "That is a lot of comments in one hour. Please wait a while, or write to the newsroom directly.");
    }
    const commentId = await insertOutsideComment(db, { articleId: article.id, linkId: link.id, name, body, quote, at });
    await writeAudit(db, { actorId: null, action: "review_link.comment", articleId: article.id, details: { linkId: link.id, commentId, name }, at });
    await notify(db, [...new Set([link.createdBy, ...article.drafterIds])], { articleId: article.id, kind: "comment", message: `${name} left an outside comment on “${article.title || "Untitled draft"}”.`, at });
  });
}
