import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPhotosStep } from "./steps/create-photos"
import { type PhotoUpload, renderPhotoVariantsStep } from "./steps/render-photo-variants"
import { storePhotoFilesStep } from "./steps/store-photo-files"

export type ProcessPhotosInput = { member_id: string; uploads: PhotoUpload[] }

/**
 * Turns a member's uploads into stored photos: every upload is checked and re-encoded first, then
 * the variants are stored, then the photo rows are written. A failure at any point removes what the
 * earlier steps stored, so a refused request leaves no file and no row behind.
 */
export const processPhotosWorkflow = createWorkflow("process-photos", (input: ProcessPhotosInput) => {
  const rendered = renderPhotoVariantsStep(input.uploads)
  const stored = storePhotoFilesStep(rendered)
  const photos = createPhotosStep(
    transform({ input, stored }, ({ input, stored }) => ({ uploaded_by: input.member_id, photos: stored }))
  )
  return new WorkflowResponse(photos)
})
