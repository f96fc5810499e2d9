import { getTopicFeed } from "@/lib/public/feeds";
import { isSlug } from "@/lib/slug";

export const dynamic = "force-dynamic";

/** RSS 2.0 of one topic's latest news. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const xml = isSlug(slug) ? await getTopicFeed(slug) : null;
  if (!xml) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
