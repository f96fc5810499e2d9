import "server-only";
import { getMediaByKey, getPublicMediaByKey } from "@/db/queries/media";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import type { MediaFormat } from "@/lib/media-urls";
import { isFileKey, readVariant } from "./store";

const CONTENT_TYPES: Record<MediaFormat, string> = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" };

/** Staff see every photo (drafts included), privately cached; others only live ones. */
async function visibility(key: string): Promise<"public" | "staff" | null> {
  if (getPublicMediaByKey(key)) return "public";
  if (!getMediaByKey(key)) return null;
  return can(await getCurrentUser(), "newsroom.enter") ? "staff" : null;
}

/**
 * Answers a request for `/media/<key>/<width>.<format>`. Readers get a photo only when a live
 * article shows it; anything else is a plain 404 that says nothing about what exists.
 */
export async function servePublicMedia(key: string, file: string): Promise<Response> {
  const match = /^(\d{3,4})\.(avif|webp|jpg)$/.exec(file);
  const audience = match && isFileKey(key) ? await visibility(key) : null;
  if (!match || !audience) return notFound();
  const format = match[2] as MediaFormat;
  const bytes = await readVariant(key, Number(match[1]), format);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(bytes.length),
      // File keys are random and never reused, so a size never changes.
      "Cache-Control": audience === "public" ? "public, max-age=31536000, immutable" : "private, max-age=3600",
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
