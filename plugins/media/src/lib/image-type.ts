/**
 * Decide what a file is from its first bytes, never from its name or Content-Type: a phone may
 * send "photo.jpg" that is really HEIC, and an attacker may send HTML called "apple.png".
 */
export type ImageType = "jpeg" | "png" | "webp" | "heic" | "avif"

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end))

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
    const brand = ascii(bytes, 8, 12)
    if (["heic", "heix", "hevc", "hevx", "mif1", "msf1"].includes(brand)) {
      return "heic"
    }
    if (brand === "avif" || brand === "avis") {
      return "avif"
    }
  }
  return null
}
