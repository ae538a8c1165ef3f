import { createHash } from "node:crypto"
import { writeFile } from "node:fs/promises"
import path from "node:path"
import sharp, { type OutputInfo, type Sharp, type SharpOptions } from "sharp"
import { type ImageType, SHARP_FORMAT } from "./image-type"
import { MediaError, type PhotoRef } from "./media-errors"
import { PHOTO_LIMITS } from "./photo-limits"
import { placeholderOf } from "./placeholder"

// One libvips thread per image: uploads run side by side on the libuv pool instead of every photo
// claiming every core, which keeps time and memory per photo predictable. The operation cache is off
// because each source file is read once and then deleted.
sharp.concurrency(1)
sharp.cache(false)

export type PhotoFormat = "webp" | "jpeg"

/** The widths a photo is served at; phones show 320–640 px, a desktop product page 1280 px. */
export const WEBP_WIDTHS = [320, 640, 1280] as const
/** One JPEG for the few clients without WebP (old WeChat in-app browsers). */
export const JPEG_WIDTH = 640

const QUALITY = 80
// Measured on a 12 MP photo, one core: effort 2 encodes the 1280 px WebP in 125 ms instead of 290 ms
// (default 4) for 3% more bytes; mozjpeg would save 5% on the rare JPEG fallback for 90 ms more.
const WEBP_EFFORT = 2

/**
 * The WebP widths for a photo `width` pixels wide (after orientation). Never upscaled: a photo
 * narrower than 1280 px keeps its own width as the largest variant instead, so 500 px gives 320 and
 * 500, and a 200 px photo only 200.
 */
export function webpWidths(width: number): number[] {
  const largest = Math.min(width, WEBP_WIDTHS[WEBP_WIDTHS.length - 1])
  return [...WEBP_WIDTHS.filter((candidate) => candidate < largest), largest]
}

export type PhotoSource = { path: string; type: ImageType; ref: PhotoRef }

export type RenderedVariant = {
  width: number
  height: number
  format: PhotoFormat
  /** A temporary file beside the upload; the store step hands it to the File module. */
  path: string
  bytes: number
  sha256: string
}

export type RenderedPhoto = { width: number; height: number; placeholder: string; variants: RenderedVariant[] }

const decodeOptions = {
  limitInputPixels: PHOTO_LIMITS.pixelsPerPhoto,
  // Default ("warning") also refuses harmless quirks of phone JPEGs; a cut-off file must still fail.
  failOn: "truncated",
  sequentialRead: true,
} satisfies SharpOptions

/**
 * Decodes an upload once, oriented by its EXIF tag and reduced to the largest width served, then
 * encodes every variant and the placeholder from those pixels. Outputs are written without any
 * metadata (EXIF, GPS, XMP, ICC are dropped; colours are converted to sRGB), and re-encoding leaves
 * behind anything appended to the file, such as a script or a ZIP in a polyglot.
 */
export async function renderPhoto(source: PhotoSource, outDir: string): Promise<RenderedPhoto> {
  const { data, info, oriented } = await decode(source)
  const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })

  const variants: RenderedVariant[] = []
  for (const width of webpWidths(info.width)) {
    variants.push(await save(pixels().resize({ width }).webp({ quality: QUALITY, effort: WEBP_EFFORT }), "webp", outDir))
  }
  const jpeg = pixels()
    .resize({ width: Math.min(JPEG_WIDTH, info.width) })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: QUALITY, progressive: true })
  variants.push(await save(jpeg, "jpeg", outDir))

  return { ...oriented, placeholder: await placeholderOf(pixels()), variants }
}

type Decoded = { data: Buffer; info: OutputInfo; oriented: { width: number; height: number } }

async function decode(source: PhotoSource): Promise<Decoded> {
  try {
    const metadata = await sharp(source.path, decodeOptions).metadata()
    if (metadata.format !== SHARP_FORMAT[source.type]) {
      throw new MediaError("not_a_photo", {}, source.ref)
    }
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > PHOTO_LIMITS.pixelsPerPhoto) {
      throw tooManyPixels(source.ref)
    }
    const { data, info } = await sharp(source.path, decodeOptions)
      .rotate()
      .resize({ width: WEBP_WIDTHS[WEBP_WIDTHS.length - 1], withoutEnlargement: true })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true })
    return { data, info, oriented: { width: metadata.autoOrient.width, height: metadata.autoOrient.height } }
  } catch (error) {
    throw refusal(error, source)
  }
}

async function save(image: Sharp, format: PhotoFormat, outDir: string): Promise<RenderedVariant> {
  const { data, info } = await image.toBuffer({ resolveWithObject: true })
  const sha256 = createHash("sha256").update(data).digest("hex")
  const file = path.join(outDir, `${sha256.slice(0, 20)}-${info.width}.${format === "jpeg" ? "jpg" : "webp"}`)
  await writeFile(file, data)
  return { width: info.width, height: info.height, format, path: file, bytes: data.length, sha256 }
}

const tooManyPixels = (ref: PhotoRef) =>
  new MediaError("photo_too_many_pixels", { megapixels: PHOTO_LIMITS.pixelsPerPhoto / 1_000_000 }, ref)

/** Turns what libvips says about a file it cannot or will not decode into a message for the member. */
function refusal(error: unknown, source: PhotoSource): MediaError {
  if (error instanceof MediaError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (/pixel limit/i.test(message)) return tooManyPixels(source.ref)
  // The prebuilt libvips reads AVIF but has no HEVC decoder, so most iPhone HEICs end here.
  if (source.type === "heic") return new MediaError("heic_not_supported", {}, source.ref)
  if (/premature end|truncated|unexpected end|not enough data|end of file/i.test(message)) {
    return new MediaError("photo_truncated", {}, source.ref)
  }
  if (/unsupported image format/i.test(message)) return new MediaError("not_a_photo", {}, source.ref)
  return new MediaError("photo_damaged", {}, source.ref)
}
