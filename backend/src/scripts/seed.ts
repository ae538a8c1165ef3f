import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductCategoriesWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { importAdminAreas } from "@tianyuan/village/lib/area-import"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import { registerMemberWorkflow } from "@tianyuan/village/workflows"
import { parseLoginIdentifier } from "@tianyuan/village/lib/login-identifier"
import type { MemberRole } from "@tianyuan/village/lib/roles"
import { MARKETPLACE_MODULE } from "@tianyuan/marketplace/modules/marketplace"
import type { MarketplaceModuleService } from "@tianyuan/marketplace/modules/marketplace"
import {
  createCooperativeWorkflow,
  createPickupPointWorkflow,
  createProduceWorkflow,
  ensureCooperativeShippingWorkflow,
  setDeliveryRatesWorkflow,
} from "@tianyuan/marketplace/workflows"
import { listCooperativeOptions } from "@tianyuan/marketplace/lib/shipping"
import { produceHandle } from "@tianyuan/marketplace/lib/produce-handle"
import { PRODUCE_CATEGORIES } from "@tianyuan/marketplace/lib/produce-categories"
import { yuanToFen } from "@tianyuan/marketplace/lib/money"
import { demoProducePhotos } from "../lib/demo-photos"
import { parseBackendEnv } from "../env"
import {
  DEMO_COOPERATIVES,
  DEMO_COUNTIES,
  DEMO_DELIVERY_FEES,
  DEMO_MEMBER_PASSWORD,
  DEMO_NEWCOMER,
  DEMO_OFFICIAL,
  DEMO_VILLAGERS,
  DEMO_VILLAGES,
  DEMO_OPERATOR,
  DEMO_PICKUP_POINTS,
  DEMO_PUBLISHABLE_KEY_TITLE,
  DEMO_REGION,
  DEMO_SALES_CHANNEL,
  DEMO_SEED_MARKER,
  DEMO_SEED_VERSION,
  DEMO_STOCK_LOCATION,
} from "../lib/demo"

/**
 * The demo data `npm start` needs. Every step first looks for what it would create, so the seed can be
 * run again after an interruption and completes what is missing; the marker on the store is written
 * last, and the launcher skips the seed when it finds it.
 */
