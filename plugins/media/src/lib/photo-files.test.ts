import { publicVariantUrl, servedPhotoFile, variantFilename } from "./photo-files"

const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

describe("photo file names and URLs", () => {
  it("names a variant by its content hash and width", () => {
    expect(variantFilename({ sha256: sha, width: 640, format: "webp" })).toBe("photos/0123456789abcdef0123-640.webp")
    expect(variantFilename({ sha256: sha, width: 640, format: "jpeg" })).toBe("photos/0123456789abcdef0123-640.jpg")
  })

  it("moves local-provider URLs from /static to the cached photo route and leaves S3 URLs alone", () => {
    const id = "photos/1764400000000-0123456789abcdef0123-640.webp"
    expect(publicVariantUrl(`http://localhost:9000/static/${id}`, id)).toBe(
      "http://localhost:9000/media/photos/1764400000000-0123456789abcdef0123-640.webp"
    )
    expect(publicVariantUrl(`https://shop.example.cn/api/static/${id}`, id)).toBe(
      "https://shop.example.cn/api/media/photos/1764400000000-0123456789abcdef0123-640.webp"
    )
    const s3 = "photos/0123456789abcdef0123-640-01JDX.webp"
    expect(publicVariantUrl(`https://bucket.oss.example.com/${s3}`, s3)).toBe(`https://bucket.oss.example.com/${s3}`)
  })

  it("serves only names shaped like stored variants", () => {
    expect(servedPhotoFile("1764400000000-0123456789abcdef0123-640.webp")).toEqual({
      fileId: "photos/1764400000000-0123456789abcdef0123-640.webp",
      etag: '"0123456789abcdef0123"',
      mimeType: "image/webp",
    })
    expect(servedPhotoFile("1764400000000-0123456789abcdef0123-640.jpg")?.mimeType).toBe("image/jpeg")
    for (const name of ["..%2F..%2Fsecrets.json", "../x.webp", "1-0123456789abcdef0123-640.svg", "private-1-0123456789abcdef0123-1.webp", "a.webp"]) {
      expect(servedPhotoFile(name), name).toBeNull()
    }
  })
})
