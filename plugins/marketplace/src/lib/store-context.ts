import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The store's default sales channel and shipping profile, which every listed produce joins. */
export async function listingDefaults(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "default_sales_channel_id"] })
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id"] })
  if (!store?.default_sales_channel_id || !profile) {
    throw new Error("The store has no default sales channel or shipping profile: run the seed")
  }
  return { sales_channel_id: store.default_sales_channel_id, shipping_profile_id: profile.id }
}
