"use client";

import { useId } from "react";
import { mediaUrl } from "@/lib/media-urls";
import type { EditorPhoto } from "./photos-context";

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/** `object-position` for a photo's crops: the focal point, in percent. */
export function focalPosition(photo: Pick<EditorPhoto, "focalX" | "focalY">): string {
  return `${photo.focalX}% ${photo.focalY}%`;
}

/**
 * Where crops of a photo centre: click or tap the picture, or type (arrow keys step) the two
 * numbers. Beside it, the 16:10 crop that cards on the public site show.
 */
export function FocalPoint({ photo, onChange, readOnly, showCrop = true }: { photo: EditorPhoto; onChange: (x: number, y: number) => void; readOnly: boolean; showCrop?: boolean }) {
  const id = useId();
  const number = (axis: "x" | "y", label: string, value: number) => (
    <label htmlFor={`${id}-${axis}`} className="flex items-center justify-between gap-2">
      <span>{label}</span>
      <input
        id={`${id}-${axis}`}
        type="number"
        min={0}
        max={100}
        step={1}
        value={value}
        readOnly={readOnly}
        onChange={(e) => {
          if (e.target.value === "") return;
          const v = clamp(Number(e.target.value));
          onChange(axis === "x" ? v : photo.focalX, axis === "y" ? v : photo.focalY);
        }}
        className="w-20 rounded border border-slate-400 bg-white px-2 py-1 text-right"
      />
    </label>
  );
  return (
    // A container: side by side where there is room (the body), stacked in the narrow sidebar.
    <fieldset data-focal-picker className="@container rounded border border-slate-300 bg-white p-2 font-sans text-sm">
      <legend className="px-1 font-medium text-slate-800">Focal point</legend>
      <div className={`grid items-start gap-3 ${showCrop ? "@md:grid-cols-[1fr_8rem]" : ""}`}>
        <div
          className={`relative overflow-hidden rounded ${readOnly ? "" : "cursor-crosshair"}`}
          onClick={(e) => {
            if (readOnly) return;
            const box = e.currentTarget.getBoundingClientRect();
            onChange(clamp(((e.clientX - box.left) / box.width) * 100), clamp(((e.clientY - box.top) / box.height) * 100));
          }}
        >
          {/* The picture is the click target; the number fields below are the keyboard's way. */}
          <img src={mediaUrl(photo.fileKey, 640, "webp")} alt="" width={photo.width} height={photo.height} className="block h-auto w-full" draggable={false} />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-accent-600/70 shadow"
            style={{ left: `${photo.focalX}%`, top: `${photo.focalY}%` }}
          />
        </div>
        {showCrop && (
          <div className="space-y-1">
            <img src={mediaUrl(photo.fileKey, 320, "webp")} alt="" className="aspect-[16/10] w-full rounded object-cover" style={{ objectPosition: focalPosition(photo) }} />
            <p className="text-xs text-slate-600">Card crop</p>
          </div>
        )}
      </div>
      {!readOnly && <p className="mt-2 text-xs text-slate-600">Click the part of the photo that must stay in every crop. The point is the photo’s: it moves its crops everywhere, on live pages too.</p>}
      <div className="mt-2 grid gap-2 @md:grid-cols-2">
        {number("x", "From left (%)", photo.focalX)}
        {number("y", "From top (%)", photo.focalY)}
      </div>
    </fieldset>
  );
}
