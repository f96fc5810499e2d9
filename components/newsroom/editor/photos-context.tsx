"use client";

import { createContext, useContext } from "react";
import type { MediaInfo } from "@/lib/content/types";

/** What the editor knows of each photograph it shows: the same facts the renderer uses. */
export type EditorPhoto = MediaInfo;

export interface PhotosApi {
  photos: Record<number, EditorPhoto>;
  leadMediaId: number | null;
  setLead: (id: number | null) => void;
  /** Keeps the editor's copy of a photo in step with the words typed for it. */
  describe: (id: number, fields: Partial<Pick<EditorPhoto, "alt" | "caption" | "credit">>) => void;
  /** Moves a photo's focal point (saved to the media library). */
  setFocal: (id: number, focalX: number, focalY: number) => void;
  /** Opens the media library (with its upload) to choose a photo for `purpose`. */
  choosePhoto: (purpose: string, onPick: (photo: EditorPhoto) => void) => void;
  readOnly: boolean;
}

export const PhotosContext = createContext<PhotosApi>({ photos: {}, leadMediaId: null, setLead: () => {}, describe: () => {}, setFocal: () => {}, choosePhoto: () => {}, readOnly: true });

/** The photos known to the editor, for node views rendered inside it. */
export function usePhotos(): PhotosApi {
  return useContext(PhotosContext);
}
