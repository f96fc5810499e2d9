"use client";

import { useEffect, useRef, useState } from "react";
import { listLibraryAction } from "@/lib/actions/media";
import { mediaUrl } from "@/lib/media-urls";
import { focalPosition } from "./focal-point";
import type { EditorPhoto } from "./photos-context";
import { PhotoUploadButton } from "./photo-upload-button";

/**
 * A dialog to find a stored photograph by caption, alt text or credit, or to upload a new one,
 * for `purpose` (placing a photo, choosing the lead, replacing a photo).
 */
export function MediaPicker({ purpose, onPick, onClose }: { purpose: string; onPick: (photo: EditorPhoto) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [photos, setPhotos] = useState<EditorPhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const form = new FormData();
      form.set("query", query);
      const result = await listLibraryAction(null, form).catch(() => null);
      if (result?.ok) {
        setPhotos((result.data as { photos: EditorPhoto[] }).photos);
        setError(null);
      } else setError(result?.message ?? "The media library could not be loaded.");
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="library-heading" aria-describedby="library-purpose" className="m-auto w-[min(56rem,95vw)] rounded-lg p-0 backdrop:bg-slate-900/50">
      <div className="flex items-center justify-between border-b border-slate-300 px-5 py-3">
        <div>
          <h2 id="library-heading" className="text-lg font-semibold">
            Media library
          </h2>
          <p id="library-purpose" className="text-sm text-slate-600">
            {purpose}
          </p>
        </div>
        <button type="button" onClick={() => dialog.current?.close()} className="rounded px-2 py-1 text-sm hover:bg-slate-100">
          Close
        </button>
      </div>
      <div className="p-5">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor="library-search" className="block text-sm font-medium">
              Search captions, alt text and credits
            </label>
            <input id="library-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
          </div>
          <PhotoUploadButton label="Upload a new photo" className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100" onUploaded={onPick} onProblem={setError} />
        </div>
        {error && (
          <p role="alert" className="mt-3 text-sm text-accent-700">
            {error}
          </p>
        )}
        <ul className="mt-4 grid max-h-[60vh] grid-cols-2 gap-4 overflow-y-auto sm:grid-cols-3">
          {(photos ?? []).map((photo) => (
            <li key={photo.id}>
              <button type="button" onClick={() => onPick(photo)} className="block w-full rounded border border-slate-300 p-1 text-left hover:border-brand-600">
                <img src={mediaUrl(photo.fileKey, 320, "webp")} alt={photo.alt} className="aspect-[3/2] w-full rounded object-cover" style={{ objectPosition: focalPosition(photo) }} />
                <span className="mt-1 line-clamp-2 block text-xs text-slate-700">{photo.caption || photo.alt || "No caption"}</span>
              </button>
            </li>
          ))}
        </ul>
        {photos?.length === 0 && <p className="mt-4 text-sm text-slate-600">No photographs match.</p>}
      </div>
    </dialog>
  );
}
