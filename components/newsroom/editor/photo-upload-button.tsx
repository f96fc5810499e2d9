"use client";

import { useState } from "react";
import type { EditorPhoto } from "./photos-context";
import { ACCEPTED_PHOTO_TYPES, precheckFile, uploadPhoto } from "./upload";

interface Props {
  label: string;
  /** Classes of the button-looking label around the hidden file input. */
  className: string;
  onUploaded: (photo: EditorPhoto) => void;
  /** A sentence when the file is refused or the upload fails; null when a new upload starts. */
  onProblem: (message: string | null) => void;
}

/** "Upload": picks one photo, checks it in the browser first, uploads it with a progress bar. */
export function PhotoUploadButton({ label, className, onUploaded, onProblem }: Props) {
  const [progress, setProgress] = useState<number | null>(null);

  const upload = async (file: File) => {
    const problem = precheckFile(file);
    if (problem) return onProblem(problem);
    onProblem(null);
    setProgress(0);
    try {
      onUploaded(await uploadPhoto(file, setProgress));
    } catch (e) {
      onProblem(e instanceof Error ? e.message : "The upload failed.");
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <label className={`inline-flex cursor-pointer items-center focus-within:outline focus-within:outline-2 focus-within:outline-accent-600 ${className}`}>
        {label}
        <input
          type="file"
          accept={ACCEPTED_PHOTO_TYPES.join(",")}
          className="sr-only"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void upload(file);
          }}
        />
      </label>
      {progress !== null && (
        <label className="flex basis-full items-center gap-2 text-sm">
          Uploading
          <progress value={progress} max={1} className="flex-1" />
        </label>
      )}
    </>
  );
}
