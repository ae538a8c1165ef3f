import { registerPortalMessages } from "@tianyuan/village/lib/portal-errors"

/** Errors of cooperative order handling, refunds, payouts and webhooks, in both languages. */
registerPortalMessages({
  order_not_found: { "zh-CN": "没有找到这个订单。", en: "No such order.", status: 404 },
  orders_manager_only: {
    "zh-CN": "只有合作社负责人可以处理订单，农户只能查看。",
    en: "Only the cooperative's manager can act on orders; farmers can only view them.",
    status: 403,
  },
  order_cancelled: { "zh-CN": "这个订单已经取消了。", en: "This order has been cancelled.", status: 409 },
  order_completed: { "zh-CN": "这个订单已经完成了。", en: "This order is already completed.", status: 409 },
  order_already_packed: { "zh-CN": "这个订单已经打包了。", en: "This order is already packed.", status: 409 },
  order_already_shipped: {
    "zh-CN": "货已经发出或送到自提点，不能再改；如需退钱请用退款。",
    en: "The produce has already left (shipped or at the pickup point); use a refund instead.",
    status: 409,
  },
  order_not_shipped: { "zh-CN": "这个订单还没有发货。", en: "This order has not been shipped yet.", status: 409 },
  order_not_ready: { "zh-CN": "这个订单还没有送到自提点。", en: "This order is not at the pickup point yet.", status: 409 },
  order_is_pickup: {
    "zh-CN": "这是到自提点取货的订单，请用“已到自提点”。",
    en: "This order is collected at a pickup point; mark it ready for pickup instead.",
    status: 409,
  },
  order_is_delivery: {
    "zh-CN": "这是快递配送的订单，请填写快递单号发货。",
    en: "This order is delivered by courier; ship it with a tracking number instead.",
    status: 409,
  },
  order_busy: { "zh-CN": "这个订单正在被处理，请稍后再试。", en: "This order is being updated; please try again.", status: 409 },
  carrier_invalid: { "zh-CN": "请填写快递公司（1 到 40 个字）。", en: "Enter the carrier (1 to 40 characters)." },
  tracking_number_invalid: {
    "zh-CN": "运单号只能是 6 到 40 位字母、数字或短横线。",
    en: "A tracking number is 6 to 40 letters, digits or dashes.",
  },
  reason_missing: { "zh-CN": "请填写原因（1 到 200 个字）。", en: "Give a reason (1 to 200 characters)." },
  refund_nothing_paid: {
    "zh-CN": "这个订单还没有收款（货到付款要等交货时收），不能退款；可以取消订单。",
    en: "Nothing has been paid for this order yet (pay on delivery is collected at hand-over), so there is nothing to refund; cancel it instead.",
    status: 409,
  },
  refund_exceeds_paid: {
    "zh-CN": "退款超过了还可以退的金额（{available}）。",
    en: "That is more than can still be refunded ({available}).",
    status: 409,
  },
  refund_line_unknown: { "zh-CN": "订单里没有这件商品。", en: "That item is not in this order." },
  refund_line_repeated: { "zh-CN": "同一件商品只能写一次。", en: "List each item only once." },
  refund_quantity_invalid: {
    "zh-CN": "退款数量要是 1 到 {max} 之间的整数。",
    en: "The quantity to refund must be a whole number from 1 to {max}.",
  },
  payout_run_not_found: { "zh-CN": "没有找到这次结算。", en: "No such payout run.", status: 404 },
  payout_run_settled: { "zh-CN": "这次结算已经完成了。", en: "This payout run is already settled.", status: 409 },
  payout_period_invalid: {
    "zh-CN": "结算时段不对：开始要早于结束，且结束不能晚于现在。",
    en: "The period is not valid: it must start before it ends and end no later than now.",
  },
  payout_run_empty: {
    "zh-CN": "这个时段没有要结算给合作社的款项。",
    en: "No cooperative has money due in this period.",
    status: 409,
  },
  payout_reference_missing: {
    "zh-CN": "请填写银行转账的流水号（1 到 100 个字）。",
    en: "Enter the bank transfer reference (1 to 100 characters).",
  },
  stripe_not_configured: {
    "zh-CN": "没有配置 Stripe（STRIPE_API_KEY），只能手工转账结算。",
    en: "Stripe is not configured (STRIPE_API_KEY); settle by bank transfer instead.",
    status: 409,
  },
  stripe_account_missing: {
    "zh-CN": "合作社“{cooperative}”没有 Stripe Connect 账户，只能手工转账结算。",
    en: "The cooperative “{cooperative}” has no Stripe Connect account; settle by bank transfer instead.",
    status: 409,
  },
  stripe_transfer_failed: {
    "zh-CN": "Stripe 转账失败：{detail}。已成功的转账会在重试时沿用，不会重复。",
    en: "A Stripe transfer failed: {detail}. Transfers that went through are reused when you retry, never repeated.",
    status: 502,
  },
  stripe_account_invalid: { "zh-CN": "Stripe 账户编号要以 acct_ 开头。", en: "A Stripe account id starts with acct_." },
  bank_account_last4_invalid: { "zh-CN": "银行账号只保存最后 4 位数字。", en: "Keep only the last 4 digits of the bank account." },
  webhook_not_configured: {
    "zh-CN": "没有配置 Stripe Webhook 密钥。",
    en: "No Stripe webhook secret is configured.",
    status: 404,
  },
  webhook_signature_invalid: {
    "zh-CN": "Stripe 签名校验失败。",
    en: "The Stripe signature does not verify.",
  },
})
