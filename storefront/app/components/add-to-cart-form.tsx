import { Link, useFetcher, useLocation } from "@remix-run/react";
import { formatCny } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import type { AddToCartResult } from "../routes/cart.add";
import { FetcherMarker } from "./fetcher-marker";

/** One size or grade the buyer may add: its yuan price (null: not for sale) and what is left. */
export type AddableVariant = { id: string; title: string; price: number | null; stock: number };

/**
 * "Add to cart" for a produce page or a produce card. A plain POST to `/cart/add` that works without
 * JavaScript (back to this page with a notice, or a page explaining what went wrong with the typed
 * quantity kept); with JavaScript a fetcher adds it in place and the header's count follows.
 *
 * - `variants`: several sizes become a choice; sold-out ones and those without a price cannot be chosen.
 * - `compact`: for cards in a list (search results): one piece, a small button, a dropdown when there
 *   are several sizes.
 * - `exactStock`: false when `stock` only says whether any is left (search cards: 1 or 0), so a refusal
 *   does not claim "only 1 left".
 */
export function AddToCartForm({
  title,
  variants,
  showVariantTitles = variants.length > 1,
  compact = false,
  exactStock = true,
}: {
  /** The produce's name, for the notice ("已把 洛川红富士苹果 ×2 加入购物车"). */
  title: string;
  variants: readonly AddableVariant[];
  showVariantTitles?: boolean;
  compact?: boolean;
  exactStock?: boolean;
}) {
  const fetcher = useFetcher<AddToCartResult>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { pathname, search } = useLocation();
  const formId = useId();
  const buyable = variants.filter((variant) => variant.stock > 0 && variant.price !== null);
  const [variantId, setVariantId] = useState(buyable[0]?.id ?? "");
  const chosen = variants.find((variant) => variant.id === variantId);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const adding = fetcher.state !== "idle";

  if (buyable.length === 0) {
    return <p className="add-to-cart__unavailable">{t("addToCart.unavailable")}</p>;
  }

  const label = (variant: AddableVariant) => {
    const price = variant.price === null ? t("produce.noPrice") : formatCny(variant.price, locale);
    const state = variant.stock > 0 ? price : t("produce.soldOut");
    return showVariantTitles ? `${variant.title} · ${state}` : state;
  };

  return (
    <fetcher.Form method="post" action="/cart/add" className={compact ? "add-to-cart add-to-cart--compact" : "add-to-cart"}>
      <FetcherMarker />
      <input type="hidden" name="title" value={title} />
      <input type="hidden" name="redirect_to" value={`${pathname}${search}`} />
      {exactStock
        ? variants.map((variant) => (
            // What the page says is left of each size, so a refusal can say "only 3 left" without asking again.
            <input key={variant.id} type="hidden" name={`available.${variant.id}`} value={variant.stock} />
          ))
        : null}

      {buyable.length === 1 && !showVariantTitles ? (
        <input type="hidden" name="variant_id" value={buyable[0]!.id} />
      ) : compact ? (
        <label className="add-to-cart__select">
          <span className="visually-hidden">{t("addToCart.variant")}</span>
          <select name="variant_id" value={variantId} onChange={(event) => setVariantId(event.target.value)}>
            {variants.map((variant) => (
              <option key={variant.id} value={variant.id} disabled={variant.stock <= 0 || variant.price === null}>
                {label(variant)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <fieldset className="add-to-cart__variants">
          <legend>{t("addToCart.variant")}</legend>
          {variants.map((variant) => (
            <label key={variant.id} className="add-to-cart__variant">
              <input
                type="radio"
                name="variant_id"
                value={variant.id}
                checked={variant.id === variantId}
                onChange={() => setVariantId(variant.id)}
                disabled={variant.stock <= 0 || variant.price === null}
              />
              <span>{label(variant)}</span>
            </label>
          ))}
        </fieldset>
      )}

      {compact ? (
        <input type="hidden" name="quantity" value="1" />
      ) : (
        <div className="add-to-cart__quantity">
          <label htmlFor={`${formId}-quantity`}>{t("addToCart.quantity")}</label>
          <input
            id={`${formId}-quantity`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={chosen?.stock ?? undefined}
            step={1}
            defaultValue={1}
            required
            aria-describedby={`${formId}-status`}
          />
        </div>
      )}

      <button
        type="submit"
        className={compact ? "button button--small" : "button"}
        disabled={adding}
        aria-label={compact ? t("addToCart.addNamed", { title }) : undefined}
      >
        {adding ? t("addToCart.adding") : t("addToCart.add")}
      </button>

      <p id={`${formId}-status`} className="add-to-cart__status" role="status">
        {result?.ok === true ? (
          <>
            {t("addToCart.added", { count: result.count })} <Link to="/cart">{t("addToCart.viewCart")}</Link>
          </>
        ) : result?.ok === false ? (
          <span className="add-to-cart__error">{result.error}</span>
        ) : null}
      </p>
    </fetcher.Form>
  );
}
