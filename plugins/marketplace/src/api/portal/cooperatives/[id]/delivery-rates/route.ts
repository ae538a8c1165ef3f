import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import "../../../../../lib/checkout-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { listCooperativeOptions, normalizeProvinceCode } from "../../../../../lib/shipping"
import { DeliveryRatesInput } from "../../../../../lib/shipping-input"
import { setDeliveryRatesWorkflow } from "../../../../../workflows/cooperative-shipping"
import { cooperativeStanding } from "../../../cooperative-access"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"

async function deliveryRates(req: MedusaRequest, cooperativeId: string) {
  const cooperative = await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).retrieveCooperative(cooperativeId)
  const options = await listCooperativeOptions(req.scope, cooperative.shipping_profile_id ? [cooperative.shipping_profile_id] : [])
  const rates = options
    .filter((option) => option.kind === "delivery")
    .flatMap((option) => option.province_codes.map((code) => ({ province_code: code, amount_fen: option.amount_fen, option_id: option.id })))
  const names = new Map(
    rates.length
      ? (
          await req.scope
            .resolve<VillageModuleService>(VILLAGE_MODULE)
            .listAdminAreas({ code: rates.map((rate) => rate.province_code) }, { select: ["code", "name"] })
        ).map((area) => [area.code, area.name])
      : []
  )
  return rates
    .map((rate) => ({ ...rate, province_name: names.get(rate.province_code) ?? rate.province_code }))
    .sort((a, b) => a.province_code.localeCompare(b.province_code))
}

/** The cooperative's delivery fees, one flat fee per province (manager only). */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  res.json({ rates: await deliveryRates(req, standing.cooperative.id) })
})

/** Replaces the whole fee table; a province left out gets no delivery. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  if (!standing.cooperative.stock_location_id) throw new PortalError("cooperative_no_location")
  const rows = parseMarketplaceInput(DeliveryRatesInput, req.body)
  const rates = new Map<string, number>()
  for (const row of rows) {
    const code = normalizeProvinceCode(row.province_code)
    if (!code) throw new PortalError("province_unknown")
    if (rates.has(code)) throw new PortalError("invalid_data", { detail: `province_code: ${code} twice` })
    rates.set(code, row.amount_fen)
  }
  if (rates.size) {
    const known = await req.scope
      .resolve<VillageModuleService>(VILLAGE_MODULE)
      .listAdminAreas({ code: [...rates.keys()], level: "province" }, { select: ["code"] })
    if (known.length !== rates.size) throw new PortalError("province_unknown")
  }
  await setDeliveryRatesWorkflow(req.scope).run({
    input: {
      cooperative_id: standing.cooperative.id,
      rates: [...rates].map(([province_code, amount_fen]) => ({ province_code, amount_fen })),
    },
  })
  res.json({ rates: await deliveryRates(req, standing.cooperative.id) })
})
