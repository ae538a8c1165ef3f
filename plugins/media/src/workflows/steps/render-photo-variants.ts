import { rm } from "node:fs/promises"
import path from "node:path"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImageType } from "../../lib/image-type"
import type { PhotoRef } from "../../lib/media-errors"
import { type RenderedPhoto, renderPhoto } from "../../lib/photo-pipeline"

/** An upload waiting on local disk, as `receivePhotos` left it. */
export type PhotoUpload = { path: string; type: ImageType; ref: PhotoRef; source_sha256: string }

export type RenderedUpload = RenderedPhoto & { source_sha256: string }

/**
 * Decodes and re-encodes every upload before anything is stored, so one bad photo refuses the whole
 * request at no cost. Photos go one at a time: each already has its own libvips thread, and a request
 * of eight 12 MP photos then needs the memory of one. Variants are written beside their upload.
 */
export const renderPhotoVariantsStep = createStep(
  "render-photo-variants",
  async (uploads: PhotoUpload[]) => {
    const rendered: RenderedUpload[] = []
    try {
      for (const upload of uploads) {
        rendered.push({ ...(await renderPhoto(upload, path.dirname(upload.path))), source_sha256: upload.source_sha256 })
      }
    } catch (error) {
      await removeFiles(rendered.flatMap((photo) => photo.variants.map((variant) => variant.path)))
      throw error
    }
    return new StepResponse(
      rendered,
      rendered.flatMap((photo) => photo.variants.map((variant) => variant.path))
    )
  },
  async (paths) => {
    if (paths) await removeFiles(paths)
  }
)

const removeFiles = (paths: string[]) => Promise.all(paths.map((file) => rm(file, { force: true })))
