import "server-only";
import type { LeadWords } from "@/db/queries/articles";
import { listTopics } from "@/db/queries/public";
import { leadAsPlaced, renderBody } from "@/lib/content/render";
import type { MediaInfo } from "@/lib/content/types";
import type { PublicArticle } from "@/lib/public/read";
import { withLeadWords } from "./lead";

/** The words of one version of an article: the working copy's, or a revision's. */
export interface DraftContent extends LeadWords {
  title: string;
  standfirst: string;
  body: unknown;
  leadMediaId: number | null;
  topicIds: number[];
}

interface DraftView {
  article: { id: number; slug: string; viewCount: number };
  content: DraftContent;
  /** Every photo the body and the lead show, by id. */
  photos: ReadonlyMap<number, MediaInfo>;
  drafters: string[];
  /** The live version's reviser and first publication, when it has one. */
  live: { reviser: string | null; publishedAt: Date } | null;
  notes?: PublicArticle["notes"];
  /** Where the photos are served from (an outside review link serves its own). */
  mediaBase?: string;
}

/**
 * A version that is not live, in the exact shape the public article page renders (the
 * newsroom's preview and outside review links): credits as they would be now, the lead once
 * with this version's words, as on the public page (lib/public/read.ts).
 */
export async function draftAsPublicArticle({ article, content, photos, drafters, live, notes, mediaBase }: DraftView): Promise<{ article: PublicArticle; html: string }> {
  const topicById = new Map((await listTopics()).map((t) => [t.id, t]));
  const topics = content.topicIds.map((t) => topicById.get(t)).filter((t) => t !== undefined).map((t) => ({ slug: t.slug, name: t.name }));
  const leadPhoto = content.leadMediaId ? photos.get(content.leadMediaId) : undefined;
  const lead = leadAsPlaced(leadPhoto ? withLeadWords(leadPhoto, content) : null, content.body);
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
      reviser: live?.reviser ?? null,
      topics,
      views: article.viewCount,
      ...(notes ? { notes } : {}),
    },
    html: renderBody(content.body, (mediaId) => photos.get(mediaId), { leadMediaId: lead?.id, mediaBase }),
  };
}
