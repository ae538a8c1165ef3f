import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { forgetCart, getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";
import { accessOf } from "../lib/cart-actions.server";
import { checkoutApi } from "../lib/checkout.server";
import { formErrorText } from "../lib/forms.server";
import { isBuyerRefusal, speaksToBuyer } from "../lib/store-api.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

/**
 * Stripe's return address after the Payment Element (`?payment_intent=…&redirect_status=…`): the
 * checkout is completed now, which authorises the Stripe session the backend holds, then on to the
 * confirmation. A refusal (payment failed, stock gone) is explained with the way back.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getBuyerSession(request);
  const cartId = session.get("cartId");
  const status = new URL(request.url).searchParams.get("redirect_status");
  if (!cartId) return { error: formErrorText(locale, "orderRefused") };
  if (status === "failed") return { error: formErrorText(locale, "paymentFailed") };
  let checkoutId: string;
  try {
    checkoutId = (await withBackend("stripe return", () => checkoutApi.completeCheckout(cartId, accessOf(session, locale)))).id;
  } catch (error) {
    if (!isBuyerRefusal(error)) throw error;
    return { error: speaksToBuyer(error) ? error.message : formErrorText(locale, "paymentFailed") };
  }
  forgetCart(session);
  throw await redirectWithSession(`/orders/confirmed/${encodeURIComponent(checkoutId)}`, session);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.stripe.title} · ${translation.app.name}` }] : [];
};

export default function StripeReturnPage() {
  const { error } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <h1>{t("stripe.title")}</h1>
      <p className="form-error" role="alert">
        {error}
      </p>
      <p>
        <Link to="/checkout" className="button">
          {t("stripe.back")}
        </Link>
      </p>
    </section>
  );
}
