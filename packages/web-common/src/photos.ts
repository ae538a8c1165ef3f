// Photos from the media pipeline (plugins/media): webp variants 320/640/1280 (never upscaled) and one
// jpeg fallback, plus a thumbhash placeholder. Shaped on the server into what an <img> needs, so the
// browser gets attributes, not the photo record.

export type PhotoVariant = { width: number; format: "webp" | "jpeg"; url: string };

export type StoredPhoto = {
  id: string;
  width: number;
  height: number;
  /** ThumbHash, base64 (~25 bytes). */
  placeholder: string | null;
  /** The same placeholder as a tiny PNG, when the answer carries it (fresh uploads do). */
  placeholder_data_url?: string | null;
  variants: PhotoVariant[];
};

/** Everything a <picture> needs: the webp candidates, a fallback, the box and a first paint. */
export type PictureData = {
  /** "…-320.webp 320w, …-640.webp 640w"; empty when the photo has no webp variant. */
  webpSrcSet: string;
  /** The jpeg fallback (or the largest webp). */
  src: string;
  width: number;
  height: number;
  /** A CSS background for the box until the photo arrives. */
  background: string;
};

/** Neutral straw colour for photos without a usable placeholder. */
export const PHOTO_BACKGROUND = "#e9e5d6";

function byWidth(a: PhotoVariant, b: PhotoVariant) {
  return a.width - b.width;
}

export function webpVariants(photo: Pick<StoredPhoto, "variants">): PhotoVariant[] {
  return photo.variants.filter((variant) => variant.format === "webp").sort(byWidth);
}

/** The srcset of the webp variants, narrowest first. */
export function webpSrcSet(photo: Pick<StoredPhoto, "variants">): string {
  return webpVariants(photo)
    .map((variant) => `${variant.url} ${variant.width}w`)
    .join(", ");
}

/** The narrowest webp at least `width` wide (else the widest), for a fixed-size thumbnail. */
export function webpAtLeast(photo: Pick<StoredPhoto, "variants">, width: number): PhotoVariant | undefined {
  const webp = webpVariants(photo);
  return webp.find((variant) => variant.width >= width) ?? webp[webp.length - 1];
}

/** What browsers without webp show: the jpeg, else the widest variant of any format. */
export function fallbackVariant(photo: Pick<StoredPhoto, "variants">): PhotoVariant | undefined {
  return (
    photo.variants.find((variant) => variant.format === "jpeg") ?? [...photo.variants].sort(byWidth).pop()
  );
}

/**
 * The photo's average colour from its ThumbHash header ("#7a8b3c"): the DC terms of its L, P and Q
 * channels, turned back into RGB the way thumbhash does. Null for an unreadable hash.
 */
export function thumbhashAverageColor(placeholder: string | null | undefined): string | null {
  if (!placeholder) return null;
  let bytes: string;
  try {
    bytes = atob(placeholder);
  } catch {
    return null;
  }
  if (bytes.length < 5) return null;
  const header = bytes.charCodeAt(0) | (bytes.charCodeAt(1) << 8) | (bytes.charCodeAt(2) << 16);
  const l = (header & 63) / 63;
  const p = ((header >> 6) & 63) / 31.5 - 1;
  const q = ((header >> 12) & 63) / 31.5 - 1;
  const b = l - (2 / 3) * p;
  const r = (3 * l - b + q) / 2;
  const g = r - q;
  const hex = (channel: number) =>
    Math.round(Math.max(0, Math.min(1, channel)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** The blurred data URL when there is one (over the average colour), else the average colour alone. */
export function placeholderBackground(photo: Pick<StoredPhoto, "placeholder" | "placeholder_data_url">): string {
  const colour = thumbhashAverageColor(photo.placeholder) ?? PHOTO_BACKGROUND;
  const dataUrl = photo.placeholder_data_url;
  // Only our own tiny PNGs: a URL that could close the CSS string is never put in a style.
  if (dataUrl && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(dataUrl) && dataUrl.length <= 4096) {
    return `${colour} url("${dataUrl}") center / cover no-repeat`;
  }
  return colour;
}

/** The <picture> attributes for a photo; null when it has no variant at all. */
export function toPictureData(photo: StoredPhoto): PictureData | null {
  const fallback = fallbackVariant(photo);
  if (!fallback) return null;
  return {
    webpSrcSet: webpSrcSet(photo),
    src: fallback.url,
    width: photo.width,
    height: photo.height,
    background: placeholderBackground(photo),
  };
}

/** One fixed-size thumbnail (the 320 webp for a list row), with its box and placeholder. */
export type ThumbnailData = { src: string; width: number; height: number; background: string };

export function toThumbnailData(photo: StoredPhoto, width: number): ThumbnailData | null {
  const variant = webpAtLeast(photo, width) ?? fallbackVariant(photo);
  if (!variant) return null;
  return { src: variant.url, width: photo.width, height: photo.height, background: placeholderBackground(photo) };
}
