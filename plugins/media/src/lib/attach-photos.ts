import { MEDIA_MODULE } from "../modules/media"
import type MediaModuleService from "../modules/media/service"
import { MediaError } from "./media-errors"
import type { PhotoFormat } from "./photo-pipeline"
import { storedVariants } from "./photo-record"

/** What another plugin copies or links when it attaches a photo to produce, a notice or a report. */
export type AttachablePhoto = {
  id: string
  width: number
  height: number
  placeholder: string
  variants: { width: number; format: PhotoFormat; url: string }[]
}

export type FindPhotosInput = {
  photo_ids: string[]
  /** Whose uploads may be attached: the acting member, or the members an agent acts for. */
  uploaded_by: string | string[]
}

/**
 * The photos to attach, in the order asked. Any id that is unknown or was uploaded by someone else
 * fails the whole call with `photo_not_found`, so another member's photo looks like no photo at all.
 */
export async function findPhotosToAttach(
  scope: { resolve<T>(key: string): T },
  input: FindPhotosInput
): Promise<AttachablePhoto[]> {
  if (input.photo_ids.length === 0) return []
  const uploaders = Array.isArray(input.uploaded_by) ? input.uploaded_by : [input.uploaded_by]
  const found = await scope
    .resolve<MediaModuleService>(MEDIA_MODULE)
    .listPhotos({ id: [...new Set(input.photo_ids)], uploaded_by: uploaders }, { take: null })
  const byId = new Map(found.map((photo) => [photo.id, photo]))
  return input.photo_ids.map((id) => {
    const photo = byId.get(id)
    if (!photo) throw new MediaError("photo_not_found")
    return {
      id: photo.id,
      width: photo.width,
      height: photo.height,
      placeholder: photo.placeholder,
      variants: storedVariants(photo).map(({ width, format, url }) => ({ width, format, url })),
    }
  })
}
