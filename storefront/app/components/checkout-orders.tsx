import { Link } from "@remix-run/react";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import type { CooperativeOrder } from "../lib/orders";
import { PickupPointDetails, shippingLabel } from "./shipping-choice-form";

/**
 * One cooperative's part of a checkout: its status (placed, packed, shipped with the tracking number,
 * ready for pickup, completed, cancelled, refunded), its produce, and how it reaches the buyer.
 */
export function CooperativeOrderCard({ order, headingLevel = 2 }: { order: CooperativeOrder; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const status = order.status ? t(`orderStatus.${order.status}`) : order.rawStatus;
  return (
    <article className="order-card" aria-label={t("orders.cardLabel", { cooperative: order.cooperative.name })}>
      <header className="order-card__header">
        <Heading className="order-card__title">
          {order.cooperative.handle ? (
            <Link to={`/cooperatives/${encodeURIComponent(order.cooperative.handle)}`}>{order.cooperative.name}</Link>
          ) : (
            order.cooperative.name
          )}
        </Heading>
        <span className={`order-status order-status--${order.status ?? "other"}`}>{status}</span>
      </header>
      <p className="order-card__number">{t("orders.number", { number: order.displayId })}</p>
      {order.status === "shipped" && (order.trackingNumber || order.carrier) ? (
        <p className="order-card__tracking">
          {t("orders.tracking", { carrier: order.carrier ?? "", number: order.trackingNumber ?? "" })}
        </p>
      ) : null}
      <ul className="order-card__items">
        {order.items.map((item, index) => (
          <li key={index}>
            <span>
              {item.title}
              {item.variantTitle ? ` · ${item.variantTitle}` : ""} × {item.quantity}
              {item.unit ? ` ${t(`units.${item.unit}`)}` : ""}
            </span>
            <span>{formatFen(item.totalFen, locale)}</span>
          </li>
        ))}
      </ul>
      {order.shipping ? (
        <div className="order-card__shipping">
          <span>
            {shippingLabel(t, order.shipping)}
            {" · "}
            {order.shipping.amountFen === 0 ? t("shipping.free") : formatFen(order.shipping.amountFen, locale)}
          </span>
          {order.shipping.pickupPoint ? <PickupPointDetails point={order.shipping.pickupPoint} /> : null}
        </div>
      ) : null}
      <p className="order-card__total">
        {t("orders.orderTotal")} <strong>{formatFen(order.totalFen, locale)}</strong>
      </p>
    </article>
  );
}
