import "server-only";
import { unstable_cache } from "next/cache";
import { listFeedEntries, listSitemapArticles, listSitemapTopics, type FeedEntry } from "@/db/queries/feeds";
import { getTopicBySlug } from "@/db/queries/public";
import { escapeHtml } from "@/lib/content/render";
import { cacheTags } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { variantSize } from "@/lib/media/store";
import { notesHtml } from "./notes";
import { renderRss } from "./rss";
import { absoluteUrl, shareImage } from "./seo";

/*
 * RSS 2.0 feeds (written by ./rss.ts, which escapes every text as XML data) and the
 * sitemap's data. Cached under `articles` (and the topic's tag), so publishing refreshes them.
 */

export const FEED_SIZE = 20;

export interface FeedChannel {
  title: string;
  description: string;
  /** Path of the page the feed mirrors, e.g. "/" or "/topics/research". */
  pagePath: string;
  /** Path of the feed itself. */
  feedPath: string;
}

/**
 * The byte length of each entry's enclosed photo (the JPEG size `shareImage` names), by file
 * key. Sizes are made on first request by the media route; making them here, once, through the
 * same store means the feed states the length of exactly the bytes that URL serves.
 */
export async function enclosureLengths(entries: FeedEntry[]): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  for (const entry of entries) {
    if (!entry.lead || lengths.has(entry.lead.fileKey)) continue;
    const { width } = shareImage(entry.lead);
    // One at a time: a feed's first build after a deploy must not take every image thread.
    const size = await variantSize(entry.lead.fileKey, width, "jpg");
    if (size !== null) lengths.set(entry.lead.fileKey, size);
  }
  return lengths;
}

/**
 * The RSS 2.0 document for a channel and its entries. An enclosure is written only when its
 * length is known (`lengths`, from enclosureLengths): RSS requires the true byte length.
 */
export function buildRss(channel: FeedChannel, entries: FeedEntry[], lengths: ReadonlyMap<string, number> = new Map()): string {
  const { MASTHEAD_SITE_NAME: siteName } = env();
  const newest = entries.map((e) => e.updatedAt).sort().pop();
  return renderRss(
    {
      title: channel.title,
      description: channel.description,
      link: absoluteUrl(channel.pagePath),
      selfLink: absoluteUrl(channel.feedPath),
      language: "en",
      copyright: `© ${siteName}`,
      lastBuildDate: newest ? new Date(newest) : new Date(0),
      generator: siteName,
      ttlMinutes: 15,
    },
    entries.map((entry) => {
      const url = absoluteUrl(`/news/${entry.slug}`);
      const image = entry.lead ? shareImage(entry.lead) : null;
      const notes = notesHtml(entry.notes ?? []);
      return {
        title: entry.title,
        link: url,
        guid: url,
        // Feed readers show an item's description as HTML: the standfirst goes in as HTML text,
        // and corrections after it, so a reader of the feed learns of them too.
        description: notes ? `<p>${escapeHtml(entry.standfirst)}</p>${notes}` : escapeHtml(entry.standfirst),
        // The summary as HTML with the lead photo, for readers that show content:encoded.
        contentHtml:
          (image ? `<p><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}"></p>` : "") +
          `<p>${escapeHtml(entry.standfirst)}</p>` +
          notes,
        pubDate: new Date(entry.publishedAt),
        categories: entry.topics,
        // RSS's <author> wants an e-mail address; names go in dc:creator, as most news feeds do.
        creators: entry.authors,
        enclosure: image && entry.lead && lengths.has(entry.lead.fileKey) ? { url: image.url, type: "image/jpeg", length: lengths.get(entry.lead.fileKey)! } : undefined,
      };
    }),
  );
}

/** The site-wide feed's XML. */
export const getSiteFeed = unstable_cache(
  async (): Promise<string> => {
    const { MASTHEAD_SITE_NAME: siteName, MASTHEAD_SITE_DESCRIPTION: description } = env();
    const entries = await listFeedEntries(FEED_SIZE);
    return buildRss({ title: siteName, description, pagePath: "/", feedPath: "/feed.xml" }, entries, await enclosureLengths(entries));
  },
  ["site-feed-v1"],
  { tags: [cacheTags.articles, cacheTags.people] },
);

/** A topic's feed XML, or null when there is no such topic. */
export async function getTopicFeed(slug: string): Promise<string | null> {
  return unstable_cache(
    async () => {
      const topic = await getTopicBySlug(slug);
      if (!topic) return null;
      const { MASTHEAD_SITE_NAME: siteName } = env();
      const entries = await listFeedEntries(FEED_SIZE, topic.id);
      return buildRss(
        {
          title: `${topic.name} — ${siteName}`,
          description: topic.description || `News about ${topic.name} from ${siteName}.`,
          pagePath: `/topics/${topic.slug}`,
          feedPath: `/topics/${topic.slug}/feed.xml`,
        },
        entries,
        await enclosureLengths(entries),
      );
    },
    ["topic-feed-v1", slug],
    { tags: [cacheTags.articles, cacheTags.topics, cacheTags.topic(slug), cacheTags.people] },
  )();
}

/** What the sitemap lists: every live article and every topic, with last-modified dates. */
export const getSitemapData = unstable_cache(
  async () => ({ articles: await listSitemapArticles(), topics: await listSitemapTopics() }),
  ["sitemap-v1"],
  { tags: [cacheTags.articles, cacheTags.topics] },
);
