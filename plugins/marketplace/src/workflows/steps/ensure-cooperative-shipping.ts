import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FULFILLMENT_PROVIDER_ID, SHIPPING_PROFILE_TYPE } from "../../lib/shipping"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export type CooperativeShipping = {
  cooperative_id: string
  shipping_profile_id: string
  stock_location_id: string
  delivery_fulfillment_set_id: string
}

type Created = {
  cooperative_id: string
  profile_id?: string
  provider_link?: boolean
  stock_location_id?: string
  fulfillment_set_id?: string
}

/** Links a stock location to Medusa's manual fulfilment provider unless it already is. */
export async function ensureProviderLink(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id"],
    filters: { id: locationId },
  })
  const linked = (data[0]?.fulfillment_providers ?? []).some((provider: { id: string } | null) => provider?.id === FULFILLMENT_PROVIDER_ID)
  if (linked) return false
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID },
  })
  return true
}

/**
 * What every cooperative needs before it can ship, created where missing: its own shipping profile,
 * the manual fulfilment provider on its stock location, and the `shipping` (delivery) fulfillment
 * set there. Safe to run again; the compensation removes only what this run created.
 */
export const ensureCooperativeShippingStep = createStep(
  "ensure-cooperative-shipping",
  async (input: { cooperative_id: string }, { container }) => {
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const cooperative = await marketplace.retrieveCooperative(input.cooperative_id)
    if (!cooperative.stock_location_id) {
      throw new Error(`Cooperative ${cooperative.id} has no stock location`)
    }
    const created: Created = { cooperative_id: cooperative.id }

    let profileId = cooperative.shipping_profile_id
    if (!profileId) {
      const name = `合作社 ${cooperative.name} (${cooperative.id})`
      const [existing] = await fulfillment.listShippingProfiles({ name })
      const profile = existing ?? (await fulfillment.createShippingProfiles({ name, type: SHIPPING_PROFILE_TYPE }))
      if (!existing) created.profile_id = profile.id
      profileId = profile.id
      await marketplace.updateCooperatives({ id: cooperative.id, shipping_profile_id: profileId })
    }

    if (await ensureProviderLink(container, cooperative.stock_location_id)) {
      created.provider_link = true
      created.stock_location_id = cooperative.stock_location_id
    }

    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "fulfillment_sets.id", "fulfillment_sets.type"],
      filters: { id: cooperative.stock_location_id },
    })
    let setId = (data[0]?.fulfillment_sets ?? []).find((set: { id: string; type: string } | null) => set?.type === "shipping")?.id as
      | string
      | undefined
    if (!setId) {
      const set = await fulfillment.createFulfillmentSets({ name: `送货 ${cooperative.id}`, type: "shipping" })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.STOCK_LOCATION]: { stock_location_id: cooperative.stock_location_id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
      })
      created.fulfillment_set_id = set.id
      created.stock_location_id = cooperative.stock_location_id
      setId = set.id
    }

    const result: CooperativeShipping = {
      cooperative_id: cooperative.id,
      shipping_profile_id: profileId,
      stock_location_id: cooperative.stock_location_id,
      delivery_fulfillment_set_id: setId,
    }
    return new StepResponse(result, created)
  },
  async (created, { container }) => {
    if (!created) return
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (created.fulfillment_set_id && created.stock_location_id) {
      await link.dismiss({
        [Modules.STOCK_LOCATION]: { stock_location_id: created.stock_location_id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: created.fulfillment_set_id },
      })
      await fulfillment.deleteFulfillmentSets([created.fulfillment_set_id])
    }
    if (created.provider_link && created.stock_location_id) {
      await link.dismiss({
        [Modules.STOCK_LOCATION]: { stock_location_id: created.stock_location_id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID },
      })
    }
    if (created.profile_id) {
      const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      const [cooperative] = await marketplace.listCooperatives({ id: created.cooperative_id })
      if (cooperative?.shipping_profile_id === created.profile_id) {
        await marketplace.updateCooperatives({ id: cooperative.id, shipping_profile_id: null })
      }
      await fulfillment.deleteShippingProfiles([created.profile_id])
    }
  }
)
