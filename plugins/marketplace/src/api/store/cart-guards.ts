import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import { sendStoreError, storeLocale, storeTranslated } from "../../lib/checkout-errors"
import { normalizeProvinceCode } from "../../lib/shipping"
import { MAX_LINE_QUANTITY } from "../../workflows/steps/prepare-checkout"

/**
 * Our checks in front of Medusa's own cart routes (docs/api/orders.md). Registered without a method so
 * they run before Medusa's body validators, on every request under /store/carts:
 * - `POST /store/carts` and `POST /store/carts/:id` with a shipping address: the three area codes in
 *   its metadata must be one province ⊃ city ⊃ district of our area data (400 `address_area_unknown`);
 *   the province code is then stored in `province`, where Medusa matches delivery zones, and the area
 *   names in the metadata;
 * - `POST /store/carts/:id/line-items(/:line_id)`: a whole quantity (400 `quantity_invalid`), and
 *   Medusa's stock and unknown-variant errors answered in the buyer's language;
 * - `POST /store/carts/:id/complete`: 400 `use_checkout` — it would make one mixed order.
 */
export const cartGuard = storeTranslated(async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
  if (req.method !== "POST") return next()
  const segments = req.path.split("/").filter(Boolean)
  if (segments.length <= 1) {
    await checkShippingAddress(req)
    return next()
  }
  if (segments.length === 2 && segments[1] === "complete") throw new PortalError("use_checkout")
  if (segments[1] === "line-items" && (segments.length === 2 || segments.length === 3)) {
    const body = (req.body ?? {}) as { quantity?: unknown; variant_id?: unknown }
    const adding = segments.length === 2
    if (!validQuantity(body.quantity, adding ? 1 : 0)) throw new PortalError("quantity_invalid")
    translateStockErrors(req, res, adding ? { variant_id: String(body.variant_id ?? "") } : { line_id: segments[2] })
  }
  return next()
})

function validQuantity(quantity: unknown, min: number) {
  return typeof quantity === "number" && Number.isInteger(quantity) && quantity >= min && quantity <= MAX_LINE_QUANTITY
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

async function checkShippingAddress(req: MedusaRequest) {
  const body = req.body as Record<string, unknown> | undefined
  const address = body?.shipping_address as Record<string, unknown> | null | undefined
  if (!address || typeof address !== "object") return
  const metadata = (address.metadata && typeof address.metadata === "object" ? address.metadata : {}) as Record<string, unknown>
  const provinceCode = normalizeProvinceCode(text(metadata.province_code) ?? text(address.province_code) ?? "")
  const cityCode = text(metadata.city_code)
  const districtCode = text(metadata.district_code)
  const country = text(address.country_code)?.toLowerCase()
  if (!provinceCode || !cityCode || !districtCode || (country && country !== "cn")) throw new PortalError("address_area_unknown")
  const areas = await req.scope
    .resolve<VillageModuleService>(VILLAGE_MODULE)
    .listAdminAreas({ code: [provinceCode, cityCode, districtCode] }, { select: ["code", "name", "level", "parent_code"] })
  const area = (code: string) => areas.find((candidate) => candidate.code === code)
  const province = area(provinceCode)
  const city = area(cityCode)
  const district = area(districtCode)
  if (
    province?.level !== "province" ||
    city?.level !== "city" ||
    city.parent_code !== province.code ||
    district?.level !== "county" ||
    district.parent_code !== city.code
  ) {
    throw new PortalError("address_area_unknown")
  }
  delete address.province_code
  address.province = province.code
  address.city = text(address.city) ?? city.name
  address.country_code = "cn"
  address.metadata = {
    ...metadata,
    province_code: province.code,
    city_code: city.code,
    district_code: district.code,
    province_name: province.name,
    city_name: city.name,
    district_name: district.name,
  }
}

/**
 * Medusa refuses too much stock or an unknown variant in English; the buyer gets our code and message,
 * naming the produce. Only error answers are touched, so a successful add costs nothing extra.
 */
function translateStockErrors(req: MedusaRequest, res: MedusaResponse, target: { variant_id?: string; line_id?: string }) {
  const json = res.json.bind(res)
  res.json = ((body: { message?: unknown; code?: unknown } | undefined) => {
    res.json = json
    const message = typeof body?.message === "string" ? body.message : ""
    if (res.statusCode < 400 || !message) return json(body)
    if (body?.code === "insufficient_inventory" || /required inventory/.test(message)) {
      produceName(req, target).then(
        (name) => sendStoreError(req, res, new PortalError("out_of_stock", { name: name ?? (storeLocale(req) === "en" ? "this produce" : "这个农产品") })),
        () => json(body)
      )
      return res
    }
    if (/do not exist or belong to a product that is not published/.test(message)) {
      sendStoreError(req, res, new PortalError("unknown_variant"))
      return res
    }
    return json(body)
  }) as typeof res.json
}

async function produceName(req: MedusaRequest, target: { variant_id?: string; line_id?: string }) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (target.line_id) {
    const [line] = await req.scope.resolve(Modules.CART).listLineItems({ id: target.line_id }, { select: ["product_title", "title"] })
    return line ? (line.product_title ?? line.title) : null
  }
  const { data } = await query.graph({ entity: "product_variant", fields: ["product.title"], filters: { id: target.variant_id } })
  return (data[0]?.product?.title ?? null) as string | null
}
