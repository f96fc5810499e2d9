import "server-only";
import { immediate } from "@/db/client";
import { getLiveContent, getRevision, getRevisionAtVersion, listRevisions } from "@/db/queries/articles";
import { lastChangesRequestedVersion } from "@/db/queries/workflow";
import { compareVersions } from "./diff";
import { listMediaByIds } from "@/db/queries/media";
import { listTopics } from "@/db/queries/public";
import { getStaffById } from "@/db/queries/users";
import { bodyMediaIds } from "@/lib/content/render";
import type { CurrentUser } from "@/lib/permissions";
import { canEdit } from "@/lib/workflow";
import { getReadableArticle } from "./editing";

/** Everything the editor page needs, for a person allowed to read the article. */
export async function getEditorPageData(user: CurrentUser, id: number) {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, id);
    const ids = bodyMediaIds(article.body);
    if (article.leadMediaId) ids.push(article.leadMediaId);
    const photos = (await listMediaByIds([...new Set(ids)])).map(({ createdAt: _c, ...p }) => p);
    const drafters: string[] = [];
    for (const d of article.drafterIds) {
      const name = (await getStaffById(d, db))?.name;
      if (name) drafters.push(name);
    }
    return { article, photos, topics: await listTopics(), drafters, readOnly: !canEdit(user, article), live: await getLiveContent(db, id) };
  });
}

/** The history of an article for a person allowed to read it. */
/**
 * The history of an article for a person allowed to read it, with the two revisions to compare:
 * the ones asked for (`a`, `b`) when they belong to the article, else the newest two.
 */
export async function getHistory(user: CurrentUser, id: number, ask: { a?: string; b?: string } = {}) {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, id);
    const revisions = await listRevisions(db, id);
    const pick = (raw: string | undefined, fallback: number | undefined) => (revisions.some((r) => String(r.id) === raw) ? Number(raw) : fallback);
    const b = pick(ask.b, revisions[0]?.id);
    const a = pick(ask.a, revisions[1]?.id ?? revisions[0]?.id);
    const before = a ? await getRevision(db, id, a) : null;
    const after = b ? await getRevision(db, id, b) : null;
    return { article, revisions, canRestore: canEdit(user, article), a, b, before, after };
  });
}

/**
 * What a reviser should look at: the working copy against the live version (a correction of a
 * published piece) or against the text they sent back last time; null on a first submission.
 */
export async function getReviewChanges(user: CurrentUser, id: number) {
  return await immediate(async (db) => {
    const article = await getReadableArticle(db, user, id);
    const live = await getLiveContent(db, id);
    if (live) return { label: "Changes since the live version", sections: compareVersions(live, article) };
    const version = await lastChangesRequestedVersion(db, id);
    const before = version ? await getRevisionAtVersion(db, id, version) : null;
    if (!before) return null;
    return { label: "Changes since changes were requested", sections: compareVersions(before, article) };
  });
}
