"use client";

import { useId, useState } from "react";
import { BODY_LIMITS } from "@/lib/content/schema";
import { mediaUrl } from "@/lib/media-urls";
import { FocalPoint, focalPosition } from "./focal-point";
import type { EditorPhoto } from "./photos-context";
import { PhotoUploadButton } from "./photo-upload-button";
import type { LeadWords } from "./use-autosave";

interface LeadImageProps {
  lead: EditorPhoto | undefined;
  /** The lead also sits in the body: the page shows it once, on top, with the body's words. */
  inBody: boolean;
  readOnly: boolean;
  onChoose: () => void;
  onUploaded: (photo: EditorPhoto) => void;
  onRemove: () => void;
  onFocal: (x: number, y: number) => void;
  /** This article's words for the lead (null: the library's); saved with the article. */
  words: LeadWords;
  onWords: (words: Partial<LeadWords>) => void;
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";

/**
 * The lead image: any photo from the library or a new upload, whether or not the body shows it.
 * Its words (alt text, caption, credit) are this article's, saved and reviewed with the rest of
 * it; they start as the library's. The focal point is the photo's, shared by every article.
 */
export function LeadImage({ lead, inBody, readOnly, onChoose, onUploaded, onRemove, onFocal, words, onWords }: LeadImageProps) {
  const id = useId();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // What the fields show: the article's words, else the library's.
  const alt = words.leadAlt ?? lead?.alt ?? "";
  const caption = words.leadCaption ?? lead?.caption ?? "";
  const credit = words.leadCredit ?? lead?.credit ?? "";
  const altMissing = alt.trim() === "";

  return (
    <section aria-labelledby="lead-heading" className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="lead-heading" className="text-sm font-semibold text-slate-800">
        Lead image
      </h2>
      {lead ? (
        <div className="mt-2 space-y-3 text-sm">
          <img src={mediaUrl(lead.fileKey, 640, "webp")} alt={alt} className="aspect-[16/10] w-full rounded object-cover" style={{ objectPosition: focalPosition(lead) }} />
          {/* The picture above is the card crop already. */}
          <FocalPoint photo={lead} readOnly={readOnly} onChange={onFocal} showCrop={false} />
          {inBody ? (
            <p className="text-slate-600">This photo is also in the body: the page shows it once, at the top, with the caption and credit written there.</p>
          ) : (
            <>
              <p id={`${id}-words`} className="text-slate-600">
                These words are this article’s: readers see them once this version is approved, and other articles using the photo keep their own.
              </p>
              <label htmlFor={`${id}-alt`} className="block">
                <span className="font-medium text-slate-800">Lead alt text (required)</span>
                <input id={`${id}-alt`} required maxLength={BODY_LIMITS.maxAltLength} aria-invalid={altMissing} aria-describedby={altMissing ? `${id}-alt-missing` : `${id}-words`} value={alt} readOnly={readOnly} onChange={(e) => onWords({ leadAlt: e.target.value })} className={`${field} aria-[invalid=true]:border-accent-600`} />
              </label>
              {altMissing && (
                <p id={`${id}-alt-missing`} className="text-accent-700">
                  Describe the photo for readers who cannot see it: the article cannot go to review without alt text for its lead image.
                </p>
              )}
              <label htmlFor={`${id}-caption`} className="block">
                <span className="font-medium text-slate-800">Lead caption</span>
                <textarea id={`${id}-caption`} rows={2} maxLength={BODY_LIMITS.maxCaptionLength} value={caption} readOnly={readOnly} onChange={(e) => onWords({ leadCaption: e.target.value })} className={`${field} resize-y`} />
              </label>
              <label htmlFor={`${id}-credit`} className="block">
                <span className="font-medium text-slate-800">Lead credit</span>
                <input id={`${id}-credit`} maxLength={BODY_LIMITS.maxCreditLength} value={credit} readOnly={readOnly} onChange={(e) => onWords({ leadCredit: e.target.value })} className={field} />
              </label>
            </>
          )}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">None yet. Choose one from the library, upload one, or use a photo of the body.</p>
      )}
      {!readOnly && (
        <div className="mt-3 flex flex-wrap gap-2 text-sm">
          <button type="button" onClick={onChoose} className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
            Choose from library
          </button>
          <PhotoUploadButton
            label="Upload"
            className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
            onUploaded={onUploaded}
            onProblem={(text) => setMessage(text === null ? null : { error: true, text })}
          />
          {lead && (
            <button type="button" onClick={onRemove} className="px-1 text-accent-700 underline">
              Remove lead image
            </button>
          )}
        </div>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={`mt-2 text-sm ${message.error ? "text-accent-700" : "text-slate-700"}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
