/** A TipTap/ProseMirror JSON node as stored in an article body. */
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  marks?: JsonMark[];
  text?: string;
}

export interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** What the renderer needs to know of a photograph placed in a body. */
export interface MediaInfo {
  id: number;
  fileKey: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Focal point in percent from the left and from the top: where crops centre. */
  focalX: number;
  focalY: number;
}

export type MediaLookup = (id: number) => MediaInfo | undefined;
