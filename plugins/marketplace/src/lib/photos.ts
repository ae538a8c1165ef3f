import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import type { ProducePhoto } from "../workflows/create-produce"

/** Photos the media pipeline stored, in the order the farmer chose them; an unknown id is an error. */
export async function loadProducePhotos(container: MedusaContainer, ids: string[], uploadedBy?: string): Promise<ProducePhoto[]> {
  if (ids.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "photo",
    fields: ["id", "width", "height", "placeholder", "variants", "uploaded_by"],
    filters: { id: ids },
  })
  const byId = new Map((data as (ProducePhoto & { uploaded_by: string })[]).map((photo) => [photo.id, photo]))
  return ids.map((id) => {
    const photo = byId.get(id)
    // Photos are attached only by whoever uploaded them (or for whom an agent uploaded them).
    if (!photo || (uploadedBy && photo.uploaded_by !== uploadedBy)) throw new PortalError("photo_not_found")
    const variants = (Array.isArray(photo.variants) ? photo.variants : (photo.variants as { items?: ProducePhoto["variants"] })?.items ?? []).map(
      ({ width, format, url }) => ({ width, format, url })
    )
    return { id: photo.id, width: photo.width, height: photo.height, placeholder: photo.placeholder, variants }
  })
}
