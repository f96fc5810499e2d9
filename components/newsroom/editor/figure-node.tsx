"use client";

import { mergeAttributes, Node } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { attrDefaults, BODY_LIMITS, nodeSpec } from "@/lib/content/schema";
import { mediaUrl } from "@/lib/media-urls";
import { FocalPoint } from "./focal-point";
import { usePhotos } from "./photos-context";

const IMAGE = nodeSpec("image");
const IMAGE_LIMITS = { caption: BODY_LIMITS.maxCaptionLength, alt: BODY_LIMITS.maxAltLength, credit: BODY_LIMITS.maxCreditLength } as const;

/**
 * A photograph between paragraphs: `{ type: "image", attrs: { mediaId, alt, caption, credit } }`,
 * its attributes and defaults taken from lib/content/schema.ts, the definition the validator
 * and renderer use. Pasted <img> tags from elsewhere do not parse into it, so only photos from
 * the media library can be placed.
 */
export const Figure = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return Object.fromEntries(
      Object.entries(attrDefaults(IMAGE)).map(([name, fallback]) => [
        name,
        {
          default: fallback,
          parseHTML: (el: HTMLElement) => {
            const raw = el.getAttribute(`data-${name.toLowerCase()}`);
            if (raw === null) return fallback;
            return name === "mediaId" ? Number(raw) : raw;
          },
          renderHTML: (attrs: Record<string, unknown>) => (attrs[name] === null ? {} : { [`data-${name.toLowerCase()}`]: attrs[name] }),
        },
      ]),
    );
  },
  parseHTML() {
    return [{ tag: "figure[data-mediaid]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes)];
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, {
      // The form fields, the focal point and its fold belong to the person, not to ProseMirror:
      // it must leave their events and DOM changes alone, or it would undo what they type.
      stopEvent: ({ event }) => {
        const target = event.target;
        return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || (target instanceof Element && target.closest("[data-figure-controls]") !== null);
      },
      ignoreMutation: () => true,
    });
  },
});

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";

function FigureView({ node, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const { photos, leadMediaId, setLead, describe, setFocal, choosePhoto, readOnly } = usePhotos();
  const id = useId();
  const mediaId = Number(node.attrs.mediaId);
  const photo = photos[mediaId];
  const alt = String(node.attrs.alt ?? "");
  const caption = String(node.attrs.caption ?? "");
  // null: this placement shows the library's credit until someone types one.
  const credit = typeof node.attrs.credit === "string" ? node.attrs.credit : (photo?.credit ?? "");
  const set = (fields: { alt?: string; caption?: string; credit?: string }) => {
    updateAttributes(fields);
    describe(mediaId, fields);
  };
  return (
    <NodeViewWrapper as="figure" aria-label="Photo" className={`my-6 rounded-md border bg-slate-50 p-3 ${selected ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-300"}`}>
      <div data-drag-handle className="cursor-grab">
        {photo ? (
          <img src={mediaUrl(photo.fileKey, 960, "webp")} alt={alt} width={photo.width} height={photo.height} className="h-auto w-full rounded" draggable={false} />
        ) : (
          <p className="p-6 text-center text-sm text-slate-600">This photograph is not available.</p>
        )}
      </div>
      <div contentEditable={false} data-figure-controls className="mt-3 grid gap-3 font-sans text-sm sm:grid-cols-2">
        <label htmlFor={`${id}-caption`} className="block sm:col-span-2">
          <span className="font-medium text-slate-800">Caption</span>
          <textarea id={`${id}-caption`} value={caption} readOnly={readOnly} rows={2} maxLength={IMAGE_LIMITS.caption} onChange={(e) => set({ caption: e.target.value })} className={`${field} [field-sizing:content] min-h-[3.5rem] resize-y`} />
        </label>
        <label htmlFor={`${id}-credit`} className="block">
          <span className="font-medium text-slate-800">Credit</span>
          <input id={`${id}-credit`} value={credit} readOnly={readOnly} maxLength={IMAGE_LIMITS.credit} placeholder="Photo: name / agency" onChange={(e) => set({ credit: e.target.value })} className={field} />
        </label>
        <label htmlFor={`${id}-alt`} className="block">
          <span className="font-medium text-slate-800">Alt text (required)</span>
          <input
            id={`${id}-alt`}
            value={alt}
            readOnly={readOnly}
            required
            maxLength={IMAGE_LIMITS.alt}
            aria-invalid={alt.trim() === ""}
            onChange={(e) => set({ alt: e.target.value })}
            className={`${field} aria-[invalid=true]:border-accent-600`}
          />
          {alt.trim() === "" && <span className="mt-1 block text-xs text-accent-700">Describe the photo for people who cannot see it.</span>}
        </label>
        {photo && (
          // Folded: the body shows photos whole; the focal point matters where they are cropped.
          <details className="sm:col-span-2">
            <summary className="min-h-7 cursor-pointer py-1 font-medium text-slate-800">
              Focal point and crop ({photo.focalX}% from left, {photo.focalY}% from top)
            </summary>
            <div className="mt-2">
              <FocalPoint photo={photo} readOnly={readOnly} onChange={(x, y) => setFocal(mediaId, x, y)} />
            </div>
          </details>
        )}
        {!readOnly && (
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <button type="button" onClick={() => setLead(leadMediaId === mediaId ? null : mediaId)} aria-pressed={leadMediaId === mediaId} className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
              {leadMediaId === mediaId ? "Lead image ✓" : "Use as lead image"}
            </button>
            <button
              type="button"
              onClick={() =>
                choosePhoto("Replace the photo (its caption and alt text stay)", (next) =>
                  // The words written for this place stay; a new photo brings only what is missing.
                  updateAttributes({ mediaId: next.id, alt: alt.trim() ? alt : next.alt, credit: next.credit || (typeof node.attrs.credit === "string" ? node.attrs.credit : null) }),
                )
              }
              className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
            >
              Replace photo
            </button>
            <button type="button" onClick={() => deleteNode()} className="rounded border border-accent-600 bg-white px-3 py-1.5 font-medium text-accent-700 hover:bg-red-50">
              Remove photo
            </button>
          </div>
        )}
      </div>
    </NodeViewWrapper>
  );
}
