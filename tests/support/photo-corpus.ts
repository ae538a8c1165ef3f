import { randomBytes } from "node:crypto"
import { deflateSync } from "node:zlib"
import sharp, { type Sharp } from "sharp"

/**
 * The photos the media tests and the photo bench send, made on the spot so nothing binary is checked
 * in: a phone photo with EXIF orientation and GPS, the other accepted formats, and every kind of file
 * the upload route must refuse.
 */

export type CorpusFile = { name: string; bytes: Buffer }

/** Stored landscape 4000×3000 (12 MP) with EXIF orientation 6: it shows as a 3000×4000 portrait. */
export const PORTRAIT = { storedWidth: 4000, storedHeight: 3000, width: 3000, height: 4000 } as const
/** A red square in the stored top-left corner; orientation 6 turns it to the top-right. */
export const MARKER_SIZE = 400

/** Where the test photos were "taken": 洛川县, as degrees/minutes/seconds rationals. */
const GPS = {
  GPSLatitudeRef: "N",
  GPSLatitude: "35/1 45/1 36/1",
  GPSLongitudeRef: "E",
  GPSLongitude: "109/1 25/1 48/1",
}

const cache = new Map<string, Promise<CorpusFile>>()
const once = (key: string, make: () => Promise<CorpusFile>) => {
  if (!cache.has(key)) cache.set(key, make())
  return cache.get(key)!
}

/** Photo-like pixels: blurred noise over a gradient, so encoders work about as hard as on a real photo. */
async function photoPixels(width: number, height: number): Promise<Sharp> {
  const noise = await sharp({
    create: { width: Math.ceil(width / 8), height: Math.ceil(height / 8), channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } },
  })
    .resize(width, height)
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 60 } } }).composite([
    { input: noise, blend: "overlay" },
  ])
}

/** A 12 MP phone photo: JPEG, EXIF orientation 6, camera make and GPS position. */
export const portraitPhoto = () =>
  once("portrait", async () => {
    const marker = await sharp({ create: { width: MARKER_SIZE, height: MARKER_SIZE, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer()
    const base = await (await photoPixels(PORTRAIT.storedWidth, PORTRAIT.storedHeight)).png({ compressionLevel: 1 }).toBuffer()
    const bytes = await sharp(base)
      .composite([{ input: marker, left: 0, top: 0 }])
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: "TianyuanTestPhone", Model: "T1" }, IFD3: GPS })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    return { name: "IMG_2031.jpg", bytes }
  })

/** An ordinary landscape JPEG of the given width, with GPS but upright. */
export const landscapeJpeg = (width: number, height = Math.round((width * 3) / 4)) =>
  once(`landscape-${width}x${height}`, async () => ({
    name: `field-${width}.jpg`,
    bytes: await (await photoPixels(width, height)).jpeg({ quality: 85 }).withExif({ IFD0: { Make: "TianyuanTestPhone" }, IFD3: GPS }).toBuffer(),
  }))

/** A PNG with transparency (a cut-out product shot). */
export const transparentPng = () =>
  once("png", async () => {
    const circle = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><circle cx="400" cy="300" r="250" fill="#d33"/></svg>'
    )
    const bytes = await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: circle }])
      .png()
      .toBuffer()
    return { name: "apple.png", bytes }
  })

export const webpPhoto = () =>
  once("webp", async () => ({ name: "harvest.webp", bytes: await (await photoPixels(1600, 1200)).webp({ quality: 85 }).toBuffer() }))

export const avifPhoto = () =>
  once("avif", async () => ({ name: "orchard.avif", bytes: await (await photoPixels(900, 600)).avif({ quality: 60 }).toBuffer() }))

/** An SVG, which can carry scripts; refused even though sharp could render it. */
export const svgImage = async (): Promise<CorpusFile> => ({
  name: "logo.svg",
  bytes: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><script>alert(document.cookie)</script><rect width="120" height="120" fill="#0a0"/></svg>'
  ),
})

/** A text file with a photo's name. */
export const textNamedJpg = async (): Promise<CorpusFile> => ({
  name: "apple.jpg",
  bytes: Buffer.from("这不是照片 — just some text pretending to be a JPEG.\n".repeat(20)),
})

/** A JPEG cut off at 60%, as a dropped mobile connection leaves it. */
export const truncatedJpeg = () =>
  once("truncated", async () => {
    const whole = (await landscapeJpeg(1600)).bytes
    return { name: "cut-off.jpg", bytes: whole.subarray(0, Math.floor(whole.length * 0.6)) }
  })

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, "latin1"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * A decompression bomb: a PNG of a few hundred bytes whose header declares 30000×30000 pixels
 * (900 MP, 2.7 GB decoded). Only the first rows are present; it must be refused from the header.
 */
