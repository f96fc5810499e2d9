import { buildNewsSitemap } from "@/lib/public/news-sitemap";

// Built per request; scripts/server.mjs keeps the answer in its page cache under the lists' tags.
export const dynamic = "force-dynamic";

/** Google News sitemap: articles published in the last 48 hours. */
export async function GET() {
  return new Response(await buildNewsSitemap(), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
