import { sniffImageType } from "./image-type"

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)))

describe("sniffImageType", () => {
  it("recognises the photo formats phones send", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe1]))).toBe("jpeg")
    expect(sniffImageType(bytes("\x89PNG\r\n\x1a\n", [0, 0, 0, 13]))).toBe("png")
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("webp")
    expect(sniffImageType(bytes([0, 0, 0, 24], "ftypheic"))).toBe("heic")
    expect(sniffImageType(bytes([0, 0, 0, 24], "ftypavif"))).toBe("avif")
  })

  it("reads the compatible brands of the ftyp box", () => {
    // An iPhone HEIC: major brand heic, compatible mif1 + heic.
    expect(sniffImageType(bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0], "mif1heic"))).toBe("heic")
    // Generic major brand with an AVIF compatible brand is AVIF, not HEIC.
    expect(sniffImageType(bytes([0, 0, 0, 28], "ftypmif1", [0, 0, 0, 0], "mif1avifmiaf"))).toBe("avif")
    // A video (mp4) is not a photo.
    expect(sniffImageType(bytes([0, 0, 0, 24], "ftypisom", [0, 0, 2, 0], "isomiso2"))).toBeNull()
  })

  it("stops at the end of a short or lying ftyp box", () => {
    expect(sniffImageType(bytes([0xff, 0xff, 0xff, 0xff], "ftypmif1", [0, 0, 0, 0], "av"))).toBe("heic")
    expect(sniffImageType(bytes([0, 0, 0, 12], "ftypmp42", [0, 0, 0, 0], "heic"))).toBeNull()
  })

  it("refuses SVG, HTML, GIF and truncated headers whatever they are called", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniffImageType(bytes('<?xml version="1.0"?><svg>'))).toBeNull()
    expect(sniffImageType(bytes("<!doctype html><script>"))).toBeNull()
    expect(sniffImageType(bytes("GIF89a", [1, 0, 1, 0]))).toBeNull()
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })
})
