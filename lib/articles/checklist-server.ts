import "server-only";
import { getDb, type Db } from "@/db/client";
import type { LeadWords, WorkingCopy } from "@/db/queries/articles";
import { listLiveSlugs, listTopicSlugs } from "@/db/queries/live-slugs";
import { getMediaDescription } from "@/db/queries/media";
import { siteUrl } from "@/lib/env";
import { blockerReasons, linkedArticleSlugs, runChecklist, type CheckItem } from "./checklist";

/*
 * The checklist on the server: the same rules as the editor's panel, run on the stored working
 * copy with the live slugs read from the database, for the workflow's refusals.
 */

type Checked = Pick<WorkingCopy, "title" | "standfirst" | "body" | "topicIds" | "leadMediaId"> & LeadWords;

/** Whether each of these slugs is live, as the checklist takes it. */
export async function liveSlugMap(db: Db, slugs: readonly string[]): Promise<Map<string, boolean>> {
  const live = await listLiveSlugs(db, slugs);
  return new Map(slugs.map((s) => [s, live.has(s)]));
}

/** The checklist of a working copy as it is stored. */
export async function checkArticle(db: Db, article: Checked): Promise<CheckItem[]> {
  const site = siteUrl();
  const leadAlt = article.leadMediaId === null ? "" : (article.leadAlt ?? (await getMediaDescription(db, article.leadMediaId))?.alt ?? "");
  return runChecklist({ ...article, leadAlt, siteUrl: site, liveSlugs: await liveSlugMap(db, linkedArticleSlugs(article.body, site)), topicSlugs: await listTopicSlugs(db) });
}

/** The sentences saying why the working copy may not go on, or none. */
export async function checklistBlockers(db: Db, article: Checked): Promise<string[]> {
  return blockerReasons(await checkArticle(db, article));
}

/** The live ones among slugs the editor found in a body (no article is named, so none is read). */
export async function findLiveSlugs(slugs: readonly string[]): Promise<string[]> {
  return [...await listLiveSlugs(getDb(), slugs)];
}
