import type { MedusaContainer } from "@medusajs/framework/types"
import type { DemoProduce } from "./demo"

/**
 * Demo produce photos are drawn at seed time (never downloaded) and go through the same media
 * pipeline as a farmer's upload. Until the media plugin's pipeline is wired in, produce has none.
 */
export async function demoProducePhotos(_container: MedusaContainer, _item: DemoProduce, _farmerId: string) {
  return [] as { id: string; width: number; height: number; placeholder: string; variants: { width: number; format: "webp" | "jpeg"; url: string }[] }[]
}
