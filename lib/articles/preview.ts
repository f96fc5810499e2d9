import "server-only";
import { getStaffById } from "@/db/queries/users";
import type { MediaInfo } from "@/lib/content/types";
import type { PublicArticle } from "@/lib/public/read";
import type { CurrentUser } from "@/lib/permissions";
import { draftAsPublicArticle } from "./draft-view";
import { getEditorPageData } from "./editor-data";
import { listPreviewNotes } from "./notes";

/**
 * The working copy in the exact shape the public article page renders, through the newsroom's
 * read path (so only people allowed to open the article see it). Credits as they would be now.
 */
export async function getPreview(user: CurrentUser, id: number): Promise<{ article: PublicArticle; html: string }> {
  const data = await getEditorPageData(user, id);
  const { article } = data;
  return await draftAsPublicArticle({
    article,
    content: article,
    // The editor data already holds every photo of the body and the lead.
    photos: new Map<number, MediaInfo>(data.photos.map((p) => [p.id, p])),
    drafters: data.drafters,
    live: data.live ? { reviser: data.live.reviserId ? ((await getStaffById(data.live.reviserId))?.name ?? null) : null, publishedAt: data.live.publishedAt } : null,
    notes: await listPreviewNotes(user, article.id),
  });
}
