import "server-only";
import { immediate, type Db } from "@/db/client";
import { getRevisionAtVersion } from "@/db/queries/articles";
import { writeAudit } from "@/db/queries/audit";
import { insertReviewLink, listReviewLinkRows, revokeReviewLinkRow } from "@/db/queries/review-links";
import { getReadableArticle } from "@/lib/articles/editing";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can, type CurrentUser } from "@/lib/permissions";
import { hashReviewToken, newReviewToken } from "./token";

/*
 * Making, listing and revoking outside review links, for staff. Who may: `review_link.manage`
 * on the article (its drafters; revisers and admins for any), checked here, in the data layer,
 * whatever called it. Each creation and revocation is one transaction with its audit row.
 */

/** The expiry choices, in days; 7 unless chosen otherwise. */
export const REVIEW_LINK_DAYS = [1, 3, 7, 14] as const;
export const DEFAULT_REVIEW_LINK_DAYS = 7;
export type ReviewLinkMode = "version" | "latest";

const DAY_MS = 24 * 3_600_000;

/** A link as the editor's panel shows it (dates as ISO strings; never the token). */
export interface ReviewLinkView {
  id: number;
  label: string;
  mode: ReviewLinkMode;
  /** The version a pinned link shows. */
  version: number | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: "active" | "expired" | "revoked";
  comments: number;
}

async function manageableArticle(db: Db, user: CurrentUser, articleId: number) {
  const article = await getReadableArticle(db, user, articleId);
  if (!can(user, "review_link.manage", article)) throw new AppError("forbidden", "Only the article's drafters, revisers and admins can make review links for it.");
  return article;
}

/** Whether this person may make and revoke review links for this article (the panel asks). */
export async function mayManageReviewLinks(user: CurrentUser, articleId: number): Promise<boolean> {
  try {
    await immediate(async (db) => await manageableArticle(db, user, articleId));
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a link to an article's working copy: pinned to the version saved now, or following
 * the latest working copy. Returns the URL with the token; only its hash is kept.
 */
export async function createReviewLink(user: CurrentUser, input: { articleId: number; days: number; mode: ReviewLinkMode; label: string }, at = new Date()) {
  if (!(REVIEW_LINK_DAYS as readonly number[]).includes(input.days)) throw new AppError("invalid", "Choose how long the link works: 1, 3, 7 or 14 days.", { days: ["Choose 1, 3, 7 or 14 days."] });
  const token = newReviewToken();
  const id = await immediate(async (db) => {
    const article = await manageableArticle(db, user, input.articleId);
    const revision = input.mode === "version" ? await getRevisionAtVersion(db, article.id, article.version) : null;
    if (input.mode === "version" && !revision) throw new AppError("invalid", "Save the article once before making a link to this version.");
    const expiresAt = new Date(at.getTime() + input.days * DAY_MS);
    const label = input.label.trim();
    const linkId = await insertReviewLink(db, { articleId: article.id, tokenHash: hashReviewToken(token), label, revisionId: revision?.id ?? null, createdBy: user.id, at, expiresAt });
    await writeAudit(db, { actorId: user.id, action: "review_link.create", articleId: article.id, details: { linkId, label, mode: input.mode, version: revision ? article.version : null, expiresAt: expiresAt.toISOString() }, at });
    return linkId;
  });
  return { id, url: `${siteUrl()}/review/${token}` };
}

/** Revokes a link at once; refused when it is not this article's or already revoked. */
export async function revokeReviewLink(user: CurrentUser, input: { articleId: number; linkId: number }, at = new Date()): Promise<void> {
  await immediate(async (db) => {
    const article = await manageableArticle(db, user, input.articleId);
    if (!await revokeReviewLinkRow(db, { articleId: article.id, linkId: input.linkId, by: user.id, at })) throw new AppError("not_found", "That link does not exist or was already revoked.");
    await writeAudit(db, { actorId: user.id, action: "review_link.revoke", articleId: article.id, details: { linkId: input.linkId }, at });
  });
}

/** An article's review links, newest first, for someone who may manage them. */
export async function listReviewLinks(user: CurrentUser, articleId: number, now = new Date()): Promise<ReviewLinkView[]> {
  return await immediate(async (db) => {
    await manageableArticle(db, user, articleId);
    return (await listReviewLinkRows(db, articleId)).map((l) => {
      return {
        id: l.id,
        label: l.label,
        mode: l.revisionId === null ? "latest" : "version",
        version: l.version,
        createdBy: l.createdBy,
        createdAt: l.createdAt.toISOString(),
        expiresAt: l.expiresAt.toISOString(),
        revokedAt: l.revokedAt?.toISOString() ?? null,
        revokedBy: l.revokedBy,
        state: l.revokedAt ? "revoked" : l.expiresAt.getTime() <= now.getTime() ? "expired" : "active",
        comments: l.comments,
      };
    });
  });
}
