import "server-only";
import type { Metadata } from "next";
import { env, siteUrl } from "@/lib/env";
import { mediaUrl, widthsFor } from "@/lib/media-urls";
import { NOTE_LABEL } from "./notes";
import type { PublicArticle, PublicPhoto } from "./read";

/*
 * Metadata of public pages, built in one place: title, description, canonical URL, Open Graph
 * and Twitter cards, the RSS alternates, and the JSON-LD of articles. URLs are absolute, from
 * MASTHEAD_SITE_URL, so shared links and feeds point at the public host.
 */

/** An absolute URL on the public site. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The photo as an absolute JPEG URL for cards and feeds (1280 px wide at most). */
export function shareImage(photo: PublicPhoto) {
  const width = widthsFor(photo.width).filter((w) => w <= 1280).pop() ?? 320;
  const height = Math.round((photo.height * width) / photo.width);
  return { url: absoluteUrl(mediaUrl(photo.fileKey, width, "jpg")), width, height, alt: photo.alt };
}

export interface PageMetaInput {
  /** The page's own title; the layout template appends the site's name. */
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. "/news?page=2". */
  path: string;
  image?: PublicPhoto | null;
  /** Per-topic feed, when the page has one besides the site-wide feed. */
  topicFeed?: { slug: string; name: string };
  type?: "website" | "article";
  article?: { publishedAt: string; updatedAt: string; authors: string[]; section?: string };
  noindex?: boolean;
}

/** Metadata for a public page: canonical URL, Open Graph, Twitter card and RSS alternates. */
export function pageMetadata(input: PageMetaInput): Metadata {
  const { MASTHEAD_SITE_NAME: siteName, MASTHEAD_SITE_DESCRIPTION: siteDescription } = env();
  const description = input.description?.trim() || siteDescription;
  const image = input.image ? shareImage(input.image) : null;
  const feeds = [{ url: "/feed.xml", title: `${siteName} — latest news` }];
  if (input.topicFeed) feeds.push({ url: `/topics/${input.topicFeed.slug}/feed.xml`, title: `${siteName} — ${input.topicFeed.name}` });
  const ogTitle = input.title === siteName ? siteName : `${input.title} — ${siteName}`;
  return {
    title: input.title === siteName ? { absolute: siteName } : input.title,
    description,
    alternates: { canonical: input.path, types: { "application/rss+xml": feeds } },
    robots: input.noindex ? { index: false, follow: true } : undefined,
    openGraph: {
      type: input.type ?? "website",
      siteName,
      locale: "en_US",
      title: ogTitle,
      description,
      url: input.path,
      images: image ? [image] : undefined,
      ...(input.article
        ? {
            publishedTime: input.article.publishedAt,
            modifiedTime: input.article.updatedAt,
            authors: input.article.authors,
            section: input.article.section,
          }
        : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: ogTitle,
      description,
      images: image ? [{ url: image.url, alt: image.alt }] : undefined,
    },
  };
}

/** schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(article: PublicArticle): Record<string, unknown> {
  const { MASTHEAD_SITE_NAME: siteName } = env();
  const url = absoluteUrl(`/news/${article.slug}`);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    description: article.standfirst || undefined,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: article.drafters.map((name) => ({ "@type": "Person", name })),
    editor: article.reviser ? { "@type": "Person", name: article.reviser } : undefined,
    image: article.lead ? [shareImage(article.lead).url] : undefined,
    articleSection: article.topics.map((t) => t.name),
    publisher: { "@type": "NewsMediaOrganization", name: siteName, url: siteUrl(), logo: { "@type": "ImageObject", url: absoluteUrl("/icon.svg") } },
    // Corrections and clarifications as schema.org CorrectionComment (clarifications too: the
    // vocabulary has no separate type), dated when readers first saw them.
    correction: article.notes?.length
      ? article.notes.map((n) => ({ "@type": "CorrectionComment", text: `${NOTE_LABEL[n.kind]}: ${n.text}`, datePublished: n.publishedAt, dateCreated: n.notedAt }))
      : undefined,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text cannot close the element. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
