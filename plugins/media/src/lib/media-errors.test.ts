import { serializeError } from "@medusajs/framework/utils"
import { MediaError } from "./media-errors"

describe("MediaError", () => {
  it("speaks the member's language and names the photo", () => {
    const error = new MediaError("photo_too_large", { max: 15 }, { position: 2, name: "IMG_1.HEIC" })
    expect(error.status).toBe(413)
    expect(error.messageIn("zh-CN")).toBe("“IMG_1.HEIC”太大了（超过 15 MB），请换一张或压缩后再上传。")
    expect(error.messageIn("en")).toBe("“IMG_1.HEIC” is larger than 15 MB. Choose a smaller one or compress it first.")
    expect(new MediaError("not_a_photo", {}, { position: 3 }).messageIn("zh-CN")).toMatch(/^第 3 张照片不是照片/)
    expect(new MediaError("not_a_photo", {}, { position: 3 }).messageIn("en")).toMatch(/^Photo 3 is not a photo/)
    expect(new MediaError("too_many_photos", { max: 8 }).messageIn("en")).toBe("Upload at most 8 photos at a time.")
    expect(new MediaError("heic_not_supported").messageIn("zh-CN")).toContain("兼容性最佳")
    expect(new MediaError("heic_not_supported").messageIn("en")).toContain("Most Compatible")
  })

  it("is recognised after a workflow serialised it", () => {
    const original = new MediaError("photo_truncated", {}, { position: 1, name: "a.jpg" })
    const revived = MediaError.from(serializeError(original))
    expect(revived).toBeInstanceOf(MediaError)
    expect(revived?.code).toBe("photo_truncated")
    expect(revived?.messageIn("en")).toBe(original.messageIn("en"))
    expect(MediaError.from(new Error("photo_truncated"))).toBeNull()
    expect(MediaError.from({ name: "MediaError", code: "drop_tables" })).toBeNull()
    expect(MediaError.from({ name: "MediaError", code: "constructor" })).toBeNull()
  })
})
