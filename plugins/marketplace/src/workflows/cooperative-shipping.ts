import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  deleteShippingOptionsWorkflow,
  deleteStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateShippingOptionsWorkflow,
  updateShippingOptionTypesWorkflow,
  updateStockLocationsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  DELIVERY_OPTION_CODE,
  FULFILLMENT_PROVIDER_ID,
  PICKUP_OPTION_CODE,
  PICKUP_POINT_KIND,
  SHIPPING_OPTION_RULES,
} from "../lib/shipping"
import { type CooperativeShipping, ensureCooperativeShippingStep, ensureProviderLink } from "./steps/ensure-cooperative-shipping"

/** Sets up what a cooperative needs to ship (profile, provider, delivery set); run for existing cooperatives by the seed. */
export const ensureCooperativeShippingWorkflow = createWorkflow("ensure-cooperative-shipping", (input: { cooperative_id: string }) => {
  return new WorkflowResponse(ensureCooperativeShippingStep(input))
})

export type DeliveryRate = { province_code: string; amount_fen: number }

/** Replaces the delivery set's service zones: one zone per fee, its provinces as geo zones. */
const replaceDeliveryZonesStep = createStep(
  "replace-delivery-zones",
  async (input: { shipping: CooperativeShipping; rates: DeliveryRate[] }, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const old = await fulfillment.listServiceZones({ fulfillment_set: { id: input.shipping.delivery_fulfillment_set_id } }, { select: ["id"] })
    const removed = old.map((zone) => zone.id)
    if (removed.length) await fulfillment.softDeleteServiceZones(removed)
    const byFee = new Map<number, string[]>()
    for (const rate of input.rates) byFee.set(rate.amount_fen, [...(byFee.get(rate.amount_fen) ?? []), rate.province_code])
    const fees = [...byFee.entries()].sort(([a], [b]) => a - b)
    // Zone names are unique among live zones; the stamp keeps a replaced zone's name free for a restore.
    const stamp = Date.now().toString(36)
    const created = fees.length
      ? await fulfillment.createServiceZones(
          fees.map(([fen, codes]) => ({
            name: `送货 ${input.shipping.cooperative_id} ${fen} ${stamp}`,
            fulfillment_set_id: input.shipping.delivery_fulfillment_set_id,
            geo_zones: codes.map((code) => ({ type: "province" as const, country_code: "cn", province_code: code })),
          }))
        )
      : []
    return new StepResponse(
      created.map((zone, index) => ({ service_zone_id: zone.id, amount_fen: fees[index][0] })),
      { removed, created: created.map((zone) => zone.id) }
    )
  },
  async (data, { container }) => {
    if (!data) return
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    if (data.created.length) await fulfillment.deleteServiceZones(data.created)
    if (data.removed.length) await fulfillment.restoreServiceZones(data.removed)
  }
)

/**
 * A cooperative's delivery fees: a flat fee per province (`POST /portal/cooperatives/:id/delivery-rates`).
 * The whole table is replaced; provinces left out get no delivery (pickup points still serve them).
 */
export const setDeliveryRatesWorkflow = createWorkflow(
  "set-delivery-rates",
  (input: { cooperative_id: string; rates: DeliveryRate[] }) => {
    const shipping = ensureCooperativeShippingStep({ cooperative_id: input.cooperative_id })
    const zones = replaceDeliveryZonesStep({ shipping, rates: input.rates })
    when("has-delivery-zones", { zones }, ({ zones }) => zones.length > 0).then(() => {
      createShippingOptionsWorkflow.runAsStep({
        input: transform({ zones, shipping }, ({ zones, shipping }) =>
          zones.map((zone) => ({
            name: "送货上门",
            service_zone_id: zone.service_zone_id,
            shipping_profile_id: shipping.shipping_profile_id,
            provider_id: FULFILLMENT_PROVIDER_ID,
            price_type: "flat" as const,
            type: { label: "送货上门", description: "快递送到收货地址", code: DELIVERY_OPTION_CODE },
            prices: [{ currency_code: "cny", amount: zone.amount_fen / 100 }],
            rules: SHIPPING_OPTION_RULES,
          }))
        ),
      })
    })
    return new WorkflowResponse(zones)
  }
)

/** The pickup point's own fulfilment: the manual provider, a `pickup` set with one zone (all of China). */
const createPickupFulfillmentStep = createStep(
  "create-pickup-fulfillment",
  async (input: { location_id: string }, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    await ensureProviderLink(container, input.location_id)
    const set = await fulfillment.createFulfillmentSets({
      name: `自提 ${input.location_id}`,
      type: "pickup",
      service_zones: [{ name: `自提 ${input.location_id}`, geo_zones: [{ type: "country", country_code: "cn" }] }],
    })
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: input.location_id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
    const [zone] = await fulfillment.listServiceZones({ fulfillment_set: { id: set.id } }, { select: ["id"] })
    return new StepResponse({ service_zone_id: zone.id }, { location_id: input.location_id, set_id: set.id })
  },
  async (data, { container }) => {
    if (!data) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss([
      { [Modules.STOCK_LOCATION]: { stock_location_id: data.location_id }, [Modules.FULFILLMENT]: { fulfillment_set_id: data.set_id } },
      { [Modules.STOCK_LOCATION]: { stock_location_id: data.location_id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID } },
    ])
    await container.resolve(Modules.FULFILLMENT).deleteFulfillmentSets([data.set_id])
  }
)

/** What buyers see of a pickup point's option at checkout: its name is the point's name. */
export const pickupOptionName = (pointName: string) => `到「${pointName}」自提`

