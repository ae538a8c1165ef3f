import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type FindPhotosInput, findPhotosToAttach } from "../../lib/attach-photos"

/**
 * For other plugins' workflows (listing produce, filing a damage report): the photos to attach, in
 * order, or a `photo_not_found` MediaError when one is unknown or someone else's. Reads only.
 */
export const findPhotosToAttachStep = createStep("find-photos-to-attach", async (input: FindPhotosInput, { container }) => {
  return new StepResponse(await findPhotosToAttach(container, input))
})
