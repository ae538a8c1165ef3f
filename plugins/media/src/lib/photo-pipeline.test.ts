import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import sharp from "sharp"
import * as corpus from "../../../../tests/support/photo-corpus"
import { type ImageType, SNIFF_BYTES, sniffImageType } from "./image-type"
import { MediaError } from "./media-errors"
import { type RenderedPhoto, renderPhoto, webpWidths } from "./photo-pipeline"

describe("webpWidths", () => {
  it("serves 320, 640 and 1280 px and never upscales", () => {
    expect(webpWidths(4000)).toEqual([320, 640, 1280])
    expect(webpWidths(1280)).toEqual([320, 640, 1280])
    expect(webpWidths(1000)).toEqual([320, 640, 1000])
    expect(webpWidths(640)).toEqual([320, 640])
    expect(webpWidths(500)).toEqual([320, 500])
    expect(webpWidths(320)).toEqual([320])
    expect(webpWidths(200)).toEqual([200])
  })
})

describe("renderPhoto", () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "media-pipeline-test-"))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const render = async (file: corpus.CorpusFile, type: ImageType | null = sniffImageType(file.bytes.subarray(0, SNIFF_BYTES))) => {
    const source = path.join(dir, `${Math.random().toString(36).slice(2)}-${file.name}`)
    await writeFile(source, file.bytes)
    if (!type) throw new Error(`${file.name} does not sniff as an image`)
    return renderPhoto({ path: source, type, ref: { position: 1, name: file.name } }, dir)
  }
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "accepted",
      (error) => (error instanceof MediaError ? error.code : `unexpected: ${error}`)
    )

  async function expectClean(photo: RenderedPhoto) {
    for (const variant of photo.variants) {
      const bytes = await readFile(variant.path)
      const metadata = await sharp(bytes).metadata()
      expect(metadata.exif, variant.path).toBeUndefined()
      expect(metadata.xmp, variant.path).toBeUndefined()
      expect(metadata.iptc, variant.path).toBeUndefined()
      expect(metadata.orientation, variant.path).toBeUndefined()
      expect(corpus.metadataBlocks(bytes), variant.path).toEqual([])
      expect(metadata.format).toBe(variant.format === "jpeg" ? "jpeg" : "webp")
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height])
    }
  }

  it("turns a phone photo upright, drops its EXIF and GPS, and makes every variant", async () => {
    const source = await corpus.portraitPhoto()
    expect(corpus.exifTags((await sharp(source.bytes).metadata()).exif).gps.length).toBeGreaterThan(0)
    const photo = await render(source)
    expect([photo.width, photo.height]).toEqual([corpus.PORTRAIT.width, corpus.PORTRAIT.height])
    expect(photo.variants.map((v) => `${v.format}:${v.width}`)).toEqual(["webp:320", "webp:640", "webp:1280", "jpeg:640"])
    for (const variant of photo.variants) expect(variant.height).toBeGreaterThan(variant.width)
    await expectClean(photo)

    // The red corner stored top-left shows top-right once turned by orientation 6.
    const small = photo.variants[0]
    const { data, info } = await sharp(small.path).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
    const [r, g, b] = pixel(info.width - 5, 5)
    expect(r).toBeGreaterThan(200)
    expect(g + b).toBeLessThan(80)
    expect(pixel(5, 5)[0]).toBeLessThan(200)
  })

  it("keeps a narrow photo at its own width instead of blowing it up", async () => {
    const photo = await render(await corpus.landscapeJpeg(500))
    expect(photo.variants.map((v) => `${v.format}:${v.width}`)).toEqual(["webp:320", "webp:500", "jpeg:500"])
    await expectClean(photo)
  })

  it("accepts PNG with transparency, WebP and AVIF", async () => {
    const png = await render(await corpus.transparentPng())
    expect([png.width, png.height]).toEqual([800, 600])
    expect((await sharp(png.variants[0].path).metadata()).hasAlpha).toBe(true)
    // The JPEG fallback has no alpha: transparent parts turn white, not black.
    const { data } = await sharp(png.variants.at(-1)!.path).raw().toBuffer({ resolveWithObject: true })
    expect([...data.subarray(0, 3)].every((channel) => channel > 240)).toBe(true)
    await expectClean(png)
    await expectClean(await render(await corpus.webpPhoto()))
    await expectClean(await render(await corpus.avifPhoto()))
  })

  it("re-encodes a polyglot so nothing appended to it survives", async () => {
    const photo = await render(await corpus.polyglotJpeg())
    for (const variant of photo.variants) {
      const text = (await readFile(variant.path)).toString("latin1")
      for (const marker of corpus.POLYGLOT_MARKERS) expect(text).not.toContain(marker)
    }
  })

  it("refuses truncated files, decompression bombs, HEIC it cannot decode and files that lie about their type", async () => {
    expect(await refusal(render(await corpus.truncatedJpeg()))).toBe("photo_truncated")
    expect(await refusal(render(await corpus.pixelFloodPng()))).toBe("photo_too_many_pixels")
    expect(await refusal(render(await corpus.hugeSolidPng()))).toBe("photo_too_many_pixels")
    expect(await refusal(render(await corpus.heicPhoto()))).toBe("heic_not_supported")
    // Sniffed as one type, decoded as another: refused, whatever sharp could make of it.
    expect(await refusal(render(await corpus.transparentPng(), "jpeg"))).toBe("not_a_photo")
    expect(await refusal(render(await corpus.svgImage(), "png"))).toBe("not_a_photo")
  })

  it("makes a placeholder with the photo's aspect ratio", async () => {
    const photo = await render(await corpus.landscapeJpeg(800, 400))
    const { thumbHashToApproximateAspectRatio } = await import("thumbhash")
    expect(thumbHashToApproximateAspectRatio(Buffer.from(photo.placeholder, "base64"))).toBeCloseTo(2, 0)
    expect(photo.placeholder.length).toBeLessThan(48)
  })
})
