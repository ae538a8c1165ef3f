import { readFile } from "node:fs/promises"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MIME_TYPE, publicVariantUrl, variantFilename } from "../../lib/photo-files"
import type { StoredVariant } from "../../lib/photo-record"
import type { RenderedUpload } from "./render-photo-variants"

export type StoredPhoto = Omit<RenderedUpload, "variants"> & { variants: StoredVariant[] }

/**
 * Hands every variant to Medusa's File module (local `static/` by default, S3 when configured) under
 * a content-hashed name. Uploads run side by side; if any fails, the ones that made it are deleted
 * before the error goes on, and the compensation deletes them all when a later step fails.
 */
export const storePhotoFilesStep = createStep(
  "store-photo-files",
  async (photos: RenderedUpload[], { container }) => {
    const fileModule = container.resolve(Modules.FILE)
    const variants = photos.flatMap((photo) => photo.variants)
    const uploads = await Promise.allSettled(
      variants.map(async (variant) =>
        fileModule.createFiles({
          filename: variantFilename(variant),
          mimeType: MIME_TYPE[variant.format],
          content: (await readFile(variant.path)).toString("base64"),
          access: "public",
        })
      )
    )
    const stored = uploads.flatMap((upload) => (upload.status === "fulfilled" ? [upload.value] : []))
    const failed = uploads.find((upload): upload is PromiseRejectedResult => upload.status === "rejected")
    if (failed) {
      if (stored.length > 0) await fileModule.deleteFiles(stored.map((file) => file.id))
      throw failed.reason
    }

    // Nothing failed, so `stored` lines up with `variants`, photo after photo.
    const files = [...stored]
    const result: StoredPhoto[] = photos.map((photo) => ({
      ...photo,
      variants: photo.variants.map((variant) => {
        const file = files.shift()!
        return {
          width: variant.width,
          format: variant.format,
          url: publicVariantUrl(file.url, file.id),
          file_id: file.id,
          bytes: variant.bytes,
        }
      }),
    }))
    return new StepResponse(result, stored.map((file) => file.id))
  },
  async (fileIds, { container }) => {
    if (!fileIds?.length) return
    await container.resolve(Modules.FILE).deleteFiles(fileIds)
  }
)
