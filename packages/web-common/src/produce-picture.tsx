import type { PictureData, ThumbnailData } from "./photos.ts";

// React 18 does not know `fetchPriority` yet and warns about it; lower-case passes through as is.
const HIGH_PRIORITY = { fetchpriority: "high" } as Record<string, string>;

/**
 * A produce photo: webp candidates for the browser to choose from by `sizes`, the jpeg for browsers
 * without webp, and the box and placeholder colour set before a byte of the photo arrives.
 * `priority` is for the page's largest image: fetched first, never lazily.
 */
export function ProducePicture({
  image,
  alt,
  sizes,
  priority = false,
  className,
}: {
  image: PictureData;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    <picture>
      {image.webpSrcSet ? <source type="image/webp" srcSet={image.webpSrcSet} sizes={sizes} /> : null}
      <img
        className={className}
        src={image.src}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "sync" : "async"}
        style={{ background: image.background }}
        {...(priority ? HIGH_PRIORITY : {})}
      />
    </picture>
  );
}

/** One fixed-size thumbnail (a list row's 320 webp). */
export function ProduceThumbnail({
  image,
  alt,
  eager = false,
  className,
}: {
  image: ThumbnailData;
  alt: string;
  eager?: boolean;
  className?: string;
}) {
  return (
    <img
      className={className}
      src={image.src}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      style={{ background: image.background }}
    />
  );
}
