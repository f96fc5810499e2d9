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
export function getEditorPageData(user: CurrentUser, id: number) {
  return immediate((db) => {
    const article = getReadableArticle(db, user, id);
    const ids = bodyMediaIds(article.body);
    if (article.leadMediaId) ids.push(article.leadMediaId);
    const photos = listMediaByIds([...new Set(ids)]).map(({ createdAt: _c, ...p }) => p);
    const drafters = article.drafterIds.map((d) => getStaffById(d, db)?.name).filter((n): n is string => Boolean(n));
    return { article, photos, topics: listTopics(), drafters, readOnly: !canEdit(user, article), live: getLiveContent(db, id) };
  });
}

/** The history of an article for a person allowed to read it. */
/**
 * The history of an article for a person allowed to read it, with the two revisions to compare:
 * the ones asked for (`a`, `b`) when they belong to the article, else the newest two.
 */
export function getHistory(user: CurrentUser, id: number, ask: { a?: string; b?: string } = {}) {
  return immediate((db) => {
    const article = getReadableArticle(db, user, id);
    const revisions = listRevisions(db, id);
    const pick = (raw: string | undefined, fallback: number | undefined) => (revisions.some((r) => String(r.id) === raw) ? Number(raw) : fallback);
    const b = pick(ask.b, revisions[0]?.id);
    const a = pick(ask.a, revisions[1]?.id ?? revisions[0]?.id);
    const before = a ? getRevision(db, id, a) : null;
    const after = b ? getRevision(db, id, b) : null;
    return { article, revisions, canRestore: canEdit(user, article), a, b, before, after };
  });
}

/**
 * What a reviser should look at: the working copy against the live version (a correction of a
 * published piece) or against the text they sent back last time; null on a first submission.
 */
export function getReviewChanges(user: CurrentUser, id: number) {
  return immediate((db) => {
    const article = getReadableArticle(db, user, id);
    const live = getLiveContent(db, id);
    if (live) return { label: "Changes since the live version", sections: compareVersions(live, article) };
    const version = lastChangesRequestedVersion(db, id);
    const before = version ? getRevisionAtVersion(db, id, version) : null;
    if (!before) return null;
    return { label: "Changes since changes were requested", sections: compareVersions(before, article) };
  });
}
