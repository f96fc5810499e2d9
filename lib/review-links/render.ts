import "server-only";
import type { Db } from "@/db/client";
import { getLiveContent, type LeadWords, type WorkingCopy } from "@/db/queries/articles";
import { listMediaByIds } from "@/db/queries/media";
import { listTopics } from "@/db/queries/public";
import { getStaffById } from "@/db/queries/users";
import { withLeadWords } from "@/lib/articles/lead";
import { bodyMediaIds, leadAsPlaced, renderBody } from "@/lib/content/render";
import type { MediaInfo } from "@/lib/content/types";
import type { PublicArticle } from "@/lib/public/read";

/** The file keys of the photos one version shows (its body and its lead). */
export function reviewPhotoKeys(content: ReviewContent): Set<string> {
  const ids = bodyMediaIds(content.body);
  if (content.leadMediaId) ids.push(content.leadMediaId);
  return new Set(listMediaByIds([...new Set(ids)]).map((p) => p.fileKey));
}

/** The words and photos of one version: the working copy's, or a revision's. */
export interface ReviewContent extends LeadWords {
  title: string;
  standfirst: string;
  body: unknown;
  leadMediaId: number | null;
  topicIds: number[];
}

/**
 * One version of an article in the exact shape the public article page renders (as the
 * newsroom preview does, lib/articles/preview.ts), with the credits as they would be now.
 */
export function renderReviewContent(db: Db, article: WorkingCopy, content: ReviewContent, mediaBase?: string): { article: PublicArticle; html: string } {
  const ids = bodyMediaIds(content.body);
  if (content.leadMediaId) ids.push(content.leadMediaId);
  const photos = new Map<number, MediaInfo>(listMediaByIds([...new Set(ids)]).map(({ createdAt: _c, ...p }) => [p.id, p]));
  const topicById = new Map(listTopics().map((t) => [t.id, t]));
  const topics = content.topicIds.map((t) => topicById.get(t)).filter((t) => t !== undefined).map((t) => ({ slug: t.slug, name: t.name }));
  const leadPhoto = content.leadMediaId ? photos.get(content.leadMediaId) : undefined;
  const lead = leadAsPlaced(leadPhoto ? withLeadWords(leadPhoto, content) : null, content.body);
  const live = getLiveContent(db, article.id);
  const reviser = live?.reviserId ? (getStaffById(live.reviserId, db)?.name ?? null) : null;
  const drafters = article.drafterIds.map((d) => getStaffById(d, db)?.name).filter((n): n is string => Boolean(n));
  const publishedAt = (live?.publishedAt ?? new Date()).toISOString();
  return {
    article: {
      articleId: article.id,
      slug: article.slug,
      title: content.title || "Untitled draft",
      standfirst: content.standfirst,
      publishedAt,
      updatedAt: live ? new Date().toISOString() : publishedAt,
      lead,
      topic: topics[0] ?? null,
      body: content.body,
      drafters,
      reviser,
      topics,
      views: article.viewCount,
    },
    html: renderBody(content.body, (mediaId) => photos.get(mediaId), { leadMediaId: lead?.id, mediaBase }),
  };
}
