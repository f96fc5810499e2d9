import "server-only";
import type { Db } from "@/db/client";
import { getLiveContent, type WorkingCopy } from "@/db/queries/articles";
import { listMediaByIds } from "@/db/queries/media";
import { getStaffById } from "@/db/queries/users";
import { draftAsPublicArticle, type DraftContent } from "@/lib/articles/draft-view";
import { bodyMediaIds } from "@/lib/content/render";
import type { MediaInfo } from "@/lib/content/types";
import type { PublicArticle } from "@/lib/public/read";

/** The photos one version shows (its body and its lead), by id. */
function versionPhotos(content: DraftContent): Map<number, MediaInfo> {
  const ids = bodyMediaIds(content.body);
  if (content.leadMediaId) ids.push(content.leadMediaId);
  return new Map(listMediaByIds([...new Set(ids)]).map(({ createdAt: _c, ...p }) => [p.id, p]));
}

/** The file keys of the photos one version shows. */
export function reviewPhotoKeys(content: DraftContent): Set<string> {
  return new Set([...versionPhotos(content).values()].map((p) => p.fileKey));
}

/**
 * One version of an article in the exact shape the public article page renders (as the
 * newsroom preview does), with the credits as they would be now and its photos under `mediaBase`.
 */
export function renderReviewContent(db: Db, article: WorkingCopy, content: DraftContent, mediaBase?: string): { article: PublicArticle; html: string } {
  const live = getLiveContent(db, article.id);
  return draftAsPublicArticle({
    article,
    content,
    photos: versionPhotos(content),
    drafters: article.drafterIds.map((d) => getStaffById(d, db)?.name).filter((n): n is string => Boolean(n)),
    live: live ? { reviser: live.reviserId ? (getStaffById(live.reviserId, db)?.name ?? null) : null, publishedAt: live.publishedAt } : null,
    mediaBase,
  });
}
