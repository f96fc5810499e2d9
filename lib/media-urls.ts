/** The widths the media route serves; a photo is offered at every width up to its own. */
export const MEDIA_WIDTHS = [320, 640, 960, 1280, 1600] as const;
/** Served encodings, best first: AVIF, then WebP, then JPEG for browsers that take neither. */
export const MEDIA_FORMATS = ["avif", "webp", "jpg"] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** Widths to offer for a photo whose original is `originalWidth` pixels wide. */
export function widthsFor(originalWidth: number): number[] {
  const fitting = MEDIA_WIDTHS.filter((w) => w <= originalWidth);
  return fitting.length > 0 ? fitting : [MEDIA_WIDTHS[0]];
}

/** Where photos are served from: readers' /media, or an outside review link's own path. */
export const PUBLIC_MEDIA_BASE = "/media";

/** URL of one generated size of a stored photo. */
export function mediaUrl(fileKey: string, width: number, format: MediaFormat, base = PUBLIC_MEDIA_BASE): string {
  return `${base}/${encodeURIComponent(fileKey)}/${width}.${format}`;
}

/** A srcset listing every offered width in one format. */
export function mediaSrcSet(fileKey: string, originalWidth: number, format: MediaFormat, base = PUBLIC_MEDIA_BASE): string {
  return widthsFor(originalWidth)
    .map((w) => `${mediaUrl(fileKey, w, format, base)} ${w}w`)
    .join(", ");
}

/** The width used for the plain `src` fallback: the largest offered up to `target`. */
export function fallbackWidth(originalWidth: number, target = 960): number {
  const widths = widthsFor(originalWidth);
  return widths.filter((w) => w <= target).pop() ?? widths[0]!;
}
