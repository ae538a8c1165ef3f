import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { safeRedirectPath } from "@tianyuan/web-common/safe-redirect.ts";
import { useTranslation } from "react-i18next";

import { commitBuyerSession, getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";
import { addToCart, refusalMessage } from "../lib/cart-actions.server";
import { addToCartSchema } from "../lib/cart-forms.server";
import { cameFromFetcher, formFields, readForm } from "../lib/forms.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

/** What a fetcher's add answers: the new piece count, or why not (in the buyer's language). */
export type AddToCartResult = { ok: true; count: number } | { ok: false; error: string };

/**
 * `POST /cart/add` from any page's AddToCartForm. Without JavaScript: back to the page with a notice,
 * or this page explaining the refusal with the quantity as typed. With a fetcher: data.
 */
export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const formData = await request.formData();
  const viaFetcher = cameFromFetcher(formData);
  const submission = readForm(addToCartSchema, formData, locale, ["variant_id", "quantity", "title", "redirect_to"]);
  const back = safeRedirectPath(submission.ok ? submission.data.redirect_to : submission.failure.values.redirect_to);

  const refuse = (error: string, headers?: HeadersInit) => {
    const values = submission.ok ? submission.values : submission.failure.values;
    return viaFetcher
      ? data<AddToCartResult>({ ok: false, error }, { status: 400, headers })
      : data({ ok: false as const, error, values: { ...values, redirect_to: back } }, { status: 400, headers });
  };

  if (!submission.ok) {
    const { fieldErrors, formError } = submission.failure;
    return refuse(fieldErrors.quantity ?? fieldErrors.variant_id ?? formError ?? "");
  }
  const { variant_id: variantId, quantity, title } = submission.data;
  const shownStock = Number(formFields(formData)[`available.${variantId}`]);
  const available = Number.isInteger(shownStock) ? shownStock : null;

  const session = await getBuyerSession(request);
  const change = await withBackend("add to cart", () => addToCart(session, { variantId, quantity }, locale));
  // The cart may have been created even when the line was refused: keep its id either way.
  const headers = { "Set-Cookie": await commitBuyerSession(session) };
  if (!change.ok) return refuse(refusalMessage(change.error, locale, { available }), headers);
  if (viaFetcher) return data<AddToCartResult>({ ok: true, count: change.count }, { headers });
  session.flash("notice", { key: "addedToCart", title, quantity });
  return redirectWithSession(back, session);
}

/** Opening /cart/add directly: the cart is what there is to see. */
export function loader() {
  return redirect("/cart");
}

export const meta: MetaFunction<typeof action, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.addToCart.refusedTitle} · ${translation.app.name}` }] : [];
};

/** Only reached without JavaScript, when the backend refused: why, and the same choice to try again. */
export default function AddToCartRefused() {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!answer || answer.ok || !("values" in answer)) return null;
  const { values } = answer;
  return (
    <section className="form-page">
      <h1>{t("addToCart.refusedTitle")}</h1>
      <p className="form-error" role="alert">
        {answer.error}
      </p>
      <Form method="post" action="/cart/add" className="form">
        <input type="hidden" name="variant_id" value={values.variant_id ?? ""} />
        <input type="hidden" name="title" value={values.title ?? ""} />
        <input type="hidden" name="redirect_to" value={values.redirect_to ?? "/"} />
        {values.title ? <p className="form-page__intro">{values.title}</p> : null}
        <div className="form-field">
          <label htmlFor="add-quantity">{t("addToCart.quantity")}</label>
          <input id="add-quantity" name="quantity" type="number" inputMode="numeric" min={1} defaultValue={values.quantity ?? "1"} />
        </div>
        <button type="submit" className="button">
          {t("addToCart.add")}
        </button>
      </Form>
      <p className="form-links">
        <Link to={values.redirect_to ?? "/"}>{t("addToCart.back")}</Link> · <Link to="/cart">{t("addToCart.viewCart")}</Link>
      </p>
    </section>
  );
}
