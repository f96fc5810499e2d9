import { getSiteFeed } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest news. */
export async function GET() {
  return new Response(await getSiteFeed(), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
