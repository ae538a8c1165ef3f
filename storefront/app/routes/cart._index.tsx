import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CartTotals } from "../components/cart-totals";
import { FetcherMarker } from "../components/fetcher-marker";
import { ShippingChoiceForm } from "../components/shipping-choice-form";
import { commitBuyerSession, getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";
import type { CartLine, CooperativeGroup } from "../lib/cart";
import { chooseShipping, changeQuantity, loadCartView, refusalMessage } from "../lib/cart-actions.server";
import { chooseShippingSchema, removeLineSchema, updateLineSchema } from "../lib/cart-forms.server";
import { cameFromFetcher, formErrorText, readForm } from "../lib/forms.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// The cart, grouped by cooperative: each group with its produce, its delivery or pickup choice and
// subtotal. Every change is a plain form (post, redirect, get) that a fetcher takes over with JavaScript.

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getBuyerSession(request);
  const before = JSON.stringify([session.get("cartId"), session.get("cartCount")]);
  const view = await withBackend("cart", () => loadCartView(session, locale));
  const changed = JSON.stringify([session.get("cartId"), session.get("cartCount")]) !== before;
  return data({ view }, changed ? { headers: { "Set-Cookie": await commitBuyerSession(session) } } : undefined);
}

/** What an action answers when the buyer must see something: the refusal beside its line or group. */
export type CartActionResult =
  | { intent: "update"; ok: false; lineId: string; quantity: string; error: string }
  | { intent: "remove"; ok: false; lineId: string; error: string }
  | { intent: "shipping"; ok: false; cooperativeId: string; error: string }
  | { intent: "update" | "remove" | "shipping"; ok: true };

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const formData = await request.formData();
  const viaFetcher = cameFromFetcher(formData);
  const session = await getBuyerSession(request);
  const intent = formData.get("intent");

  const answer = async (result: CartActionResult) => {
    const headers = { "Set-Cookie": await commitBuyerSession(session) };
    if (result.ok && !viaFetcher) return redirectWithSession("/cart", session);
    return data(result, { status: result.ok ? 200 : 400, headers });
  };

  if (intent === "update") {
    const lineId = String(formData.get("line_id") ?? "");
    const typed = String(formData.get("quantity") ?? "");
    const refused = (error: string) => answer({ intent, ok: false, lineId, quantity: typed, error });
    const submission = readForm(updateLineSchema, formData, locale, ["line_id", "quantity"]);
    if (!submission.ok) {
      const { fieldErrors, formError } = submission.failure;
      return refused(fieldErrors.quantity ?? fieldErrors.line_id ?? formError ?? "");
    }
    const { quantity, available } = submission.data;
    // The page showed what is left: more than that is refused before asking (the backend checks too).
    if (available !== null && quantity > available) return refused(stockError(locale, available));
    const change = await withBackend("cart", () => changeQuantity(session, lineId, quantity, locale));
    return change.ok ? answer({ intent, ok: true }) : refused(refusalMessage(change.error, locale, { available }));
  }

  if (intent === "remove") {
    const lineId = String(formData.get("line_id") ?? "");
    const submission = readForm(removeLineSchema, formData, locale, ["line_id"]);
    if (!submission.ok) return answer({ intent, ok: false, lineId, error: formErrorText(locale, "invalid") });
    const change = await withBackend("cart", () => changeQuantity(session, lineId, 0, locale));
    return change.ok ? answer({ intent, ok: true }) : answer({ intent, ok: false, lineId, error: refusalMessage(change.error, locale) });
  }

  if (intent === "shipping") {
    const submission = readForm(chooseShippingSchema, formData, locale, ["cooperative_id", "option_id"]);
    const cooperativeId = String(formData.get("cooperative_id") ?? "");
    if (!submission.ok) {
      return answer({ intent, ok: false, cooperativeId, error: formErrorText(locale, "shippingChoiceMissing") });
    }
    const change = await withBackend("cart", () => chooseShipping(session, submission.data.option_id, locale));
    if (change.ok) return answer({ intent, ok: true });
    return answer({ intent, ok: false, cooperativeId, error: refusalMessage(change.error, locale) });
  }

  throw new Response("Bad Request", { status: 400 });
}

