import "server-only";
import sharp from "sharp";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { insertMedia } from "@/db/queries/media";
import { AppError, toAppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";
import { MAX_INPUT_PIXELS, removeOriginal, storeOriginal, type StoredOriginal } from "./store";

/*
 * Photo uploads: the size limit is enforced while the body streams in, the type is read from
 * the file's own first bytes (never from its name or the browser's claim), and every accepted
 * file is decoded and re-encoded by storeOriginal, which drops EXIF/GPS and other metadata.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" } as const;
type Kind = keyof typeof ACCEPTED_TYPES;

const TOO_LARGE = "The file is larger than 20 MB.";
const UNSUPPORTED = "Only JPEG, PNG, WebP and GIF photographs can be uploaded.";

/** Reads a request body, stopping as soon as it passes `max` bytes. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, max = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!body) throw new AppError("invalid", "No file was sent.");
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("invalid", TOO_LARGE);
    }
    parts.push(value);
  }
  if (total === 0) throw new AppError("invalid", "The file is empty.");
  return Buffer.concat(parts);
}

/** The image kind from the file's signature, or null. SVG and everything else are null. */
export function sniffImage(bytes: Buffer): Kind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString("latin1"))) return "gif";
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  return null;
}

type PhotoWords = { alt: string; caption: string; credit: string };

/**
 * Checks and stores an uploaded photo. `declaredType` is what the browser said; a file whose
 * bytes are of another kind is refused rather than trusted.
 */
export async function acceptUpload(user: CurrentUser, bytes: Buffer, declaredType: string | null, meta: PhotoWords) {
  const stored = await storeUpload(bytes, declaredType);
  try {
    return await recordUpload(user, stored, meta);
  } catch (error) {
    // The row was not written (busy or failing database): leave no file that nothing points to.
    removeOriginal(stored.fileKey);
    throw error;
  }
}

/**
 * The file half of an upload: checks the bytes and stores the re-encoded original. The demo
 * seed stores its photographs this way first, then records them all in one transaction.
 */
export async function storeUpload(bytes: Buffer, declaredType: string | null): Promise<StoredOriginal> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError("invalid", TOO_LARGE);
  const kind = sniffImage(bytes);
  if (!kind) throw new AppError("invalid", UNSUPPORTED);
  const declared = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  if (declared && declared !== "application/octet-stream" && declared !== ACCEPTED_TYPES[kind]) {
    throw new AppError("invalid", "The file's content does not match its type; it was not uploaded.");
  }
  try {
    const info = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!info.width || !info.height) throw new Error("no dimensions");
    return await storeOriginal(bytes);
  } catch (error) {
    // A full or read-only disk is not a bad image: say what really happened.
    const fault = toAppError(error);
    if (fault?.retryAfterSeconds != null) throw fault;
    const message = error instanceof Error ? error.message : "";
    if (/pixel limit/i.test(message)) throw new AppError("invalid", "The image is too large in pixels (at most 50 megapixels).");
    throw new AppError("invalid", "The file could not be read as an image.");
  }
}

/** The database half of an upload: the library row and its audit row, uploaded by `user`. */
export async function recordUpload(user: CurrentUser, stored: StoredOriginal, meta: PhotoWords) {
  return await immediate(async (db) => {
    const id = await insertMedia(db, { ...stored, ...meta, uploadedBy: user.id });
    await writeAudit(db, { actorId: user.id, action: "media.upload", details: { mediaId: id, bytes: stored.bytes } });
    return { id, fileKey: stored.fileKey, width: stored.width, height: stored.height, ...meta, focalX: 50, focalY: 50 };
  });
}
