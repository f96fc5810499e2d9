"use client";

import { mergeAttributes, Node } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { mediaUrl } from "@/lib/media-urls";
import { usePhotos } from "./photos-context";

/**
 * A photograph between paragraphs: `{ type: "image", attrs: { mediaId, alt, caption } }`, the
 * exact shape lib/content/validate.ts accepts. Pasted <img> tags from elsewhere do not parse
 * into it, so only photos from the media library can be placed.
 */
export const Figure = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    const plain = (name: string) => ({
      default: name === "mediaId" ? null : "",
      parseHTML: (el: HTMLElement) => {
        const raw = el.getAttribute(`data-${name.toLowerCase()}`);
        return name === "mediaId" ? (raw ? Number(raw) : null) : (raw ?? "");
      },
      renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name.toLowerCase()}`]: attrs[name] }),
    });
    return { mediaId: plain("mediaId"), alt: plain("alt"), caption: plain("caption") };
  },
  parseHTML() {
    return [{ tag: "figure[data-mediaid]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes)];
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, {
      // The caption and alt inputs are ordinary form fields: ProseMirror must leave their
      // events and DOM changes alone, or it would undo what the person types.
      stopEvent: ({ event }) => event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement,
      ignoreMutation: () => true,
    });
  },
});

function FigureView({ node, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const { photos, leadMediaId, setLead, describe, readOnly } = usePhotos();
  const id = useId();
  const mediaId = Number(node.attrs.mediaId);
  const photo = photos[mediaId];
  const alt = String(node.attrs.alt ?? "");
  const caption = String(node.attrs.caption ?? "");
  return (
    <NodeViewWrapper as="figure" className={`my-6 rounded-md border bg-slate-50 p-3 ${selected ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-300"}`}>
      <div data-drag-handle className="cursor-grab">
        {photo ? (
          <img src={mediaUrl(photo.fileKey, 960, "webp")} alt={alt} width={photo.width} height={photo.height} className="h-auto w-full rounded" draggable={false} />
        ) : (
          <p className="p-6 text-center text-sm text-slate-600">This photograph is not available.</p>
        )}
      </div>
      <div contentEditable={false} className="mt-3 grid gap-3 font-sans text-sm sm:grid-cols-2">
        <label htmlFor={`${id}-caption`} className="block">
          <span className="font-medium text-slate-800">Caption</span>
          <input id={`${id}-caption`} value={caption} readOnly={readOnly} onChange={(e) => {
              updateAttributes({ caption: e.target.value });
              describe(mediaId, { caption: e.target.value });
            }} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5" />
        </label>
        <label htmlFor={`${id}-alt`} className="block">
          <span className="font-medium text-slate-800">Alt text (required)</span>
          <input
            id={`${id}-alt`}
            value={alt}
            readOnly={readOnly}
            required
            aria-invalid={alt.trim() === ""}
            onChange={(e) => {
              updateAttributes({ alt: e.target.value });
              describe(mediaId, { alt: e.target.value });
            }}
            className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 aria-[invalid=true]:border-accent-600"
          />
          {alt.trim() === "" && <span className="mt-1 block text-xs text-accent-700">Describe the photo for people who cannot see it.</span>}
        </label>
        {!readOnly && (
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <button type="button" onClick={() => setLead(leadMediaId === mediaId ? null : mediaId)} aria-pressed={leadMediaId === mediaId} className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
              {leadMediaId === mediaId ? "Lead image ✓" : "Use as lead image"}
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