function stockError(locale: ReturnType<typeof localeFromRequest>, available: number): string {
  return available > 0 ? formErrorText(locale, "onlyLeft", { count: available }) : formErrorText(locale, "soldOut");
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.cart.title} · ${translation.app.name}` }] : [];
};

export default function CartPage() {
  const { view } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const { t } = useTranslation();

  if (!view || view.groups.length === 0) {
    return (
      <section className="cart">
        <h1>{t("cart.title")}</h1>
        <div className="notice">
          <p>{t("cart.empty")}</p>
          <p>
            <Link to="/" className="button">
              {t("cart.browse")}
            </Link>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="cart">
      <h1>{t("cart.title")}</h1>
      <p className="page-intro">{t("cart.intro", { count: view.groups.length })}</p>
      {view.groups.map((group) => (
        <CooperativeCart
          key={group.cooperative.id}
          group={group}
          refusal={refusal && !refusal.ok ? refusal : null}
        />
      ))}
      <CartTotals view={view} />
      <p className="cart__next">
        <Link to="/checkout" className="button button--wide">
          {t("cart.checkout")}
        </Link>
      </p>
    </section>
  );
}

type Refusal = Extract<CartActionResult, { ok: false }> | null;

function CooperativeCart({ group, refusal }: { group: CooperativeGroup; refusal: Refusal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `cart-${group.cooperative.id}`;
  return (
    <section className="cart-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {group.cooperative.handle ? (
          <Link to={`/cooperatives/${encodeURIComponent(group.cooperative.handle)}`}>{group.cooperative.name}</Link>
        ) : (
          group.cooperative.name
        )}
      </h2>
      {group.cooperative.villageName ? <p className="cart-group__village">{group.cooperative.villageName}</p> : null}
      <ul className="cart-lines">
        {group.items.map((line) => (
          <CartLineRow
            key={line.id}
            line={line}
            refusal={refusal && "lineId" in refusal && refusal.lineId === line.id ? refusal : null}
          />
        ))}
      </ul>
      <ShippingChoiceForm
        group={group}
        action="/cart"
        error={refusal?.intent === "shipping" && refusal.cooperativeId === group.cooperative.id ? refusal.error : null}
      />
      <p className="cart-group__subtotal">
        {t("cart.subtotal")} <strong>{formatFen(group.subtotalFen, locale)}</strong>
      </p>
    </section>
  );
}

function CartLineRow({ line, refusal }: { line: CartLine; refusal: Refusal }) {
  const update = useFetcher<CartActionResult>();
  const remove = useFetcher<CartActionResult>();
  const { t } = useTranslation();
  const locale = useLocale();
  const fetched = [update, remove].map((fetcher) => (fetcher.state === "idle" ? fetcher.data : undefined)).find((result) => result && !result.ok);
  const shown = (fetched && !fetched.ok ? fetched : null) ?? refusal;
  const typed = shown && "quantity" in shown ? shown.quantity : undefined;
  const unit = line.unit ? t(`units.${line.unit}`) : null;
  const price = formatFen(line.unitPriceFen, locale);
  const quantityId = `quantity-${line.id}`;
  const errorId = `quantity-${line.id}-error`;
  const removing = remove.state !== "idle";

  return (
    <li className={removing ? "cart-line cart-line--leaving" : "cart-line"}>
      {line.thumbnail ? <img className="cart-line__photo" src={line.thumbnail} alt="" width={64} height={64} loading="lazy" /> : null}
      <div className="cart-line__about">
        <h3 className="cart-line__title">
          {line.productHandle ? <Link to={`/produce/${encodeURIComponent(line.productHandle)}`}>{line.title}</Link> : line.title}
        </h3>
        {line.variantTitle ? <p className="cart-line__variant">{line.variantTitle}</p> : null}
        <p className="cart-line__price">{unit ? t("unitPrice", { price, unit }) : price}</p>
        {line.available === null ? null : (
          <p className={line.available > 0 ? "cart-line__stock" : "cart-line__stock cart-line__stock--out"}>
            {line.available > 0 ? t("cart.stock", { count: line.available }) : t("produce.soldOut")}
          </p>
        )}
      </div>
      <update.Form method="post" action="/cart" className="cart-line__quantity" noValidate>
        <FetcherMarker />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="line_id" value={line.id} />
        {line.available === null ? null : <input type="hidden" name="available" value={line.available} />}
        <label htmlFor={quantityId}>{t("cart.quantity", { title: line.title })}</label>
        <input
          // Remounted when the saved quantity changes; a refused number stays as typed.
          key={`${line.id}-${line.quantity}`}
          id={quantityId}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          max={line.available ?? undefined}
          step={1}
          defaultValue={typed ?? String(line.quantity)}
          aria-invalid={shown && "quantity" in shown ? true : undefined}
          aria-describedby={shown ? errorId : undefined}
        />
        <button type="submit" className="button button--secondary" disabled={update.state !== "idle"}>
          {t("cart.update")}
        </button>
      </update.Form>
      <remove.Form method="post" action="/cart" className="cart-line__remove">
        <FetcherMarker />
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="line_id" value={line.id} />
        <button type="submit" className="button button--link" disabled={removing} aria-label={t("cart.removeNamed", { title: line.title })}>
          {t("cart.remove")}
        </button>
      </remove.Form>
      <p className="cart-line__total">{formatFen(line.totalFen, locale)}</p>
      {shown ? (
        <p id={errorId} className="form-field__error cart-line__error" role="alert">
          {shown.error}
        </p>
      ) : null}
    </li>
  );
}
