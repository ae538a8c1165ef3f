import type { InferTypeOf } from "@medusajs/framework/types"
import type { Photo } from "../modules/media/models/photo"
import type { PhotoFormat } from "./photo-pipeline"

/** A photo row as the media module returns it. */
export type PhotoRecord = InferTypeOf<typeof Photo>

/** One stored variant of a photo, as kept in `photo.variants`. */
export type StoredVariant = { width: number; format: PhotoFormat; url: string; file_id: string; bytes: number }

/** The JSON column holds an array; the data model types every JSON column as an object. */
export function storedVariants(photo: Pick<PhotoRecord, "variants">): StoredVariant[] {
  return Array.isArray(photo.variants) ? (photo.variants as unknown as StoredVariant[]) : []
}

export function variantsColumn(variants: StoredVariant[]): Record<string, unknown> {
  return variants as unknown as Record<string, unknown>
}
