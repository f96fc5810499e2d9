import type { MetadataRoute } from "next";
import { getSitemapData } from "@/lib/public/feeds";
import { absoluteUrl } from "@/lib/public/seo";
import { INFO_PAGES } from "@/lib/public/site-info";

// Built per request from a cached read: a build must not bake one data folder's articles in.
export const dynamic = "force-dynamic";

/** Every live article and topic page, with when it last changed. Nothing unpublished is listed. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { articles, topics } = await getSitemapData();
  const newest = articles.map((a) => a.updatedAt).sort().pop();
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "hourly", priority: 1 },
    { url: absoluteUrl("/news"), lastModified: newest, changeFrequency: "hourly", priority: 0.8 },
    ...[...INFO_PAGES].map((path) => ({ url: absoluteUrl(path), changeFrequency: "yearly" as const, priority: 0.2 })),
    ...topics.map((t) => ({ url: absoluteUrl(`/topics/${t.slug}`), lastModified: t.updatedAt ?? undefined, changeFrequency: "daily" as const, priority: 0.6 })),
    ...articles.map((a) => ({ url: absoluteUrl(`/news/${a.slug}`), lastModified: a.updatedAt, priority: 0.7 })),
  ];
}
