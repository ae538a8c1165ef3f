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

  it("refuses SVG, HTML and truncated headers whatever they are called", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniffImageType(bytes("<!doctype html><script>"))).toBeNull()
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })
})
