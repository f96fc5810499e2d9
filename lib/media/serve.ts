import "server-only";
import { getMediaByKey, getPublicMediaByKey } from "@/db/queries/media";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import type { MediaFormat } from "@/lib/media-urls";
import { reviewLinkShowsPhoto } from "@/lib/review-links/open";
import { isFileKey, readVariant } from "./store";

/** `<width>.<format>`, the one file name a photo is served under. */
const FILE_NAME = /^(\d{3,4})\.(avif|webp|jpg)$/;
const CONTENT_TYPES: Record<MediaFormat, string> = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" };

/** Staff see every photo (drafts included), privately cached; others only live ones. */
async function visibility(key: string): Promise<"public" | "staff" | null> {
  if (await getPublicMediaByKey(key)) return "public";
  if (!await getMediaByKey(key)) return null;
  return can(await getCurrentUser(), "newsroom.enter") ? "staff" : null;
}

/**
 * Answers a request for `/media/<key>/<width>.<format>`. Readers get a photo only when a live
 * article shows it; anything else is a plain 404 that says nothing about what exists.
 */
export async function servePublicMedia(key: string, file: string): Promise<Response> {
  const match = FILE_NAME.exec(file);
  const audience = match && isFileKey(key) ? await visibility(key) : null;
  if (!match || !audience) return notFound();
  // File keys are random and never reused, so a size never changes.
  return variantResponse(key, file, audience === "public" ? "public, max-age=31536000, immutable" : "private, max-age=3600");
}

/**
 * Answers `/review/<token>/media/<key>/<width>.<format>`: a photo of the draft an outside review
 * link shows, to whoever holds the link, never kept by a browser or a shared cache (the link can
 * be revoked at any moment). Any other photo, or an invalid link, is the same plain 404.
 */
export async function serveReviewMedia(token: string, key: string, file: string): Promise<Response> {
  if (!FILE_NAME.test(file) || !isFileKey(key) || !await reviewLinkShowsPhoto(token, key)) return notFound();
  return variantResponse(key, file, "private, no-store");
}


async function variantResponse(key: string, file: string, cacheControl: string): Promise<Response> {
  const match = FILE_NAME.exec(file)!;
  const format = match[2] as MediaFormat;
  const bytes = await readVariant(key, Number(match[1]), format);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": CONTENT_TYPES[format], "Content-Length": String(bytes.length), "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" },
  });
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
