import "server-only";
import { listRecentPublications } from "@/db/queries/feeds";
import { env } from "@/lib/env";
import { escapeXml } from "./rss";
import { absoluteUrl } from "./seo";

/*
 * The Google News sitemap: articles first published in the last 48 hours, with the news:
 * namespace (publication name and language, publication date, title). It is a public page like
 * the others (lib/public/cacheable.ts), refreshed by every publish and, because "the last 48
 * hours" moves with the clock, every ten minutes.
 */

export const NEWS_SITEMAP_WINDOW_MS = 48 * 3600_000;

/** The XML document, as of `now`. */
export async function buildNewsSitemap(now = new Date()): Promise<string> {
  const { MASTHEAD_SITE_NAME: name } = env();
  const entries = await listRecentPublications(new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS));
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(absoluteUrl(`/news/${e.slug}`))}</loc><news:news>` +
      `<news:publication><news:name>${escapeXml(name)}</news:name><news:language>en</news:language></news:publication>` +
      `<news:publication_date>${e.publishedAt}</news:publication_date><news:title>${escapeXml(e.title)}</news:title>` +
      `</news:news></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    "</urlset>",
  ].join("\n");
}
