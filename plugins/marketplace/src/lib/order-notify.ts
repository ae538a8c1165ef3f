import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { CooperativeOrder } from "./order-read"

/**
 * What the buyer is told when a cooperative acts on their order, through Medusa's notification
 * module (the local provider by default: the notification is stored and logged; an SMS or email
 * provider sends it). zh-CN unless the order was placed in English. Each notice has an idempotency
 * key, so an event delivered twice notifies once.
 */
export type BuyerNotice = "packed" | "shipped" | "ready_for_pickup" | "cancelled" | "refunded"

type NoticeExtra = { reason?: string; amount_fen?: number }

export function formatFen(fen: number, locale: "zh-CN" | "en"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" }).format(fen / 100)
}

export function buyerNoticeText(kind: BuyerNotice, order: CooperativeOrder, extra: NoticeExtra = {}): { subject: string; text: string } {
  const en = order.locale === "en"
  const coop = order.cooperative.name
  const number = `#${order.display_id}`
  const point = order.shipping.pickup_point
  const tracking = order.derived.tracking
  switch (kind) {
    case "packed":
      return en
        ? { subject: `Order ${number} is packed`, text: `${coop} has packed your order ${number}.` }
        : { subject: `订单 ${number} 已打包`, text: `${coop}已经打包好您的订单 ${number}。` }
    case "shipped":
      return en
        ? {
            subject: `Order ${number} has shipped`,
            text: `${coop} has shipped your order ${number}${tracking ? ` with ${tracking.carrier}, tracking number ${tracking.tracking_number}` : ""}.`,
          }
        : {
            subject: `订单 ${number} 已发货`,
            text: `${coop}已经发出您的订单 ${number}${tracking ? `，${tracking.carrier}运单号 ${tracking.tracking_number}` : ""}。`,
          }
    case "ready_for_pickup":
      return en
        ? {
            subject: `Order ${number} is ready for pickup`,
            text: `Your order ${number} from ${coop} is ready at ${point?.name ?? "the pickup point"}${point?.address ? `, ${point.address}` : ""}.${point?.hours ? ` Open: ${point.hours}.` : ""}${point?.instructions ? ` ${point.instructions}` : ""}`,
          }
        : {
            subject: `订单 ${number} 可以自提了`,
            text: `您在${coop}的订单 ${number} 已送到${point?.name ?? "自提点"}${point?.address ? `（${point.address}）` : ""}。${point?.hours ? `营业时间：${point.hours}。` : ""}${point?.instructions ?? ""}`,
          }
    case "cancelled":
      return en
        ? {
            subject: `Order ${number} was cancelled`,
            text: `${coop} cancelled your order ${number}${extra.reason ? `: ${extra.reason}` : ""}.${order.payment.paid_fen > 0 ? " Anything you paid is refunded to where it came from." : ""}`,
          }
        : {
            subject: `订单 ${number} 已取消`,
            text: `${coop}取消了您的订单 ${number}${extra.reason ? `，原因：${extra.reason}` : ""}。${order.payment.paid_fen > 0 ? "已付款项会原路退回。" : ""}`,
          }
    case "refunded":
      return en
        ? {
            subject: `Refund for order ${number}`,
            text: `${coop} refunded ${formatFen(extra.amount_fen ?? 0, "en")} for your order ${number}${extra.reason ? `: ${extra.reason}` : ""}.`,
          }
        : {
            subject: `订单 ${number} 退款`,
            text: `${coop}为您的订单 ${number} 退款 ${formatFen(extra.amount_fen ?? 0, "zh-CN")}${extra.reason ? `，原因：${extra.reason}` : ""}。`,
          }
  }
}

/** Sends one notice; `reference` (a fulfilment or refund id) makes it idempotent. */
export async function notifyBuyer(
  container: MedusaContainer,
  order: CooperativeOrder,
  kind: BuyerNotice,
  reference: string,
  extra: NoticeExtra = {}
): Promise<void> {
  const to = order.email || order.buyer.phone
  if (!to) return
  const { subject, text } = buyerNoticeText(kind, order, extra)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to,
    channel: order.email ? "email" : "sms",
    template: `order-${kind.replace(/_/g, "-")}`,
    trigger_type: `tianyuan.order.${kind}`,
    resource_id: order.id,
    resource_type: "order",
    receiver_id: order.customer_id ?? undefined,
    idempotency_key: `order-${kind}:${order.id}:${reference}`,
    data: {
      subject,
      text,
      locale: order.locale,
      order_id: order.id,
      display_id: order.display_id,
      cooperative: order.cooperative.name,
      status: order.derived.status,
      tracking: order.derived.tracking,
      ...extra,
    },
  })
}
