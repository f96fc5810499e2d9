import "server-only";
import { listTopics } from "@/db/queries/public";
import { getStaffById } from "@/db/queries/users";
import { leadAsPlaced, renderBody } from "@/lib/content/render";
import type { MediaInfo } from "@/lib/content/types";
import type { PublicArticle } from "@/lib/public/read";
import type { CurrentUser } from "@/lib/permissions";
import { getEditorPageData } from "./editor-data";
import { withLeadWords } from "./lead";
import { listPreviewNotes } from "./notes";

/**
 * The working copy in the exact shape the public article page renders, through the newsroom's
 * read path (so only people allowed to open the article see it). Credits as they would be now.
 */
export function getPreview(user: CurrentUser, id: number): { article: PublicArticle; html: string } {
  const data = getEditorPageData(user, id);
  const { article } = data;
  // The editor data already holds every photo of the body and the lead.
  const photos = new Map<number, MediaInfo>(data.photos.map((p) => [p.id, p]));
  const topicById = new Map(listTopics().map((t) => [t.id, t]));
  const topics = article.topicIds.map((t) => topicById.get(t)).filter((t) => t !== undefined).map((t) => ({ slug: t.slug, name: t.name }));
  // As on the public page (lib/public/read.ts): the lead once, with its words from the body.
  // The lead's words are this working copy's (the live page keeps the approved ones).
  const leadPhoto = data.photos.find((p) => p.id === article.leadMediaId);
  const lead = leadAsPlaced(leadPhoto ? withLeadWords(leadPhoto, article) : null, article.body);
  const reviser = data.live?.reviserId ? (getStaffById(data.live.reviserId)?.name ?? null) : null;
  const publishedAt = (data.live?.publishedAt ?? new Date()).toISOString();
  return {
    article: {
      articleId: article.id,
      slug: article.slug,
      title: article.title || "Untitled draft",
      standfirst: article.standfirst,
      publishedAt,
      updatedAt: data.live ? new Date().toISOString() : publishedAt,
      lead,
      topic: topics[0] ?? null,
      body: article.body,
      drafters: data.drafters,
      reviser,
      topics,
      views: article.viewCount,
      notes: listPreviewNotes(user, article.id),
    },
    html: renderBody(article.body, (mediaId) => photos.get(mediaId), { leadMediaId: lead?.id }),
  };
}
