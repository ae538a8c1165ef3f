/** What one upload may be. Phones send 2–8 MB JPEGs of 12–50 MP; the portal downsizes in the browser first. */
export const PHOTO_LIMITS = {
  bytesPerPhoto: 15 * 1024 * 1024,
  /** Checked from the header before any pixel is decoded, so a pixel-flood PNG costs nothing. */
  pixelsPerPhoto: 40_000_000,
  photosPerRequest: 8,
} as const

/** A whole request may not be longer than its photos can be, plus room for the multipart framing. */
export const MAX_REQUEST_BYTES = PHOTO_LIMITS.photosPerRequest * PHOTO_LIMITS.bytesPerPhoto + 1024 * 1024
