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
async function versionPhotos(content: DraftContent): Promise<Map<number, MediaInfo>> {
  const ids = bodyMediaIds(content.body);
  if (content.leadMediaId) ids.push(content.leadMediaId);
  return new Map((await listMediaByIds([...new Set(ids)])).map(({ createdAt: _c, ...p }) => [p.id, p]));
}

/** The file keys of the photos one version shows. */
export async function reviewPhotoKeys(content: DraftContent): Promise<Set<string>> {
  return new Set([...(await versionPhotos(content)).values()].map((p) => p.fileKey));
}

/**
 * One version of an article in the exact shape the public article page renders (as the
 * newsroom preview does), with the credits as they would be now and its photos under `mediaBase`.
 */
export async function renderReviewContent(db: Db, article: WorkingCopy, content: DraftContent, mediaBase?: string): Promise<{ article: PublicArticle; html: string }> {
  const live = await getLiveContent(db, article.id);
  return await draftAsPublicArticle({
    article,
    content,
    photos: await versionPhotos(content),
    drafters: (await Promise.all(article.drafterIds.map((d) => getStaffById(d, db)))).flatMap((s) => (s ? [s.name] : [])),
    live: live ? { reviser: live.reviserId ? ((await getStaffById(live.reviserId, db))?.name ?? null) : null, publishedAt: live.publishedAt } : null,
    mediaBase,
  });
}
