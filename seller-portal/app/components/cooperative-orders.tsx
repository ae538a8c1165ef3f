import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ordersPath, packingListPath, payoutsPath, shippingPath, cooperativePath } from "../lib/cooperative-paths";
import { knownUnit, type OrderStatus } from "../lib/cooperative-orders";
import { FETCHER_FIELD, useHydrated } from "../lib/hydrated";

// What the cooperative order screens share: the cooperative's tabs, the status badge, a line of
// produce, the print button and the fetcher marker.

/** i18next reads "_" in a key as a context suffix, so the status keys are camel-cased. */
const statusKeys = {
  placed: "placed",
  packed: "packed",
  shipped: "shipped",
  ready_for_pickup: "readyForPickup",
  completed: "completed",
  cancelled: "cancelled",
  refunded: "refunded",
  partially_refunded: "partiallyRefunded",
} as const satisfies Record<OrderStatus, string>;

export function useStatusName(): (status: OrderStatus) => string {
  const { t } = useTranslation();
  return (status) => t(`orderStatus.${statusKeys[status]}`);
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const statusName = useStatusName();
  return <span className={`status order-status order-status--${status}`}>{statusName(status)}</span>;
}

/** "洛川嘎啦苹果 · 一级果 × 3 斤". */
export function useItemText(): (item: { title: string; variant_title: string | null; quantity: number; unit: string | null }) => string {
  const { t } = useTranslation();
  return (item) => {
    const unit = knownUnit(item.unit);
    const variant = item.variant_title && item.variant_title !== "标准" ? ` · ${item.variant_title}` : "";
    return `${item.title}${variant} × ${item.quantity}${unit ? ` ${t(`units.${unit}`)}` : ""}`;
  };
}

export type CooperativeTab = "produce" | "orders" | "packingList" | "payouts" | "shipping";

/**
 * The cooperative's screens, one tap apart. Payouts and pickup/delivery settings are the managers';
 * a farmer or agent sees produce, orders and the packing list.
 */
export function CooperativeNav({
  cooperativeId,
  manager,
  current,
}: {
  cooperativeId: string;
  manager: boolean;
  current: CooperativeTab;
}) {
  const { t } = useTranslation();
  const tabs: { tab: CooperativeTab; to: string }[] = [
    { tab: "produce", to: cooperativePath(cooperativeId) },
    { tab: "orders", to: ordersPath(cooperativeId) },
    { tab: "packingList", to: packingListPath(cooperativeId) },
    ...(manager
      ? [
          { tab: "payouts" as const, to: payoutsPath(cooperativeId) },
          { tab: "shipping" as const, to: shippingPath(cooperativeId) },
        ]
      : []),
  ];
  return (
    <nav className="cooperative-nav no-print" aria-label={t("cooperativeNav.label")}>
      <ul>
        {tabs.map(({ tab, to }) => (
          <li key={tab}>
            <Link to={to} aria-current={tab === current ? "page" : undefined}>
              {t(`cooperativeNav.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Inside a fetcher's form: tells the action to answer data (JavaScript runs) rather than redirect. */
export function FetcherMarker() {
  return useHydrated() ? <input type="hidden" name={FETCHER_FIELD} value="1" /> : null;
}

/** Printing from the page needs JavaScript; without it the hint points to the browser's own Print. */
export function PrintButton({ label }: { label: string }) {
  if (!useHydrated()) return null;
  return (
    <button type="button" className="button button--wide" onClick={() => window.print()}>
      {label}
    </button>
  );
}

/** Previous / next page links that keep the filters; nothing when everything fits on one page. */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; pageOf: string; nav: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className="button button--secondary" rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__where">{labels.pageOf}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} className="button button--secondary" rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
