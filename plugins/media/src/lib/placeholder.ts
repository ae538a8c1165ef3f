import sharp, { type Sharp } from "sharp"

/** thumbhash ships as an ES module only; this plugin compiles to CommonJS, hence the dynamic import. */
const thumbhash = () => import("thumbhash")

/** thumbhash encodes images of at most 100×100 pixels. */
export const PLACEHOLDER_SOURCE_SIZE = 100

/**
 * A ~25-byte ThumbHash (base64) of an already decoded and oriented image: enough for a blurred
 * first paint, with the image's aspect ratio and alpha, before any variant arrives.
 */
export async function placeholderOf(pixels: Sharp): Promise<string> {
  const { data, info } = await pixels
    .resize(PLACEHOLDER_SOURCE_SIZE, PLACEHOLDER_SOURCE_SIZE, { fit: "inside" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { rgbaToThumbHash } = await thumbhash()
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString("base64")
}

/**
 * The placeholder as a tiny PNG data URL (a few hundred bytes), for `<img>` backgrounds in server-
 * rendered pages. Browsers can decode the hash themselves with thumbhash's `thumbHashToDataURL`.
 */
export async function placeholderDataUrl(placeholder: string): Promise<string> {
  const { thumbHashToRGBA } = await thumbhash()
  const { w, h, rgba } = thumbHashToRGBA(Buffer.from(placeholder, "base64"))
  const png = await sharp(Buffer.from(rgba), { raw: { width: w, height: h, channels: 4 } })
    .png({ compressionLevel: 9 })
    .toBuffer()
  return `data:image/png;base64,${png.toString("base64")}`
}
