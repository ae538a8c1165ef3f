import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeOrderCard } from "../components/checkout-orders";
import { logInAgain, requireCustomerToken } from "../lib/account-session.server";
import { accountApi } from "../lib/account.server";
import { checkoutApi } from "../lib/checkout.server";
import { isStoreError } from "../lib/store-api.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// The customer's order history: each checkout with each cooperative's part and where it stands.

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const { token, session } = await requireCustomerToken(request);
  try {
    const [customer, checkouts] = await withBackend("order history", () =>
      Promise.all([accountApi.me(token, locale), checkoutApi.listMyCheckouts({ token, locale })]),
    );
    if (!customer) throw await logInAgain(request, session);
    return { customer: { email: customer.email, name: customer.name }, checkouts };
  } catch (error) {
    // A token the backend no longer accepts (expired): log in again, then come back here.
    if (isStoreError(error, 401)) throw await logInAgain(request, session);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.account.ordersTitle} · ${translation.app.name}` }] : [];
};

export default function OrderHistoryPage() {
  const { customer, checkouts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="order-history">
      <h1>{t("account.ordersTitle")}</h1>
      <div className="order-history__who">
        <p>{t("account.signedInAs", { name: customer.name || customer.email, email: customer.email })}</p>
        <Form method="post" action="/account/logout">
          <button type="submit" className="button button--secondary">
            {t("account.logout")}
          </button>
        </Form>
      </div>
      {checkouts.length === 0 ? (
        <div className="notice">
          <p>{t("account.noOrders")}</p>
          <p>
            <Link to="/" className="button">
              {t("cart.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <ol className="order-history__list">
          {checkouts.map((checkout) => (
            <li key={checkout.id} className="order-history__checkout">
              <h2>
                <Link to={`/orders/confirmed/${encodeURIComponent(checkout.id)}`}>
                  {t("account.checkoutOf", { date: formatDateTime(checkout.createdAt, locale) })}
                </Link>
              </h2>
              <p className="order-history__summary">
                {t("account.checkoutSummary", { count: checkout.orders.length, total: formatFen(checkout.totalFen, locale) })}
                {" · "}
                {t(`checkout.payment.${checkout.payment}`)}
              </p>
              <div className="order-cards">
                {checkout.orders.map((order) => (
                  <CooperativeOrderCard key={order.id} order={order} headingLevel={3} />
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
