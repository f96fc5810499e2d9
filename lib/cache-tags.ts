/*
 * Every cache tag the public site uses is built here, so a write can name exactly what it
 * invalidates. Lists (home, /news, feeds, sitemap, search) share `articles`; a page for one
 * article is tagged by slug so that a 404 cached for a not-yet-live slug is refreshed too.
 */
export const cacheTags = {
  /** Any list of live articles: home, /news, topic pages, related lists. */
  articles: "articles",
  /** The topic list (navigation, home sections). */
  topics: "topics",
  /** One topic's pages. */
  topic: (slug: string) => `topic:${slug}`,
  /** Staff names shown in credits. */
  people: "people",
  /** One article page, by the slug in its URL. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  /** One photograph's sizes (public only while a live article shows it). */
  media: (fileKey: string) => `media:${fileKey}`,
  /** Files of the build (scripts, styles, fonts, icons): never purged, replaced by a new build. */
  static: "static",
  /** Pages that depend on no content, like robots.txt. */
  site: "site",
} as const;

/**
 * Tags to invalidate when a live article appears, changes or disappears: its pages (every slug
 * it has had), its topics, every list, and the photos it showed or shows (a photo is public
 * only while a live article shows it).
 */
export function tagsForArticleChange(input: { slugs: string[]; topicSlugs: string[]; mediaKeys?: string[] }): string[] {
  return [
    cacheTags.articles,
    ...input.slugs.map(cacheTags.articleSlug),
    ...input.topicSlugs.map(cacheTags.topic),
    ...(input.mediaKeys ?? []).map(cacheTags.media),
  ];
}
