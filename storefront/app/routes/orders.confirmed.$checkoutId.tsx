import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { formatDateTime } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeOrderCard } from "../components/checkout-orders";
import { getBuyerSession } from "../lib/buyer-session.server";
import { accessOf } from "../lib/cart-actions.server";
import { checkoutApi } from "../lib/checkout.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// The order confirmation: one checkout, one order per cooperative. The checkout id is unguessable,
// so the link works for a guest too (docs/api/orders.md).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getBuyerSession(request);
  const checkout = await loadStorePage("order confirmation", () =>
    checkoutApi.findCheckout(params.checkoutId ?? "", accessOf(session, locale)),
  );
  return { checkout };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.confirmation.title} · ${translation.app.name}` }, { name: "robots", content: "noindex" }] : [];
};

export default function OrderConfirmationPage() {
  const { checkout } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="confirmation">
      <h1>{t("confirmation.title")}</h1>
      <p className="page-intro">
        {t("confirmation.intro", { count: checkout.orders.length })}
        {checkout.email ? ` ${t("confirmation.email", { email: checkout.email })}` : ""}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("confirmation.placedAt")}</dt>
          <dd>{formatDateTime(checkout.createdAt, locale)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("confirmation.payment")}</dt>
          <dd>{t(`checkout.payment.${checkout.payment}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("cart.total")}</dt>
          <dd>{formatFen(checkout.totalFen, locale)}</dd>
        </div>
      </dl>
      <div className="order-cards">
        {checkout.orders.map((order) => (
          <CooperativeOrderCard key={order.id} order={order} />
        ))}
      </div>
      <p className="form-links">
        {root?.buyer.signedIn ? (
          <Link to="/account/orders">{t("confirmation.history")}</Link>
        ) : (
          <>
            {t("confirmation.keepLink")} <Link to="/account/register">{t("confirmation.register")}</Link>
          </>
        )}
      </p>
      <p>
        <Link to="/" className="button">
          {t("confirmation.continue")}
        </Link>
      </p>
    </section>
  );
}
