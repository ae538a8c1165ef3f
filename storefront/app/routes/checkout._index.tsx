import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { AddressForm } from "../components/address-form";
import { CartTotals } from "../components/cart-totals";
import { ShippingChoiceForm } from "../components/shipping-choice-form";
import { commitBuyerSession, forgetCart, getBuyerSession, redirectWithSession, type BuyerSession } from "../lib/buyer-session.server";
import type { CooperativeGroup } from "../lib/cart";
import { accessOf, chooseShipping, refusalMessage } from "../lib/cart-actions.server";
import { chooseShippingSchema } from "../lib/cart-forms.server";
import { addressFields, addressFormSchema, placeOrderSchema } from "../lib/checkout-forms.server";
import {
  areaOptionsFor,
  loadCheckoutPage,
  resolveAreas,
  saveAddress,
  type AddressValues,
  type AreaOptions,
} from "../lib/checkout-page.server";
import { cartApi } from "../lib/cart.server";
import { checkoutApi } from "../lib/checkout.server";
import { cameFromFetcher, formErrorText, readForm } from "../lib/forms.server";
import type { PaymentKind } from "../lib/orders";
import { isBuyerRefusal, speaksToBuyer } from "../lib/store-api.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// One page, three steps that each work without JavaScript: contact and address (saved to the cart,
// the area chosen level by level), delivery or pickup per cooperative, then payment and the order.

