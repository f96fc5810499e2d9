import { requestClientAddress } from "@/lib/request/client-address";
import { handleBeacon } from "@/lib/views/recorder";

export const dynamic = "force-dynamic";

/**
 * The view beacon of article pages. Always answers 204 with no body and no cookie, whatever
 * happened, so it tells a client nothing; the reader's address and user agent are used only
 * for the in-memory dedup key and never stored. (scripts/server.mjs answers it earlier, through
 * the same handleBeacon, when the app runs behind it.)
 */
export async function POST(request: Request) {
  await handleBeacon({
    body: await request.text(),
    ip: requestClientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
