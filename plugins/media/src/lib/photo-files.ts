import type { PhotoFormat } from "./photo-pipeline"

/** Every variant is stored under this folder of the file storage (`photos/…` keys). */
export const PHOTO_FOLDER = "photos"

export const MIME_TYPE: Record<PhotoFormat, string> = { webp: "image/webp", jpeg: "image/jpeg" }
const EXTENSION: Record<PhotoFormat, string> = { webp: "webp", jpeg: "jpg" }

/**
 * The name a variant is stored under: its own content hash and width, so a URL never points at
 * different bytes and can be cached for a year. (The file provider adds a timestamp or ULID to it.)
 */
export function variantFilename(variant: { sha256: string; width: number; format: PhotoFormat }): string {
  return `${PHOTO_FOLDER}/${variant.sha256.slice(0, 20)}-${variant.width}.${EXTENSION[variant.format]}`
}

/** Where this plugin serves photos kept by Medusa's local file provider (see `publicVariantUrl`). */
export const PHOTO_ROUTE = "/media/photos"

/** A local-provider key's file name: `<timestamp>-<sha256, 20 hex>-<width>.<webp|jpg>`. */
const SERVED_NAME = /^[0-9]+-([0-9a-f]{20})-[0-9]+\.(webp|jpg)$/

/**
 * The URL a variant is published at. Medusa mounts `express.static` on `/static` before any plugin
 * route or middleware, so files there answer `Cache-Control: public, max-age=0` whatever a plugin
 * does; a local-provider URL (`…/static/<key>`) is therefore rewritten to this plugin's own route,
 * which answers with a year-long immutable cache. Other providers' URLs (S3, a CDN) are kept as they
 * are: they serve the object directly, with their own cache headers.
 */
export function publicVariantUrl(fileUrl: string, fileId: string): string {
  const staticSuffix = `/static/${fileId}`
  if (fileId.startsWith(`${PHOTO_FOLDER}/`) && fileUrl.endsWith(staticSuffix)) {
    return `${fileUrl.slice(0, -staticSuffix.length)}${PHOTO_ROUTE}/${fileId.slice(PHOTO_FOLDER.length + 1)}`
  }
  return fileUrl
}

/** The file id and content hash behind a name served at `PHOTO_ROUTE`, or null for any other name. */
export function servedPhotoFile(name: string): null | { fileId: string; etag: string; mimeType: string } {
  const match = SERVED_NAME.exec(name)
  if (!match) return null
  return {
    fileId: `${PHOTO_FOLDER}/${name}`,
    etag: `"${match[1]}"`,
    mimeType: match[2] === "jpg" ? MIME_TYPE.jpeg : MIME_TYPE.webp,
  }
}
