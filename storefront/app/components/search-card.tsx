import { Link } from "@remix-run/react";
import { formatCny } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { EAGER_CARDS, SEARCH_CARD_SIZES, type SearchCard } from "../lib/search-page";
import { AddToCartForm, type AddableVariant } from "./add-to-cart-form";

// React 18 does not know `fetchPriority` yet and warns about it; lower-case passes through as is.
const HIGH_PRIORITY = { fetchpriority: "high" } as Record<string, string>;

/** The card's sizes as the form takes them: the index only says whether any is left (1) or not (0). */
function addableVariants(card: SearchCard): AddableVariant[] {
  return card.variants.map((variant) => ({
    id: variant.id,
    title: variant.title,
    price: variant.price,
    stock: variant.inStock ? 1 : 0,
  }));
}

/**
 * One search result: the photo's colour first, then the 320/640 webp the browser picks; title, price
 * per unit, where it grew and who sells it. The photo and title link to the produce page; below them,
 * "加入购物车" adds one piece (a choice of size first when several can be bought; nothing when none
 * can). The form sits beside the link, never inside it.
 */
export function SearchCardView({ card, index }: { card: SearchCard; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const eager = index < EAGER_CARDS;
  const origin =
    card.origin.village && card.origin.county
      ? t("search.originBoth", { county: card.origin.county, village: card.origin.village })
      : (card.origin.village ?? card.origin.county);
  const variants = addableVariants(card);
  const buyable = variants.filter((variant) => variant.stock > 0 && variant.price !== null).length;

  return (
    <article className="produce-card search-card">
      <Link to={`/produce/${encodeURIComponent(card.handle)}`} className="search-card__link">
        {card.photo ? (
          <img
            className="produce-card__photo"
            src={card.photo.src}
            srcSet={card.photo.srcSet || undefined}
            sizes={card.photo.srcSet ? SEARCH_CARD_SIZES : undefined}
            // The title next to it already names the link.
            alt=""
            width={card.photo.width}
            height={card.photo.height}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            style={{ background: card.photo.background }}
            {...(index === 0 ? HIGH_PRIORITY : {})}
          />
        ) : (
          <span className="produce-card__photo produce-card__photo--missing" aria-hidden="true">
            {t("home.noPhoto")}
          </span>
        )}
        <span className="produce-card__title">{card.title}</span>
      </Link>
      {card.price === null ? (
        <span className="produce-card__price produce-card__price--unknown">{t("home.priceUnknown")}</span>
      ) : (
        <span className="produce-card__price">
          {card.unit
            ? t("unitPrice", { price: formatCny(card.price, locale), unit: t(`units.${card.unit}`) })
            : formatCny(card.price, locale)}
        </span>
      )}
      {origin ? <span className="search-card__meta">{origin}</span> : null}
      {card.cooperative ? <span className="search-card__meta">{card.cooperative}</span> : null}
      {card.soldOut || card.preorderOpen || card.certified ? (
        <span className="search-card__badges">
          {card.soldOut ? <span className="search-card__badge search-card__badge--out">{t("search.soldOut")}</span> : null}
          {card.preorderOpen ? <span className="search-card__badge">{t("search.preorderBadge")}</span> : null}
          {card.certified ? <span className="search-card__badge">{t("search.certifiedBadge")}</span> : null}
        </span>
      ) : null}
      {buyable > 0 ? (
        <div className="search-card__buy">
          <AddToCartForm title={card.title} variants={variants} showVariantTitles={buyable > 1} compact exactStock={false} />
        </div>
      ) : null}
    </article>
  );
}
