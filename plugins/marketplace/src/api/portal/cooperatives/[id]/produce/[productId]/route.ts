import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../../lib/marketplace-errors"
import { produceCategoryId } from "../../../../../../lib/produce-categories"
import { UpdateProduceInput } from "../../../../../../lib/produce-input"
import { presentProduce, readProduce } from "../../../../../../lib/produce-read"
import { updateProduceWorkflow } from "../../../../../../workflows/update-produce"
import { assertMayHandle, cooperativeStanding } from "../../../../cooperative-access"
import { memberNames } from "../../../../farmers"

export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const [found] = await readProduce(req.scope, { id: req.params.productId })
  const produce = assertMayHandle(standing, found)
  const farmerId = produce.produce_details!.farmer_member_id
  const names = await memberNames(req.scope, [farmerId])
  res.json({ produce: presentProduce(produce, { id: farmerId, real_name: names.get(farmerId) ?? "" }) })
})

/** Price and stock in one tap, per size; the title, description and category too. All or nothing. */
export const PATCH = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const [found] = await readProduce(req.scope, { id: req.params.productId })
  const produce = assertMayHandle(standing, found)
  if (produce.produce_details!.archived_at) throw new PortalError("produce_archived")
  const input = parseMarketplaceInput(UpdateProduceInput, req.body)
  const prices: { variant_id: string; price_fen: number }[] = []
  const stocks: { inventory_item_id: string; stock: number }[] = []
  for (const change of input.variants ?? []) {
    const variant = produce.variants.find((v) => v.id === change.id)
    if (!variant) throw new PortalError("unknown_variant")
    if (change.price !== undefined) prices.push({ variant_id: variant.id, price_fen: change.price })
    if (change.stock !== undefined) stocks.push({ inventory_item_id: variant.inventory_items[0].inventory_item_id, stock: change.stock })
  }
  const categoryIds = input.category ? [await produceCategoryId(req.scope, input.category)] : undefined
  const farmerId = produce.produce_details!.farmer_member_id
  await updateProduceWorkflow(req.scope).run({
    input: {
      product_id: produce.id,
      cooperative_id: standing.cooperative.id,
      stock_location_id: standing.cooperative.stock_location_id!,
      product: {
        ...(input.title ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(categoryIds ? { category_ids: categoryIds } : {}),
      },
      prices,
      stocks,
      actor: { member_id: standing.memberId, role: standing.acting, on_behalf_of_member_id: farmerId === standing.memberId ? null : farmerId },
    },
  })
  const [updated] = await readProduce(req.scope, { id: produce.id })
  const names = await memberNames(req.scope, [farmerId])
  res.json({ produce: presentProduce(updated, { id: farmerId, real_name: names.get(farmerId) ?? "" }) })
})
