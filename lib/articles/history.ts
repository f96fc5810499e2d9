import "server-only";
import { immediate } from "@/db/client";
import { getLiveContent, getRevisionAtVersion } from "@/db/queries/articles";
import { getLastGoLive } from "@/db/queries/comments";
import { listMediaByIds } from "@/db/queries/media";
import { bodyMediaIds } from "@/lib/content/render";
import type { CurrentUser } from "@/lib/permissions";
import { getHistory } from "./editor-data";
import { compareVersions } from "./diff";

/**
 * The history page: the revisions (the live one marked, with when it went live), and the two
 * chosen ones compared block by block, with what is known of their photos.
 */
export async function getHistoryView(user: CurrentUser, id: number, ask: { a?: string; b?: string } = {}) {
  const history = await getHistory(user, id, ask); // checks that this person may read the article
  const live = await immediate(async (db) => {
    if (!await getLiveContent(db, id)) return null;
    const went = await getLastGoLive(db, id);
    const revision = went ? await getRevisionAtVersion(db, id, went.version) : null;
    return revision && went ? { revisionId: revision.id, since: went.at } : null;
  });
  const { before, after } = history;
  const ids = [...new Set([...(before ? bodyMediaIds(before.revision.body) : []), ...(after ? bodyMediaIds(after.revision.body) : [])])];
  const photos = Object.fromEntries((await listMediaByIds(ids)).map((p) => [p.id, { fileKey: p.fileKey, credit: p.credit }]));
  const sections = before && after ? compareVersions(before.revision, after.revision) : null;
  return { ...history, live, photos, sections };
}
