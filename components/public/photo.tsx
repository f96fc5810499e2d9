import { fallbackWidth, mediaSrcSet, mediaUrl } from "@/lib/media-urls";
import type { PublicPhoto } from "@/lib/public/read";

export type PhotoLoading = "high" | "eager" | "lazy";

interface PhotoProps {
  photo: PublicPhoto;
  /** The `sizes` attribute: how wide the photo is shown at each viewport width. */
  sizes: string;
  className?: string;
  /**
   * "high": the largest paint of the page (eager, fetchpriority high; one per page, so it does
   * not share the connection with other high-priority photos). "eager": above the fold on some
   * screens, never lazy. "lazy" (default): further down.
   */
  loading?: PhotoLoading;
  /** Alt text override; "" marks a decorative repeat of a photo described nearby. */
  alt?: string;
  /** Where the photo is served from, when not readers' /media (an outside review link). */
  mediaBase?: string;
}

/**
 * A stored photograph as a responsive <picture> at several widths: AVIF where the browser takes
 * it, else WebP, else JPEG. width/height give the box its ratio before the bytes arrive.
 */
export function Photo({ photo, sizes, className, loading = "lazy", alt, mediaBase }: PhotoProps) {
  return (
    <picture>
      <source type="image/avif" srcSet={mediaSrcSet(photo.fileKey, photo.width, "avif", mediaBase)} sizes={sizes} />
      <source type="image/webp" srcSet={mediaSrcSet(photo.fileKey, photo.width, "webp", mediaBase)} sizes={sizes} />
      <img
        src={mediaUrl(photo.fileKey, fallbackWidth(photo.width), "jpg", mediaBase)}
        srcSet={mediaSrcSet(photo.fileKey, photo.width, "jpg", mediaBase)}
        sizes={sizes}
        width={photo.width}
        height={photo.height}
        alt={alt ?? photo.alt}
        className={className}
        // Every crop (object-fit: cover) centres on the photo's focal point.
        style={{ objectPosition: `${photo.focalX}% ${photo.focalY}%` }}
        loading={loading === "lazy" ? "lazy" : "eager"}
        fetchPriority={loading === "high" ? "high" : "auto"}
        decoding="async"
      />
    </picture>
  );
}
