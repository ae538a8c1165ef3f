import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import type { CartView } from "../lib/cart";

/** Produce, delivery and the sum, on the cart and the checkout page. */
export function CartTotals({ view }: { view: Pick<CartView, "itemsTotalFen" | "shippingTotalFen" | "totalFen"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="totals">
      <div className="totals__row">
        <dt>{t("cart.itemsTotal")}</dt>
        <dd>{formatFen(view.itemsTotalFen, locale)}</dd>
      </div>
      <div className="totals__row">
        <dt>{t("cart.shippingTotal")}</dt>
        <dd>{formatFen(view.shippingTotalFen, locale)}</dd>
      </div>
      <div className="totals__row totals__row--total">
        <dt>{t("cart.total")}</dt>
        <dd>{formatFen(view.totalFen, locale)}</dd>
      </div>
    </dl>
  );
}