export const pixelFloodPng = async (): Promise<CorpusFile> => {
  const width = 30_000
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(width, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const rows = deflateSync(Buffer.alloc((width * 3 + 1) * 4))
  const bytes = Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", header),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ])
  return { name: "flood.png", bytes }
}

/** A complete, valid 8000×8000 (64 MP) PNG of one colour: about 200 KB on the wire. */
export const hugeSolidPng = () =>
  once("solid", async () => ({
    name: "solid.png",
    bytes: await sharp({ create: { width: 8000, height: 8000, channels: 3, background: "#3a7" } }).png({ compressionLevel: 9 }).toBuffer(),
  }))

export const POLYGLOT_MARKERS = ["<script>", "PK\u0003\u0004", "polyglot-payload"] as const

/** A valid JPEG with an HTML page and a ZIP archive appended after its end marker. */
export const polyglotJpeg = () =>
  once("polyglot", async () => {
    const jpeg = (await landscapeJpeg(1200)).bytes
    const html = Buffer.from("<html><body><script>fetch('/steal?c='+document.cookie)</script>polyglot-payload</body></html>")
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(26), Buffer.from("evil.sh polyglot-payload")])
    return { name: "innocent.jpg", bytes: Buffer.concat([jpeg, html, zip]) }
  })

/**
 * What an iPhone's "High Efficiency" setting sends: an HEIF container with HEVC-coded pixels. The
 * prebuilt sharp has no HEVC decoder, so the header is enough to stand for one.
 */
export const heicPhoto = async (): Promise<CorpusFile> => {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")])
  const meta = Buffer.concat([Buffer.from([0, 0, 0, 40]), Buffer.from("meta\0\0\0\0", "latin1"), Buffer.from("hdlr-pict-hvc1-hvcC", "latin1"), Buffer.alloc(13)])
  return { name: "IMG_0001.HEIC", bytes: Buffer.concat([ftyp, meta, randomBytes(4000)]) }
}

/** 16 MiB: a JPEG start followed by noise, over the 15 MB limit before any decoding. */
export const oversizeFile = async (): Promise<CorpusFile> => ({
  name: "huge.jpg",
  bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(16 * 1024 * 1024 - 4)]),
})

/** The tags in an EXIF block's first directory and in its GPS directory, by number (0x8825 = GPS). */
export function exifTags(exif: Buffer | undefined): { ifd0: number[]; gps: number[] } {
  if (!exif) return { ifd0: [], gps: [] }
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0)
  const little = tiff.subarray(0, 2).toString("latin1") === "II"
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset))
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset))
  const directory = (offset: number) => {
    const entries = new Map<number, number>()
    for (let index = 0; index < u16(offset); index++) {
      const entry = offset + 2 + index * 12
      entries.set(u16(entry), u32(entry + 8))
    }
    return entries
  }
  const ifd0 = directory(u32(4))
  const gpsOffset = ifd0.get(0x8825)
  return { ifd0: [...ifd0.keys()], gps: gpsOffset ? [...directory(gpsOffset).keys()] : [] }
}

/**
 * The metadata blocks in a JPEG (APP1 Exif/XMP, APP13 IPTC, APP2 ICC) or WebP (EXIF, XMP, ICCP
 * chunks) file, read from its structure, plus any telltale text anywhere in the bytes.
 */
export function metadataBlocks(bytes: Buffer): string[] {
  const found: string[] = []
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let offset = 2; offset + 4 <= bytes.length && bytes[offset] === 0xff; ) {
      const marker = bytes[offset + 1]
      if (marker === 0xda) break // start of scan: no more metadata segments
      const length = bytes.readUInt16BE(offset + 2)
      const payload = bytes.subarray(offset + 4, offset + 2 + length).toString("latin1")
      if (marker === 0xe1) found.push(payload.startsWith("Exif") ? "jpeg:exif" : "jpeg:xmp")
      if (marker === 0xed) found.push("jpeg:iptc")
      if (marker === 0xe2) found.push("jpeg:icc")
      offset += 2 + length
    }
  } else if (bytes.subarray(0, 4).toString("latin1") === "RIFF") {
    for (let offset = 12; offset + 8 <= bytes.length; ) {
      const chunk = bytes.subarray(offset, offset + 4).toString("latin1")
      if (["EXIF", "XMP ", "ICCP"].includes(chunk)) found.push(`webp:${chunk.trim().toLowerCase()}`)
      const size = bytes.readUInt32LE(offset + 4)
      offset += 8 + size + (size % 2)
    }
  }
  const text = bytes.toString("latin1")
  for (const telltale of ["Exif\0\0", "http://ns.adobe.com/xap", "TianyuanTestPhone"]) {
    if (text.includes(telltale)) found.push(`text:${telltale.replace(/\0/g, "")}`)
  }
  return found
}
