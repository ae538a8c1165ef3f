import { placeholderDataUrl } from "./placeholder"
import { type PhotoRecord, storedVariants } from "./photo-record"
import type { PhotoFormat } from "./photo-pipeline"

/** A photo as members and buyers see it: no file ids, no uploader, no source hash. */
export type PresentedPhoto = {
  id: string
  width: number
  height: number
  placeholder: string
  placeholder_data_url: string
  variants: { width: number; format: PhotoFormat; url: string }[]
}

export async function presentPhoto(photo: PhotoRecord): Promise<PresentedPhoto> {
  return {
    id: photo.id,
    width: photo.width,
    height: photo.height,
    placeholder: photo.placeholder,
    placeholder_data_url: await placeholderDataUrl(photo.placeholder),
    variants: storedVariants(photo).map(({ width, format, url }) => ({ width, format, url })),
  }
}
