import { z } from "zod";
import { recordView } from "@/lib/views/recorder";

export const dynamic = "force-dynamic";

const beaconSchema = z.object({ articleId: z.number().int().positive() });

/**
 * The view beacon of article pages. Always answers 204 with no body and no cookie, whatever
 * happened, so it tells a client nothing; the reader's address and user agent are used only
 * for the in-memory dedup key and never stored.
 */
export async function POST(request: Request) {
  const text = await request.text();
  if (text.length <= 200) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: ignored like any other malformed beacon.
    }
    const parsed = beaconSchema.safeParse(json);
    if (parsed.success) {
      recordView({
        articleId: parsed.data.articleId,
        // scripts/server.mjs sets x-masthead-client-ip from the socket, replacing any sent value.
        ip: request.headers.get("x-masthead-client-ip") ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "",
        userAgent: request.headers.get("user-agent"),
      });
    }
  }
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
