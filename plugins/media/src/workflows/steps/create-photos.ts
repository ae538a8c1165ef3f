import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { variantsColumn } from "../../lib/photo-record"
import { MEDIA_MODULE } from "../../modules/media"
import type MediaModuleService from "../../modules/media/service"
import type { StoredPhoto } from "./store-photo-files"

export type CreatePhotosInput = { uploaded_by: string; photos: StoredPhoto[] }

export const createPhotosStep = createStep(
  "create-photos",
  async (input: CreatePhotosInput, { container }) => {
    const mediaModule = container.resolve<MediaModuleService>(MEDIA_MODULE)
    const photos = await mediaModule.createPhotos(
      input.photos.map((photo) => ({
        uploaded_by: input.uploaded_by,
        width: photo.width,
        height: photo.height,
        placeholder: photo.placeholder,
        variants: variantsColumn(photo.variants),
        source_sha256: photo.source_sha256,
        alt: null,
      }))
    )
    return new StepResponse(photos, photos.map((photo) => photo.id))
  },
  async (photoIds, { container }) => {
    if (!photoIds?.length) return
    await container.resolve<MediaModuleService>(MEDIA_MODULE).deletePhotos(photoIds)
  }
)
