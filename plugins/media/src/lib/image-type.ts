/**
 * Decide what a file is from its first bytes, never from its name or Content-Type: a phone may
 * send "photo.jpg" that is really HEIC, and an attacker may send HTML called "apple.png".
 */
export type ImageType = "jpeg" | "png" | "webp" | "heic" | "avif"

/** How many leading bytes sniffing needs: an ISO-BMFF `ftyp` box lists its brands in the first few dozen. */
export const SNIFF_BYTES = 256

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end))

const AVIF_BRANDS = ["avif", "avis"]
const HEIC_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"]

/** The major and compatible brands of an ISO-BMFF `ftyp` box at the start of the file. */
function ftypBrands(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const boxEnd = Math.min(view.getUint32(0), bytes.length)
  const brands = [ascii(bytes, 8, 12)]
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) {
    brands.push(ascii(bytes, offset, offset + 4))
  }
  return brands
}

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "jpeg"
  }
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") {
    return "png"
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return "webp"
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") {
    const brands = ftypBrands(bytes)
    // AVIF files often carry the generic `mif1` brand too, so AVIF wins when both appear.
    if (brands.some((brand) => AVIF_BRANDS.includes(brand))) {
      return "avif"
    }
    if (brands.some((brand) => HEIC_BRANDS.includes(brand))) {
      return "heic"
    }
  }
  return null
}

/** The container sharp reports for each type (`metadata().format`); anything else is refused. */
export const SHARP_FORMAT: Record<ImageType, string> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  heic: "heif",
  avif: "heif",
}
