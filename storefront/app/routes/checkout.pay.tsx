import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { env } from "../env.server";
import { getBuyerSession } from "../lib/buyer-session.server";
import { accessOf, loadCartView } from "../lib/cart-actions.server";
import { cartApi } from "../lib/cart.server";
import { STRIPE_PAYMENT_PROVIDER } from "../lib/orders";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// Paying online with Stripe's Payment Element (cards; Alipay and WeChat Pay where the Stripe account
// has them turned on — Stripe shows what the PaymentIntent allows). Only reached when the backend has
// Stripe (its region lists pp_stripe_stripe) and STRIPE_PUBLISHABLE_KEY is set here; Stripe.js is
// loaded on this page alone, never on the others. Stripe needs JavaScript: without it the page says
// so and offers pay on delivery instead. Stripe cannot be reached from the development machines, so
// this page is untested there (README).

const STRIPE_JS = "https://js.stripe.com/v3/";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getBuyerSession(request);
  const cartId = session.get("cartId");
  if (!cartId || !env.STRIPE_PUBLISHABLE_KEY) throw redirect("/checkout");
  const [cart, view] = await withBackend("stripe payment", () =>
    Promise.all([cartApi.findCart(cartId, accessOf(session, locale)), loadCartView(session, locale)]),
  );
  const stripeSession = cart?.payment_collection?.payment_sessions?.find(
    (candidate) => candidate.provider_id === STRIPE_PAYMENT_PROVIDER,
  );
  const clientSecret = stripeSession?.data?.client_secret;
  if (!cart || cart.completed_at || !view || typeof clientSecret !== "string") throw redirect("/checkout");
  return { publishableKey: env.STRIPE_PUBLISHABLE_KEY, clientSecret, totalFen: view.totalFen };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.stripe.title} · ${translation.app.name}` }] : [];
};

// The few pieces of Stripe.js this page uses.
type StripeElement = { mount(target: HTMLElement): void; destroy(): void };
type StripeElements = { create(kind: "payment"): StripeElement };
type StripeClient = {
  elements(options: { clientSecret: string; locale: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>;
};
type StripeFactory = (publishableKey: string) => StripeClient;

function loadStripe(): Promise<StripeFactory> {
  const existing = (window as unknown as { Stripe?: StripeFactory }).Stripe;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => {
      const factory = (window as unknown as { Stripe?: StripeFactory }).Stripe;
      if (factory) resolve(factory);
      else reject(new Error("Stripe.js did not load"));
    };
    script.onerror = () => reject(new Error("Stripe.js did not load"));
    document.head.appendChild(script);
  });
}

export default function StripePaymentPage() {
  const { publishableKey, clientSecret, totalFen } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const target = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ client: StripeClient; elements: StripeElements } | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "paying" | "failed">("loading");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let element: StripeElement | undefined;
    loadStripe()
      .then((Stripe) => {
        const client = Stripe(publishableKey);
        const elements = client.elements({ clientSecret, locale: locale === "en" ? "en" : "zh" });
        element = elements.create("payment");
        if (target.current) element.mount(target.current);
        stripe.current = { client, elements };
        setState("ready");
      })
      .catch(() => setState("failed"));
    return () => element?.destroy();
  }, [publishableKey, clientSecret, locale]);

  const pay = async () => {
    if (!stripe.current) return;
    setState("paying");
    const { error: refused } = await stripe.current.client.confirmPayment({
      elements: stripe.current.elements,
      confirmParams: { return_url: `${window.location.origin}/checkout/paid` },
    });
    // Only reached when Stripe refused at once; otherwise the browser goes to /checkout/paid.
    setError(refused?.message ?? t("stripe.failed"));
    setState("ready");
  };

  return (
    <section className="form-page">
      <h1>{t("stripe.title")}</h1>
      <p>{t("stripe.amount", { total: formatFen(totalFen, locale) })}</p>
      <noscript>
        <p className="form-error">{t("stripe.needsJavaScript")}</p>
      </noscript>
      <div ref={target} className="stripe-element" />
      {state === "failed" ? (
        <p className="form-error" role="alert">
          {t("stripe.unavailable")}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button--wide" onClick={pay} disabled={state !== "ready"}>
        {t("stripe.pay", { total: formatFen(totalFen, locale) })}
      </button>
      <p className="form-links">
        <Link to="/checkout">{t("stripe.back")}</Link>
      </p>
    </section>
  );
}