export default async function seedDemoData({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  if (!store) {
    throw new Error("No store found: run `medusa db:migrate` before seeding")
  }

  logger.info("Preparing the search indexes…")
  await activateSearchIndexes(container)

  logger.info("Seeding the sales channel…")
  let [salesChannel] = await salesChannelModule.listSalesChannels({ name: DEMO_SALES_CHANNEL })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: DEMO_SALES_CHANNEL, description: "Produce from village cooperatives" }] },
    })
    salesChannel = result[0]
  }

  logger.info("Seeding the store's currency…")
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "田园 Tianyuan",
        supported_currencies: [{ currency_code: "cny", is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  logger.info("Seeding the region China (CNY, pay on delivery / at pickup)…")
  let [region] = await regionModule.listRegions({ name: DEMO_REGION })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: DEMO_REGION,
            currency_code: "cny",
            countries: ["cn"],
            automatic_taxes: false,
            // Medusa's system provider: the buyer pays the cooperative on delivery or at pickup.
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    region = result[0]
  }

  logger.info("Seeding the publishable key…")
  let [apiKey] = await apiKeyModule.listApiKeys({ title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = result[0]
  }
  const { data: keyChannels } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: apiKey.id },
  })
  if (!keyChannels[0]?.sales_channels?.some((channel: { id: string } | null) => channel?.id === salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })
  }

  logger.info("Seeding the stock location…")
  let [location] = await stockLocationModule.listStockLocations({ name: DEMO_STOCK_LOCATION })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: DEMO_STOCK_LOCATION,
            address: { address_1: "延安市洛川县凤栖街道", city: "延安", province: "陕西省", country_code: "cn" },
          },
        ],
      },
    })
    location = result[0]
  }
  const { data: locationChannels } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id"],
    filters: { id: location.id },
  })
  if (!locationChannels[0]?.sales_channels?.some((channel: { id: string } | null) => channel?.id === salesChannel.id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } })
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: region.id, default_location_id: location.id } },
  })

  logger.info("Seeding the default shipping profile…")
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const profiles = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (profiles.length === 0) {
    await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default Shipping Profile", type: "default" }] } })
  }

  logger.info("Seeding the produce categories…")
  const categoryIds = await seedProduceCategories(container)

  if (parseBackendEnv(process.env).TIANYUAN_DEMO_DATA === "false") {
    // A real deployment: the store is set up; operators are created with `medusa user`, and villages,
    // members and cooperatives arrive through the platform itself.
    await storeModule.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), [DEMO_SEED_MARKER]: DEMO_SEED_VERSION } })
    logger.info("Store set up (TIANYUAN_DEMO_DATA=false: no demo data).")
    return
  }

  logger.info("Seeding the demo operator login…")
  let [operator] = await userModule.listUsers({ email: DEMO_OPERATOR.email })
  if (!operator) {
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email: DEMO_OPERATOR.email, first_name: "田园", last_name: "运营" }] },
    })
    operator = result[0]
  }
  const identities = await authModule.listAuthIdentities({
    provider_identities: { entity_id: DEMO_OPERATOR.email, provider: "emailpass" },
  })
  if (identities.length === 0) {
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: DEMO_OPERATOR.email, password: DEMO_OPERATOR.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not create the operator login: ${error}`)
    }
    await authModule.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: operator.id } })
  }

  logger.info("Seeding administrative areas (all provinces, the demo counties in full)…")
  const areas = await importAdminAreas(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), {
    kind: "counties",
    codes: [...DEMO_COUNTIES],
  })
  logger.info(`Areas: ${areas.rows} rows checked, ${areas.changed} written in ${areas.seconds.toFixed(1)} s`)

  logger.info("Seeding the demo villages and their people…")
  await seedVillagesAndPeople(container)

  logger.info("Seeding the demo cooperatives, farmers and produce…")
  await seedCooperativesAndProduce(container, salesChannel.id, categoryIds)

  logger.info("Seeding the cooperatives' delivery fees and pickup points…")
  await seedCooperativeShipping(container)

  await storeModule.updateStores(store.id, {
    metadata: { ...(store.metadata ?? {}), [DEMO_SEED_MARKER]: DEMO_SEED_VERSION },
  })
  logger.info("Demo data complete.")
}

/**
 * `db:migrate` creates a new search index without making it live: the backend's first start fills it.
 * The seed writes produce before that, and every write is an event the index would refuse ("no active
 * version yet"), so an index that is not live yet is filled now — empty, quickly — and then follows.
 */
async function activateSearchIndexes(container: ExecArgs["container"]) {
  const searchModule = container.resolve(Modules.SEARCH)
  for (const index of await searchModule.listIndexes()) {
    if (index.status !== "ready") await searchModule.reindex({ index: index.name })
  }
}

/**
 * What produce is (水果, 蔬菜, 粮油…): store setup, seeded with or without demo data. Existing
 * categories are left as operators may have renamed them; missing ones are created.
 */
async function seedProduceCategories(container: ExecArgs["container"]): Promise<Map<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const handles = PRODUCE_CATEGORIES.map((category) => category.handle)
  const existing = await productModule.listProductCategories({ handle: handles }, { select: ["id", "handle"] })
  const missing = PRODUCE_CATEGORIES.filter((category) => !existing.some((found) => found.handle === category.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((category) => ({
          name: category.name,
          handle: category.handle,
          is_active: true,
          is_internal: false,
          rank: PRODUCE_CATEGORIES.indexOf(category),
          metadata: { name_en: category.name_en },
        })),
      },
    })
  }
  const all = await productModule.listProductCategories({ handle: handles }, { select: ["id", "handle"] })
  return new Map(all.map((category) => [category.handle, category.id]))
}

async function demoMember(container: ExecArgs["container"], identifier: string, realName: string) {
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const login = parseLoginIdentifier(identifier)
  if (!login) throw new Error(`Demo identifier is not valid: ${identifier}`)
  const [existing] = await villageModule.listMembers({ login_identifier: login.value })
  if (existing) return existing
  const { result } = await registerMemberWorkflow(container).run({
    input: { identifier: login, password: DEMO_MEMBER_PASSWORD, real_name: realName },
  })
  return result
}

async function demoMembership(
  container: ExecArgs["container"],
  memberId: string,
  scope: { type: "area" | "cooperative"; id: string },
  role: MemberRole
) {
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const existing = await villageModule.listMemberships({ member_id: memberId, scope_type: scope.type, scope_id: scope.id, role })
  if (existing.length === 0) {
    await villageModule.createMemberships({ member_id: memberId, scope_type: scope.type, scope_id: scope.id, role, appointed_by: "seed" })
  }
}

async function seedVillagesAndPeople(container: ExecArgs["container"]) {
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const memberFor = (identifier: string, realName: string) => demoMember(container, identifier, realName)
  const appoint = (memberId: string, areaCode: string, role: MemberRole) => demoMembership(container, memberId, { type: "area", id: areaCode }, role)
  for (const demo of DEMO_VILLAGES) {
    const village = await villageModule.openVillage({
      area_code: demo.code,
      handle: demo.handle,
      introduction: demo.introduction,
      latitude: demo.latitude,
      longitude: demo.longitude,
      status: "active",
    })
    if (!village) throw new Error(`Demo village ${demo.code} is not in the imported areas`)
    if (village.status !== "active") await villageModule.updateVillages({ id: village.id, status: "active" })
    const secretary = await memberFor(demo.secretary.identifier, demo.secretary.real_name)
    await appoint(secretary.id, demo.code, "secretary")
    if (secretary.verification_status !== "verified") {
      await villageModule.updateMembers({ id: secretary.id, verification_status: "verified", verified_by: "seed", verified_at: new Date() })
    }
  }

  const official = await memberFor(DEMO_OFFICIAL.identifier, DEMO_OFFICIAL.real_name)
  await appoint(official.id, DEMO_OFFICIAL.area_code, "official")

  for (const villager of DEMO_VILLAGERS) {
    const member = await memberFor(villager.identifier, villager.real_name)
    await appoint(member.id, villager.village, "villager")
  }

  const newcomer = await memberFor(DEMO_NEWCOMER.identifier, DEMO_NEWCOMER.real_name)
  const requests = await villageModule.listJoinRequests({ member_id: newcomer.id, village_code: DEMO_NEWCOMER.village })
  if (requests.length === 0) {
    await villageModule.createJoinRequests({
      member_id: newcomer.id,
      village_code: DEMO_NEWCOMER.village,
      message: "我刚嫁到桐堤村，想加入村里的群。",
    })
  }
}

/** Four cooperatives in the demo villages, a manager and three farmers each, ten produce items each. */
async function seedCooperativesAndProduce(container: ExecArgs["container"], salesChannelId: string, categoryIds: Map<string, string>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const day = 24 * 60 * 60 * 1000
  const now = Date.now()

  for (const demo of DEMO_COOPERATIVES) {
    const [village] = await villageModule.listVillages({ area_code: demo.village })
    const [area] = await villageModule.listAdminAreas({ code: demo.village.slice(0, 2) })
    let [cooperative] = await marketplace.listCooperatives({ handle: demo.handle })
    if (!cooperative) {
      const { result } = await createCooperativeWorkflow(container).run({
        input: {
          name: demo.name,
          handle: demo.handle,
          village: { id: village.id, code: village.area_code, name: village.name, province: area?.name ?? "" },
          description: demo.description,
          contact_name: demo.contact_name,
          contact_phone: demo.contact_phone,
          status: "active",
          sales_channel_id: salesChannelId,
        },
      })
      cooperative = result
    }
    const manager = await demoMember(container, demo.manager.identifier, demo.manager.real_name)
    await demoMembership(container, manager.id, { type: "cooperative", id: cooperative.id }, "coop_manager")
    const farmers = []
    for (const farmer of demo.farmers) {
      const member = await demoMember(container, farmer.identifier, farmer.real_name)
      await demoMembership(container, member.id, { type: "cooperative", id: cooperative.id }, "farmer")
      await demoMembership(container, member.id, { type: "area", id: demo.village }, "villager")
      farmers.push(member)
    }

    const { data } = await query.graph({
      entity: "produce_details",
      fields: ["product.id", "product.title", "product.categories.id"],
      filters: { cooperative_id: cooperative.id } as Record<string, string>,
    })
    const listed = new Map(
      (data as { product?: { id: string; title: string; categories?: { id: string }[] | null } }[])
        .filter((details) => details.product)
        .map((details) => [details.product!.title, details.product!])
    )
    for (const [index, item] of demo.produce.entries()) {
      const categoryId = categoryIds.get(item.category)
      if (!categoryId) throw new Error(`Demo produce ${item.title} has an unknown category ${item.category}`)
      const existing = listed.get(item.title)
      if (existing) {
        // Produce seeded before categories existed (demo seed 4) gets its category now.
        if (!existing.categories?.length) {
          await updateProductsWorkflow(container).run({ input: { selector: { id: existing.id }, update: { category_ids: [categoryId] } } })
        }
        continue
      }
      const farmer = farmers[index % farmers.length]
      const photos = await demoProducePhotos(container, item, farmer.id)
      await createProduceWorkflow(container).run({
        input: {
          cooperative: { id: cooperative.id, stock_location_id: cooperative.stock_location_id! },
          sales_channel_id: salesChannelId,
          shipping_profile_id: profile.id,
          product: {
            title: item.title,
            handle: produceHandle(item.title),
            description: `${demo.name}的${item.title}。${demo.description}`,
            metadata: { title_en: item.title_en, description_en: `${item.title_en} from ${demo.handle.replace(/-/g, " ")}.` },
            category_id: categoryId,
            variants: item.variants.map((variant) => ({ title: variant.title, price_fen: yuanToFen(variant.price), stock: variant.stock })),
          },
          details: {
            unit: item.unit,
            net_weight_grams: item.net_weight_grams ?? null,
            grade: item.variants[0].title,
            variety: item.variety ?? null,
            harvest_date: item.preorder ? null : new Date(now - (5 + index * 3) * day),
            preorder_opens_at: item.preorder ? new Date(now - 3 * day) : null,
            preorder_closes_at: item.preorder ? new Date(now + 14 * day) : null,
            ships_from: item.preorder ? new Date(now + 20 * day) : null,
            origin_area_code: demo.village,
            farmer_member_id: farmer.id,
            storage: item.chilled ? "chilled" : "ambient",
            certifications: { items: item.certifications ?? [] },
            story: `${farmer.real_name}在${village.name}种了二十多年地。`,
            photos,
          },
          actor: { member_id: farmer.id, role: "farmer", on_behalf_of_member_id: null },
        },
      })
    }
    logger.info(`${demo.name}: ${demo.produce.length} produce items`)
  }
}

/**
 * Every demo cooperative ships (decision 007): its own shipping profile with its produce in it, a
 * delivery fee for every province (its own ¥8, the others ¥15) and one or two pickup points. Existing
 * cooperatives and produce from an older seed are brought up to date; nothing is created twice.
 */
async function seedCooperativeShipping(container: ExecArgs["container"]) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const provinces = await villageModule.listAdminAreas({ level: "province" }, { select: ["code"] })
  for (const demo of DEMO_COOPERATIVES) {
    const [cooperative] = await marketplace.listCooperatives({ handle: demo.handle })
    if (!cooperative?.stock_location_id) continue
    const { result: shipping } = await ensureCooperativeShippingWorkflow(container).run({ input: { cooperative_id: cooperative.id } })

    const { data } = await query.graph({
      entity: "produce_details",
      fields: ["product.id", "product.shipping_profile.id"],
      filters: { cooperative_id: cooperative.id } as Record<string, string>,
    })
    const elsewhere = (data as { product?: { id: string; shipping_profile?: { id: string } | null } | null }[])
      .map((details) => details.product)
      .filter((product): product is { id: string; shipping_profile?: { id: string } | null } => Boolean(product) && product!.shipping_profile?.id !== shipping.shipping_profile_id)
      .map((product) => product.id)
    if (elsewhere.length) {
      await updateProductsWorkflow(container).run({
        input: { selector: { id: elsewhere }, update: { shipping_profile_id: shipping.shipping_profile_id } },
      })
    }

    const options = await listCooperativeOptions(container, [shipping.shipping_profile_id])
    if (!options.some((option) => option.kind === "delivery")) {
      const own = demo.village.slice(0, 2)
      await setDeliveryRatesWorkflow(container).run({
        input: {
          cooperative_id: cooperative.id,
          rates: provinces.map((province) => ({
            province_code: province.code,
            amount_fen: province.code === own ? DEMO_DELIVERY_FEES.own_province_fen : DEMO_DELIVERY_FEES.other_provinces_fen,
          })),
        },
      })
    }
    for (const point of DEMO_PICKUP_POINTS[demo.handle] ?? []) {
      if (options.some((option) => option.kind === "pickup" && option.pickup_point?.name === point.name)) continue
      await createPickupPointWorkflow(container).run({ input: { cooperative_id: cooperative.id, ...point } })
    }
  }
}