export type CreatePickupPointInput = {
  cooperative_id: string
  name: string
  address: string
  hours: string
  instructions: string
}

/**
 * A pickup point: its own stock location (address, hours and instructions in the metadata, sold
 * through the same sales channels as the cooperative), a `pickup` fulfillment set and one free option
 * in the cooperative's shipping profile. Stock stays at the cooperative's main location.
 */
export const createPickupPointWorkflow = createWorkflow("create-pickup-point", (input: CreatePickupPointInput) => {
  const shipping = ensureCooperativeShippingStep({ cooperative_id: input.cooperative_id })
  const { data: mainLocations } = useQueryGraphStep({
    entity: "stock_location",
    fields: ["id", "sales_channels.id"],
    filters: transform({ shipping }, ({ shipping }) => ({ id: shipping.stock_location_id })),
  }).config({ name: "read-cooperative-location" })
  const locations = createStockLocationsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      locations: [
        {
          name: input.name,
          address: { address_1: input.address, country_code: "cn" },
          metadata: {
            kind: PICKUP_POINT_KIND,
            cooperative_id: input.cooperative_id,
            address: input.address,
            hours: input.hours,
            instructions: input.instructions,
          },
        },
      ],
    })),
  })
  const location = transform({ locations }, ({ locations }) => locations[0])
  linkSalesChannelsToStockLocationWorkflow.runAsStep({
    input: transform({ location, mainLocations }, ({ location, mainLocations }) => ({
      id: location.id,
      add: ((mainLocations[0]?.sales_channels ?? []) as ({ id: string } | null)[]).filter(Boolean).map((channel) => channel!.id),
    })),
  })
  const zone = createPickupFulfillmentStep(transform({ location }, ({ location }) => ({ location_id: location.id })))
  const options = createShippingOptionsWorkflow.runAsStep({
    input: transform({ zone, shipping, input }, ({ zone, shipping, input }) => [
      {
        name: pickupOptionName(input.name),
        service_zone_id: zone.service_zone_id,
        shipping_profile_id: shipping.shipping_profile_id,
        provider_id: FULFILLMENT_PROVIDER_ID,
        price_type: "flat" as const,
        type: { label: "自提", description: input.name, code: PICKUP_OPTION_CODE },
        prices: [{ currency_code: "cny", amount: 0 }],
        rules: SHIPPING_OPTION_RULES,
      },
    ]),
  })
  return new WorkflowResponse(
    transform({ location, options }, ({ location, options }) => ({ location_id: location.id, option_id: options[0].id }))
  )
})

export type UpdatePickupPointInput = {
  location_id: string
  /** The point's shipping option(s), found by the route among the cooperative's own options. */
  option_ids: string[]
  name: string
  address: string
  hours: string
  instructions: string
}

/**
 * Edits a pickup point (`POST /portal/cooperatives/:id/pickup-points/:pointId`): the stock location's
 * name, address and metadata, and its option's name and type description, which buyers see at
 * checkout. Orders already placed keep the copy taken at checkout (shipping method metadata).
 */
export const updatePickupPointWorkflow = createWorkflow("update-pickup-point", (input: UpdatePickupPointInput) => {
  const { data: locations } = useQueryGraphStep({
    entity: "stock_location",
    fields: ["id", "metadata"],
    filters: transform({ input }, ({ input }) => ({ id: input.location_id })),
  }).config({ name: "read-pickup-location" })
  const { data: options } = useQueryGraphStep({
    entity: "shipping_option",
    fields: ["id", "type.id"],
    filters: transform({ input }, ({ input }) => ({ id: input.option_ids })),
  }).config({ name: "read-pickup-options" })
  updateStockLocationsWorkflow.runAsStep({
    input: transform({ input, locations }, ({ input, locations }) => ({
      selector: { id: input.location_id },
      update: {
        name: input.name,
        address: { address_1: input.address, country_code: "cn" },
        metadata: {
          ...((locations[0]?.metadata as Record<string, unknown> | null) ?? {}),
          address: input.address,
          hours: input.hours,
          instructions: input.instructions,
        },
      },
    })),
  })
  updateShippingOptionsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => input.option_ids.map((id) => ({ id, name: pickupOptionName(input.name) }))),
  })
  const typeIds = transform({ options }, ({ options }) =>
    [...new Set((options as { type?: { id: string } | null }[]).map((option) => option.type?.id).filter((id): id is string => Boolean(id)))]
  )
  when("pickup-option-has-type", { typeIds }, ({ typeIds }) => typeIds.length > 0).then(() => {
    updateShippingOptionTypesWorkflow.runAsStep({
      input: transform({ typeIds, input }, ({ typeIds, input }) => ({ selector: { id: typeIds }, update: { description: input.name } })),
    })
  })
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ location_id: input.location_id })))
})

/**
 * Removes a pickup point (`DELETE /portal/cooperatives/:id/pickup-points/:pointId`) through Medusa's
 * own workflows, so links go too: its option first, then the stock location (whose link to the
 * `pickup` fulfillment set removes that set, its zone and the provider and sales channel links).
 */
export const deletePickupPointWorkflow = createWorkflow("delete-pickup-point", (input: { location_id: string; option_ids: string[] }) => {
  when("pickup-point-has-options", { input }, ({ input }) => input.option_ids.length > 0).then(() => {
    deleteShippingOptionsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: input.option_ids })) })
  })
  deleteStockLocationsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.location_id] })) })
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ location_id: input.location_id })))
})
