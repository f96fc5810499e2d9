import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { publications, slugRedirects, topics } from "../tables";

/**
 * Which of these article slugs readers can open now: the slug of a live version, or a former
 * slug that redirects to one. For the checklist's "links to unpublished pages".
 */
export async function listLiveSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  const live = new Set<string>();
  const unique = [...new Set(slugs)];
  // Well under SQLite's bound-parameter limit per query.
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const row of await db.select({ slug: publications.slug }).from(publications).where(inArray(publications.slug, chunk))) live.add(row.slug);
    const redirected = await db
          .select({ slug: slugRedirects.slug })
          .from(slugRedirects)
          .innerJoin(publications, eq(publications.articleId, slugRedirects.articleId))
          .where(inArray(slugRedirects.slug, chunk));
    for (const row of redirected) live.add(row.slug);
  }
  return live;
}

/** The slugs of every topic (the site's /topics/<slug> pages), for the checklist's links. */
export async function listTopicSlugs(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ slug: topics.slug }).from(topics)).map((t) => t.slug));
}
