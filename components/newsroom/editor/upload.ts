import type { EditorPhoto } from "./photos-context";

/** The photo types the server accepts (it checks the bytes again). */
export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];
const MAX_BYTES = 20 * 1024 * 1024;

/** A message when the browser can already tell the file will be refused; the server checks again. */
export function precheckFile(file: File): string | null {
  if (!ACCEPTED_PHOTO_TYPES.includes(file.type)) return `“${file.name}” is not a JPEG, PNG, WebP or GIF photograph.`;
  if (file.size > MAX_BYTES) return `“${file.name}” is larger than 20 MB.`;
  return null;
}

/** Uploads one file to /api/media, reporting progress from 0 to 1. */
export function uploadPhoto(file: File, onProgress: (fraction: number) => void): Promise<EditorPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { photo?: EditorPhoto; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // fall through to the generic message
      }
      if (xhr.status === 201 && body.photo) resolve(body.photo);
      else reject(new Error(body.message ?? `The upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload failed: the server could not be reached."));
    xhr.send(file);
  });
}
