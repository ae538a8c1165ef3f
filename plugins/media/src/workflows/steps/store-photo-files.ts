import { readFile } from "node:fs/promises"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MIME_TYPE, publicVariantUrl, variantFilename } from "../../lib/photo-files"
import type { StoredVariant } from "../../lib/photo-record"
import type { RenderedUpload } from "./render-photo-variants"

export type StoredPhoto = Omit<RenderedUpload, "variants"> & { variants: StoredVariant[] }

/**
 * Hands every variant to Medusa's File module (local `static/` by default, S3 when configured) under
 * a content-hashed name; identical variants (the same photo sent twice) share one file. Uploads run
 * side by side; if any fails, the ones that made it are deleted before the error goes on, and the
 * compensation deletes them all when a later step fails.
 */
export const storePhotoFilesStep = createStep(
  "store-photo-files",
  async (photos: RenderedUpload[], { container }) => {
    const fileModule = container.resolve(Modules.FILE)
    const distinct = new Map(photos.flatMap((photo) => photo.variants).map((variant) => [variantFilename(variant), variant]))
    const uploads = await Promise.allSettled(
      [...distinct].map(async ([filename, variant]) => {
        const file = await fileModule.createFiles({
          filename,
          mimeType: MIME_TYPE[variant.format],
          content: (await readFile(variant.path)).toString("base64"),
          access: "public",
        })
        return [filename, file] as const
      })
    )
    const stored = uploads.flatMap((upload) => (upload.status === "fulfilled" ? [upload.value] : []))
    const failed = uploads.find((upload): upload is PromiseRejectedResult => upload.status === "rejected")
    if (failed) {
      if (stored.length > 0) await fileModule.deleteFiles(stored.map(([, file]) => file.id))
      throw failed.reason
    }

    const files = new Map(stored)
    const result: StoredPhoto[] = photos.map((photo) => ({
      ...photo,
      variants: photo.variants.map((variant) => {
        const file = files.get(variantFilename(variant))!
        return {
          width: variant.width,
          format: variant.format,
          url: publicVariantUrl(file.url, file.id),
          file_id: file.id,
          bytes: variant.bytes,
        }
      }),
    }))
    return new StepResponse(result, [...files.values()].map((file) => file.id))
  },
  async (fileIds, { container }) => {
    if (!fileIds?.length) return
    await container.resolve(Modules.FILE).deleteFiles(fileIds)
  }
)
