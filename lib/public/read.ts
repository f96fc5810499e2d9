import "server-only";
import { unstable_cache } from "next/cache";
import * as q from "@/db/queries/public";
import { cacheTags } from "@/lib/cache-tags";
import { bodyMediaIds, leadAsPlaced, renderBody } from "@/lib/content/render";
import type { MediaInfo } from "@/lib/content/types";
import { paginate, type Page } from "@/lib/pagination";
import { selectHomePage } from "./home";

/*
 * What the public pages read. Every function is cached in memory under the tags of
 * lib/cache-tags.ts, so readers never cause a database query once a page has been read;
 * publishing invalidates the tags and the next visit renders fresh data.
 */

export type { PublicArticle, PublicCard, PublicPhoto, PublicTopicRef } from "@/db/queries/public";

export const NEWS_PER_PAGE = 12;
/** How stale the view count on an article page may be, in seconds. */
export const VIEW_COUNT_MAX_AGE = 300;

export interface TopicSummary {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export interface Listing {
  page: Page;
  cards: q.PublicCard[];
}

/** Every topic, in menu order. */
export const listTopics = unstable_cache(async (): Promise<TopicSummary[]> => await q.listTopics(), ["topics-v1"], {
  tags: [cacheTags.topics],
});

/** The home page: the lead story, the latest news and a section per topic, no article twice. */
export const getHomePage = unstable_cache(async () => await selectHomePage(), ["home-v2"], {
  tags: [cacheTags.articles, cacheTags.topics],
});

/** One page of /news; null when the page number lies past the end. */
export const getNewsPage = unstable_cache(
  async (pageNumber: number): Promise<Listing | null> => {
    const page = paginate(await q.countPublished(), pageNumber, NEWS_PER_PAGE);
    if (!page) return null;
    return { page, cards: await q.listPublishedCards(page.perPage, page.offset) };
  },
  ["news-page-v1"],
  { tags: [cacheTags.articles] },
);

/** One page of a topic; null when the topic does not exist or the page lies past the end. */
export async function getTopicPage(slug: string, pageNumber: number) {
  return unstable_cache(
    async () => {
      const topic = await q.getTopicBySlug(slug);
      if (!topic) return null;
      const page = paginate(await q.countTopicPublished(topic.id), pageNumber, NEWS_PER_PAGE);
      if (!page) return null;
      return { topic, page, cards: await q.listTopicCards(topic.id, page.perPage, page.offset) };
    },
    ["topic-page-v1", slug, String(pageNumber)],
    { tags: [cacheTags.topics, cacheTags.topic(slug)] },
  )();
}

export type ArticlePage =
  | { kind: "article"; article: q.PublicArticle; html: string; countedAt: string }
  | { kind: "redirect"; slug: string }
  | null;

/** A live article with its body rendered, a redirect for a former slug, or null. */
export async function getArticlePage(slug: string): Promise<ArticlePage> {
  return unstable_cache(
    async (): Promise<ArticlePage> => {
      const article = await q.getPublishedArticle(slug);
      if (!article) {
        const target = await q.getRedirectTarget(slug);
        return target ? { kind: "redirect", slug: target } : null;
      }
      const photos = new Map<number, MediaInfo>((await q.listPhotos(bodyMediaIds(article.body))).map((p) => [p.id, p]));
      // The lead is shown once, above the body, even when the body also places it.
      const lead = leadAsPlaced(article.lead, article.body);
      const html = renderBody(article.body, (id) => photos.get(id), { leadMediaId: lead?.id });
      // When the view count was read: the page says how fresh its "Views:" line is.
      return { kind: "article", article: { ...article, lead }, html, countedAt: new Date().toISOString() };
    },
    ["article-page-v1", slug],
    { tags: [cacheTags.articleSlug(slug), cacheTags.people], revalidate: VIEW_COUNT_MAX_AGE },
  )();
}

/** Other live articles from the article's first topic. */
export async function listRelated(articleId: number, topicSlug: string): Promise<q.PublicCard[]> {
  return unstable_cache(
    async () => await q.listRelatedCards(articleId, topicSlug, 3),
    ["related-v1", String(articleId), topicSlug],
    { tags: [cacheTags.topic(topicSlug)] },
  )();
}
