import type { z } from "@medusajs/framework/zod"
import { PortalError, registerPortalMessages } from "@tianyuan/village/lib/portal-errors"

/** The marketplace's errors, in both languages, joined to the portal's message table. */
registerPortalMessages({
  price_out_of_range: {
    "zh-CN": "价格要大于 0 元、不超过 10 万元，最多两位小数。",
    en: "Enter a price above ¥0 and at most ¥100,000, with at most two decimals.",
  },
  stock_out_of_range: { "zh-CN": "库存要是 0 到 100 万之间的整数。", en: "Stock must be a whole number from 0 to 1,000,000." },
  window_closes_before_opening: {
    "zh-CN": "预售截止时间要晚于开始时间。",
    en: "The pre-order window must close after it opens.",
  },
  window_incomplete: { "zh-CN": "预售要同时填写开始和截止时间。", en: "A pre-order window needs both an opening and a closing date." },
  ships_before_window_closes: { "zh-CN": "发货日期不能早于预售截止。", en: "Shipping cannot start before the pre-order window closes." },
  invalid_date: { "zh-CN": "日期格式不对。", en: "That date is not valid." },
  cooperative_not_found: { "zh-CN": "没有找到这个合作社。", en: "No such cooperative.", status: 404 },
  cooperative_not_active: {
    "zh-CN": "合作社还没有通过审核，暂时不能上架。",
    en: "The cooperative is not approved yet, so it cannot list produce.",
    status: 409,
  },
  produce_not_found: { "zh-CN": "没有找到这个农产品。", en: "No such produce.", status: 404 },
  farmer_not_in_cooperative: {
    "zh-CN": "这位农户不是本合作社的成员。",
    en: "That farmer is not a member of this cooperative.",
  },
  unknown_variant: { "zh-CN": "没有这个规格。", en: "No such size or grade for this produce." },
  photo_not_found: { "zh-CN": "照片没有找到，请重新上传。", en: "A photo was not found; please upload it again." },
  produce_archived: { "zh-CN": "这个农产品已经下架。", en: "This produce is archived.", status: 409 },
  certificate_not_found: { "zh-CN": "没有找到这张合格证。", en: "No such certificate.", status: 404 },
  unknown_category: { "zh-CN": "没有这个品类，请从列表里选一个。", en: "No such category; choose one from the list." },
  search_query_too_long: {
    "zh-CN": "搜索词太长了，最多 200 个字。",
    en: "The search words are too long: at most 200 characters.",
  },
})

/** Parses with a strict schema; a custom issue whose message is a known code becomes that error. */
export function parseMarketplaceInput<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    if (issue.code === "custom" && /^[a-z_]+$/.test(issue.message)) throw new PortalError(issue.message)
    const field = issue.path.join(".")
    throw new PortalError("invalid_data", { detail: field ? `${field}: ${issue.message}` : issue.message })
  }
  return result.data
}
