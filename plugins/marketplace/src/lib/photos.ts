import type { MedusaContainer } from "@medusajs/framework/types"
import { findPhotosToAttach } from "@tianyuan/media/lib/attach-photos"
import { MediaError } from "@tianyuan/media/lib/media-errors"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import type { ProducePhoto } from "../workflows/create-produce"

/**
 * Photos the media pipeline stored, in the order the farmer chose them. Only the uploader's own
 * photos (or, when a manager or agent lists for a farmer, the farmer's) can be attached.
 */
export async function loadProducePhotos(container: MedusaContainer, ids: string[], uploadedBy: string[]): Promise<ProducePhoto[]> {
  try {
    return await findPhotosToAttach(container, { photo_ids: ids, uploaded_by: uploadedBy })
  } catch (error) {
    if (MediaError.from(error)?.code === "photo_not_found") throw new PortalError("photo_not_found")
    throw error
  }
}
