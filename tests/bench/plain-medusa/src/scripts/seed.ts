import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * A catalogue comparable to Tianyuan's demo data, made with Medusa's core workflows only: the store in
 * CNY, one sales channel with a publishable key, the region China (CNY, pay on delivery), one stock
 * location, and 40 published products (every fifth with two variants), each variant priced in CNY with
 * 1,000 in stock.
 */
export default async function seedPlainCatalogue({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()

  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Bench store" }] },
  })
  const salesChannel = channels[0]
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { supported_currencies: [{ currency_code: "cny", is_default: true }], default_sales_channel_id: salesChannel.id },
    },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "China", currency_code: "cny", countries: ["cn"], automatic_taxes: false, payment_providers: ["pp_system_default"] }],
    },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Bench storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [salesChannel.id] } })
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Bench warehouse", address: { address_1: "凤栖街道", city: "延安", country_code: "cn" } }] },
  })
  const location = locations[0]
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } })
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: regions[0].id, default_location_id: location.id } },
  })
  // Medusa's migrations already make the default shipping profile; make it only when it is missing.
  let [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  const products = Array.from({ length: 40 }, (_, index) => {
    const grades = index % 5 === 0 ? ["一级果", "特级果"] : ["一级果"]
    return {
      title: `基准农产品 ${index + 1}`,
      handle: `bench-produce-${index + 1}`,
      description: "A product of the plain Medusa baseline.",
      status: "published" as const,
      shipping_profile_id: profile.id,
      thumbnail: `http://localhost/static/bench-produce-${index + 1}.webp`,
      sales_channels: [{ id: salesChannel.id }],
      options: [{ title: "规格", values: grades }],
      variants: grades.map((grade, g) => ({
        title: grade,
        sku: `BENCH-${index + 1}-${g + 1}`,
        manage_inventory: true,
        options: { 规格: grade },
        prices: [{ currency_code: "cny", amount: 20 + index + g * 10 }],
      })),
    }
  })
  const { result: created } = await createProductsWorkflow(container).run({ input: { products } })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: created.map((product) => product.id) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((variant) => ({
        inventory_item_id: variant.inventory_items![0]!.inventory_item_id,
        location_id: location.id,
        stocked_quantity: 1000,
      })),
    },
  })
  logger.info(`Plain catalogue: ${created.length} products, ${variants.length} variants.`)
}
