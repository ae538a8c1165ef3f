import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { loadProducePhotos } from "../../../../../lib/photos"
import { produceCategoryId } from "../../../../../lib/produce-categories"
import { CreateProduceInput } from "../../../../../lib/produce-input"
import { produceHandle } from "../../../../../lib/produce-handle"
import { cooperativeProductIds, presentProduce, readProduce } from "../../../../../lib/produce-read"
import { listingDefaults } from "../../../../../lib/store-context"
import { createProduceWorkflow } from "../../../../../workflows/create-produce"
import { cooperativeStanding } from "../../../cooperative-access"
import { cooperativeFarmers, memberNames } from "../../../farmers"

/** The cooperative's produce: all of it for managers and agents, their own for farmers. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const productIds = await cooperativeProductIds(req.scope, standing.cooperative.id)
  const produce = productIds.length ? await readProduce(req.scope, { id: productIds }) : []
  const visible = produce.filter(
    (p) => standing.acting !== "farmer" || p.produce_details!.farmer_member_id === standing.memberId
  )
  const names = await memberNames(req.scope, visible.map((p) => p.produce_details!.farmer_member_id))
  res.json({
    produce: visible
      .map((p) => presentProduce(p, { id: p.produce_details!.farmer_member_id, real_name: names.get(p.produce_details!.farmer_member_id) ?? "" }))
      .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at))),
  })
})

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  if (standing.cooperative.status !== "active" || !standing.cooperative.stock_location_id) {
    throw new PortalError("cooperative_not_active")
  }
  const input = parseMarketplaceInput(CreateProduceInput, req.body)

  let farmerId = standing.memberId
  if (standing.acting !== "farmer") {
    const farmers = await cooperativeFarmers(req.scope, standing.cooperative.id)
    const wanted = input.farmer_member_id ?? (farmers.length === 1 ? farmers[0].id : undefined)
    if (!wanted || !farmers.some((farmer) => farmer.id === wanted)) throw new PortalError("farmer_not_in_cooperative")
    farmerId = wanted
  } else if (input.farmer_member_id && input.farmer_member_id !== standing.memberId) {
    throw new PortalError("farmer_not_in_cooperative")
  }

  const categoryId = input.category ? await produceCategoryId(req.scope, input.category) : null
  const photos = await loadProducePhotos(req.scope, input.photo_ids, [...new Set([standing.memberId, farmerId])])
  const defaults = await listingDefaults(req.scope)
  const { result } = await createProduceWorkflow(req.scope).run({
    input: {
      cooperative: { id: standing.cooperative.id, stock_location_id: standing.cooperative.stock_location_id },
      ...defaults,
      product: {
        title: input.title,
        handle: produceHandle(input.title),
        description: input.description,
        metadata: { title_en: input.title_en ?? null, description_en: input.description_en ?? null },
        category_id: categoryId,
        variants: input.variants.map((variant) => ({ title: variant.title, price_fen: variant.price, stock: variant.stock, sku: variant.sku })),
      },
      details: {
        unit: input.unit,
        net_weight_grams: input.net_weight_grams ?? null,
        grade: input.grade ?? null,
        variety: input.variety ?? null,
        harvest_date: input.harvest_date ?? null,
        preorder_opens_at: input.preorder_opens_at ?? null,
        preorder_closes_at: input.preorder_closes_at ?? null,
        ships_from: input.ships_from ?? null,
        origin_area_code: input.origin_area_code ?? standing.cooperative.village_code,
        farmer_member_id: farmerId,
        storage: input.storage,
        certifications: { items: input.certifications },
        story: input.story,
        photos,
      },
      actor: {
        member_id: standing.memberId,
        role: standing.acting,
        on_behalf_of_member_id: farmerId === standing.memberId ? null : farmerId,
      },
    },
  })
  const [created] = await readProduce(req.scope, { id: result.product.id })
  const names = await memberNames(req.scope, [farmerId])
  res.status(201).json({ produce: presentProduce(created, { id: farmerId, real_name: names.get(farmerId) ?? "" }) })
})
