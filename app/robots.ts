import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/public/seo";

export const dynamic = "force-dynamic";

/** Crawlers may read the news site; the newsroom, sign-in and the API are not for them. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/newsroom", "/login", "/set-password", "/api/"] }],
    sitemap: [absoluteUrl("/sitemap.xml"), absoluteUrl("/news-sitemap.xml")],
  };
}
