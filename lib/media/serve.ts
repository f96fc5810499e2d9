import "server-only";
import { getPublicMediaByKey } from "@/db/queries/media";
import type { MediaFormat } from "@/lib/media-urls";
import { isFileKey, readVariant } from "./store";

const CONTENT_TYPES: Record<MediaFormat, string> = { webp: "image/webp", jpg: "image/jpeg" };

/**
 * Answers a request for `/media/<key>/<width>.<format>`. Readers get a photo only when a live
 * article shows it; anything else is a plain 404 that says nothing about what exists.
 */
export async function servePublicMedia(key: string, file: string): Promise<Response> {
  const match = /^(\d{3,4})\.(webp|jpg)$/.exec(file);
  if (!match || !isFileKey(key) || !getPublicMediaByKey(key)) return notFound();
  const format = match[2] as MediaFormat;
  const bytes = await readVariant(key, Number(match[1]), format);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(bytes.length),
      // File keys are random and never reused, so a size never changes.
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