async function changedHeaders(session: BuyerSession, before: string) {
  const after = JSON.stringify([session.get("cartId"), session.get("cartCount")]);
  return after === before ? undefined : { "Set-Cookie": await commitBuyerSession(session) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getBuyerSession(request);
  const before = JSON.stringify([session.get("cartId"), session.get("cartCount")]);
  const page = await withBackend("checkout", () => loadCheckoutPage(session, locale));
  const headers = await changedHeaders(session, before);
  if (!page) throw redirect("/cart", headers ? { headers } : undefined);
  return data(page, headers ? { headers } : undefined);
}

type Values = Partial<AddressValues>;
export type CheckoutActionResult =
  | { intent: "area"; values: Values; areas: AreaOptions }
  | { intent: "address"; values: Values; areas: AreaOptions; fieldErrors: Partial<Record<keyof AddressValues, string>>; formError: string | null }
  | { intent: "shipping"; ok: boolean; cooperativeId?: string; error?: string }
  | { intent: "place"; payment: string; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const formData = await request.formData();
  const session = await getBuyerSession(request);
  const intent = formData.get("intent");
  if (!session.get("cartId")) throw redirect("/cart");

  if (intent === "area" || intent === "address") {
    const submission = readForm(addressFormSchema, formData, locale, addressFields);
    const values = submission.ok ? submission.values : submission.failure.values;
    const areasFor = () =>
      withBackend("checkout", () => areaOptionsFor({ province: values.province ?? "", city: values.city ?? "" }, locale));
    // Without JavaScript: the next level's choices, everything typed kept, nothing checked yet.
    if (intent === "area") return data<CheckoutActionResult>({ intent, values, areas: await areasFor() });

    if (!submission.ok) {
      const { fieldErrors, formError } = submission.failure;
      return data<CheckoutActionResult>({ intent, values, areas: await areasFor(), fieldErrors, formError }, { status: 400 });
    }
    const names = await withBackend("checkout", () => resolveAreas(submission.data, locale));
    if (!names) {
      const fieldErrors = { district: formErrorText(locale, "areaUnknown") };
      return data<CheckoutActionResult>({ intent, values, areas: await areasFor(), fieldErrors, formError: null }, { status: 400 });
    }
    try {
      await withBackend("checkout", () => saveAddress(session, submission.data, names, locale));
    } catch (error) {
      if (!isBuyerRefusal(error)) throw error;
      const message = speaksToBuyer(error) ? error.message : formErrorText(locale, "addressRefused");
      const fieldErrors = error.code === "address_area_unknown" ? { district: message } : {};
      const formError = error.code === "address_area_unknown" ? null : message;
      return data<CheckoutActionResult>({ intent, values, areas: await areasFor(), fieldErrors, formError }, { status: 400 });
    }
    return redirect("/checkout#shipping");
  }

  if (intent === "shipping") {
    const viaFetcher = cameFromFetcher(formData);
    const submission = readForm(chooseShippingSchema, formData, locale, ["cooperative_id", "option_id"]);
    const cooperativeId = String(formData.get("cooperative_id") ?? "");
    const change = submission.ok
      ? await withBackend("checkout", () => chooseShipping(session, submission.data.option_id, locale))
      : null;
    if (change?.ok) {
      return viaFetcher ? data<CheckoutActionResult>({ intent, ok: true }) : redirect(`/checkout#shipping-${cooperativeId}`);
    }
    const error = change ? refusalMessage(change.error, locale) : formErrorText(locale, "shippingChoiceMissing");
    return data<CheckoutActionResult>({ intent, ok: false, cooperativeId, error }, { status: 400 });
  }

  if (intent === "place") {
    const payment = String(formData.get("payment") ?? "");
    const fail = (error: string) => data<CheckoutActionResult>({ intent, payment, error }, { status: 400 });
    const submission = readForm(placeOrderSchema, formData, locale, ["payment"]);
    if (!submission.ok) return fail(formErrorText(locale, "paymentMissing"));
    const cartId = session.get("cartId")!;
    const access = accessOf(session, locale);
    // Pressed twice (or again after going back): the cart is already an order; show that order.
    const cart = await withBackend("checkout", () => cartApi.findCart(cartId, access));
    if (cart?.completed_at) {
      const done = await withBackend("checkout", () => checkoutApi.completeCheckout(cartId, access)).catch((error: unknown) => {
        if (isBuyerRefusal(error)) return null;
        throw error;
      });
      forgetCart(session);
      return redirectWithSession(done ? `/orders/confirmed/${encodeURIComponent(done.id)}` : "/cart", session);
    }
    const before = JSON.stringify([session.get("cartId"), session.get("cartCount")]);
    const page = await withBackend("checkout", () => loadCheckoutPage(session, locale));
    if (!page) throw redirect("/cart", { headers: await changedHeaders(session, before) });

    const kind = submission.data.payment;
    if (!page.payments.includes(kind)) return fail(formErrorText(locale, "paymentMissing"));
    if (!page.addressSaved) return fail(formErrorText(locale, "addressFirst"));
    const unchosen = page.view.groups.find((group) => page.view.missing.includes(`shipping:${group.cooperative.id}`));
    if (unchosen) return fail(formErrorText(locale, "shippingMissing", { cooperative: unchosen.cooperative.name }));

    try {
      await withBackend("checkout", () => checkoutApi.startPayment(cartId, kind, access));
      // Stripe's Payment Element takes over on its own page; the order is made when Stripe confirms.
      if (kind === "stripe") return redirect("/checkout/pay");
      const checkout = await withBackend("checkout", () => checkoutApi.completeCheckout(cartId, access));
      forgetCart(session);
      return redirectWithSession(`/orders/confirmed/${encodeURIComponent(checkout.id)}`, session);
    } catch (error) {
      if (!isBuyerRefusal(error)) throw error;
      return fail(speaksToBuyer(error) ? error.message : formErrorText(locale, "orderRefused"));
    }
  }

  throw new Response("Bad Request", { status: 400 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.checkout.title} · ${translation.app.name}` }] : [];
};

export default function CheckoutPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const addressAnswer = answer && (answer.intent === "area" || answer.intent === "address") ? answer : null;
  const values = { ...page.address, ...(addressAnswer?.values ?? {}) };
  const areas = addressAnswer?.areas ?? page.areas;
  const addressFailure = addressAnswer?.intent === "address" ? addressAnswer : null;
  const editing = !page.addressSaved || addressAnswer !== null;
  const shippingRefusal = answer?.intent === "shipping" && !answer.ok ? answer : null;
  const placeRefusal = answer?.intent === "place" ? answer : null;

  return (
    <div className="checkout">
      <h1>{t("checkout.title")}</h1>
      {page.signedIn ? null : (
        <p className="checkout__account">
          {t("checkout.guest")} <Link to="/account/login?redirectTo=/checkout">{t("checkout.logIn")}</Link>
        </p>
      )}

      <section className="checkout__step" aria-labelledby="step-address">
        <h2 id="step-address">{t("checkout.addressStep")}</h2>
        {editing ? (
          <AddressForm
            values={values}
            areas={areas}
            fieldErrors={addressFailure?.fieldErrors ?? {}}
            formError={addressFailure?.formError ?? null}
          />
        ) : (
          <>
            <SavedAddress values={page.address} areas={page.areas} />
            {/* Opens without JavaScript too. */}
            <details className="checkout__edit">
              <summary>{t("checkout.editAddress")}</summary>
              <AddressForm values={values} areas={areas} fieldErrors={{}} formError={null} />
            </details>
          </>
        )}
      </section>

      <section className="checkout__step" aria-labelledby="shipping">
        <h2 id="shipping">{t("checkout.shippingStep")}</h2>
        {page.view.groups.map((group) => (
          <CheckoutGroup
            key={group.cooperative.id}
            group={group}
            error={shippingRefusal?.cooperativeId === group.cooperative.id ? (shippingRefusal.error ?? null) : null}
          />
        ))}
      </section>

      <section className="checkout__step" aria-labelledby="step-payment">
        <h2 id="step-payment">{t("checkout.paymentStep")}</h2>
        <CartTotals view={page.view} />
        <PlaceOrderForm
          payments={page.payments}
          totalFen={page.view.totalFen}
          error={placeRefusal?.error ?? null}
          chosen={(placeRefusal?.payment as PaymentKind | undefined) ?? page.payments[0] ?? "manual"}
        />
      </section>
    </div>
  );
}

function SavedAddress({ values, areas }: { values: AddressValues; areas: AreaOptions }) {
  const name = (options: { code: string; name: string }[], code: string) => options.find((option) => option.code === code)?.name ?? "";
  const region = [name(areas.provinces, values.province), name(areas.cities, values.city), name(areas.districts, values.district)].join(" ");
  return (
    <address className="checkout__saved">
      <span>
        {values.name} · {values.phone}
      </span>
      <span>{values.email}</span>
      <span>
        {region} {values.street} {values.detail}
      </span>
    </address>
  );
}

function CheckoutGroup({ group, error }: { group: CooperativeGroup; error: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="cart-group" id={`shipping-${group.cooperative.id}`}>
      <h3>{group.cooperative.name}</h3>
      <ul className="checkout__items">
        {group.items.map((line) => (
          <li key={line.id}>
            <span>
              {line.title}
              {line.variantTitle ? ` · ${line.variantTitle}` : ""} × {line.quantity}
              {line.unit ? ` ${t(`units.${line.unit}`)}` : ""}
            </span>
            <span>{formatFen(line.totalFen, locale)}</span>
          </li>
        ))}
      </ul>
      <ShippingChoiceForm group={group} action="/checkout" error={error} />
      <p className="cart-group__subtotal">
        {t("cart.subtotal")} <strong>{formatFen(group.subtotalFen, locale)}</strong>
      </p>
    </div>
  );
}

function PlaceOrderForm({
  payments,
  totalFen,
  error,
  chosen,
}: {
  payments: PaymentKind[];
  totalFen: number;
  error: string | null;
  chosen: PaymentKind;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const placing = navigation.state !== "idle" && navigation.formData?.get("intent") === "place";
  return (
    <Form method="post" action="/checkout" className="form place-order">
      <input type="hidden" name="intent" value="place" />
      <fieldset className="choice-list">
        <legend>{t("checkout.paymentLegend")}</legend>
        {payments.map((kind) => (
          <label key={kind} className="choice-list__option">
            <input type="radio" name="payment" value={kind} defaultChecked={kind === chosen} />
            <span>
              <span className="choice-list__name">{t(`checkout.payment.${kind}`)}</span>
              <span className="choice-list__hint">{t(`checkout.paymentHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--wide" disabled={placing}>
        {placing ? t("checkout.placing") : t("checkout.place", { total: formatFen(totalFen, locale) })}
      </button>
    </Form>
  );
}
