import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type Locale, PortalError, registerPortalMessages } from "@tianyuan/village/lib/portal-errors"

/**
 * The buyer-facing errors of the cart, checkout and shipping setup, in both languages (docs/api/orders.md).
 * `{name}` is the produce or cooperative the error is about.
 */
registerPortalMessages({
  cart_not_found: { "zh-CN": "没有找到这个购物车。", en: "No such cart.", status: 404 },
  checkout_already_paid: {
    "zh-CN": "这个购物车已经下单了，不能再付一次款。订单在下单确认页和「我的订单」里可以查看。",
    en: "This cart's orders are already placed; it cannot be paid a second time. See them on the order confirmation page or in your orders.",
    status: 409,
  },
  cart_empty: { "zh-CN": "购物车是空的。", en: "The cart is empty." },
  cart_completed_elsewhere: {
    "zh-CN": "这个购物车已经结算过了，请重新下单。",
    en: "This cart has already been checked out; please start a new one.",
    status: 409,
  },
  email_missing: { "zh-CN": "请填写邮箱，用来接收订单通知。", en: "Enter an email address for the order notices." },
  address_missing: {
    "zh-CN": "请填写收货地址（省、市、区县和详细地址）和手机号。",
    en: "Enter the delivery address (province, city, district and street) and a mobile number.",
  },
  address_area_unknown: {
    "zh-CN": "地址里的省、市、区县不对应，请从列表里重新选择。",
    en: "The province, city and district of the address do not match our area list; choose them again.",
  },
  shipping_missing: {
    "zh-CN": "请为「{name}」选择送货上门或自提点。",
    en: "Choose delivery or a pickup point for {name}.",
  },
  pickup_point_foreign: {
    "zh-CN": "这个自提点不属于购物车里的合作社，请重新选择。",
    en: "That pickup point belongs to a cooperative that is not in this cart; choose again.",
  },
  pickup_point_not_found: { "zh-CN": "没有找到这个自提点。", en: "No such pickup point.", status: 404 },
  pickup_point_edit_empty: {
    "zh-CN": "请填写要修改的内容：名称、地址、开放时间或取货说明。",
    en: "Say what to change: the name, address, hours or instructions.",
  },
  pickup_point_has_orders: {
    "zh-CN": "还有 {count} 个订单要在这个自提点取货，等这些订单完成或取消后才能删除。",
    en: "{count} order(s) are still to be collected at this pickup point; it can be removed once they are completed or cancelled.",
    status: 409,
  },
  payment_missing: { "zh-CN": "请选择付款方式。", en: "Choose how to pay." },
  out_of_stock: {
    "zh-CN": "「{name}」库存不够了，请减少数量。",
    en: "Not enough of {name} is left; lower the quantity.",
    status: 409,
  },
  produce_unavailable: {
    "zh-CN": "「{name}」已经下架，请从购物车里移除。",
    en: "{name} is no longer sold; remove it from the cart.",
    status: 409,
  },
  quantity_invalid: { "zh-CN": "数量要是 1 到 9999 之间的整数。", en: "The quantity must be a whole number from 1 to 9999." },
  use_checkout: {
    "zh-CN": "请通过结算页下单（POST /store/checkouts）。",
    en: "Place orders through the checkout (POST /store/checkouts).",
  },
  checkout_not_found: { "zh-CN": "没有找到这笔订单。", en: "No such checkout.", status: 404 },
  checkout_busy: {
    "zh-CN": "下单的人太多了，请稍后再试一次。",
    en: "Too many orders at once; please try again in a moment.",
    status: 409,
  },
  province_unknown: { "zh-CN": "没有这个省份。", en: "No such province." },
  delivery_rate_invalid: {
    "zh-CN": "运费要是 0 到 1000 元之间的金额（以分为单位的整数）。",
    en: "A delivery fee must be from ¥0 to ¥1,000, in whole fen.",
  },
  cooperative_no_location: {
    "zh-CN": "合作社还没有仓库地点，暂时不能设置配送。",
    en: "The cooperative has no stock location yet, so shipping cannot be set up.",
    status: 409,
  },
})

/** Store routes answer in the buyer's language: `x-tianyuan-locale`, else `Accept-Language`, else Chinese. */
export function storeLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().toLowerCase()
  const explicit = first(req.headers["x-tianyuan-locale"])
  if (explicit) return explicit.startsWith("en") ? "en" : "zh-CN"
  const accepted = first(req.headers["accept-language"])
  return accepted?.startsWith("en") ? "en" : "zh-CN"
}

export function sendStoreError(req: MedusaRequest, res: MedusaResponse, error: PortalError) {
  res.status(error.status).json({
    type: error.status === 404 ? "not_found" : error.status === 401 ? "unauthorized" : error.status === 409 ? "conflict" : "invalid_data",
    code: error.code,
    message: error.messageIn(storeLocale(req)),
  })
}

/** Wraps a store route or middleware so a PortalError reaches the buyer as a translated 4xx. */
export function storeTranslated<Req extends MedusaRequest<any>>(
  handler: (req: Req, res: MedusaResponse, next: MedusaNextFunction) => Promise<unknown>
): (req: Req, res: MedusaResponse, next: MedusaNextFunction) => Promise<void> {
  return async (req, res, next) => {
    try {
      await handler(req, res, next)
    } catch (error) {
      if (error instanceof PortalError) {
        sendStoreError(req, res, error)
        return
      }
      next(error)
    }
  }
}

/**
 * A refusal raised inside a workflow step. The workflow engine serializes step errors to plain objects
 * (own properties survive), so the route recognises a refusal by `kind` and rebuilds the PortalError.
 */
export class CheckoutRefusal extends PortalError {
  readonly kind = "checkout_refusal"
}

export function refusalFrom(error: unknown): PortalError | null {
  if (error instanceof PortalError) return error
  const candidate = error as { kind?: unknown; code?: unknown; params?: unknown; message?: unknown } | null
  if (candidate && candidate.kind === "checkout_refusal" && typeof candidate.code === "string") {
    return new PortalError(candidate.code, (candidate.params as Record<string, string>) ?? {})
  }
  if (candidate && typeof candidate.message === "string" && /Timed-out acquiring lock|Failed to acquire lock/.test(candidate.message)) {
    return new PortalError("checkout_busy")
  }
  return null
}
