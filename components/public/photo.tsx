import { fallbackWidth, mediaSrcSet, mediaUrl } from "@/lib/media-urls";
import type { PublicPhoto } from "@/lib/public/read";

interface PhotoProps {
  photo: PublicPhoto;
  /** The `sizes` attribute: how wide the photo is shown at each viewport width. */
  sizes: string;
  className?: string;
  /** Above-the-fold photos load eagerly with high priority. */
  priority?: boolean;
  /** Alt text override; "" marks a decorative repeat of a photo described nearby. */
  alt?: string;
}

/**
 * A stored photograph as a responsive <picture> at several widths: AVIF where the browser takes
 * it, else WebP, else JPEG. width/height give the box its ratio before the bytes arrive.
 */
export function Photo({ photo, sizes, className, priority = false, alt }: PhotoProps) {
  return (
    <picture>
      <source type="image/avif" srcSet={mediaSrcSet(photo.fileKey, photo.width, "avif")} sizes={sizes} />
      <source type="image/webp" srcSet={mediaSrcSet(photo.fileKey, photo.width, "webp")} sizes={sizes} />
      <img
        src={mediaUrl(photo.fileKey, fallbackWidth(photo.width), "jpg")}
        srcSet={mediaSrcSet(photo.fileKey, photo.width, "jpg")}
        sizes={sizes}
        width={photo.width}
        height={photo.height}
        alt={alt ?? photo.alt}
        className={className}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
      />
    </picture>
  );
}
