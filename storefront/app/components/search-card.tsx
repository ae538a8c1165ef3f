import { Link } from "@remix-run/react";
import { formatCny } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { EAGER_CARDS, SEARCH_CARD_SIZES, type SearchCard } from "../lib/search-page";

// React 18 does not know `fetchPriority` yet and warns about it; lower-case passes through as is.
const HIGH_PRIORITY = { fetchpriority: "high" } as Record<string, string>;

/**
 * One search result: the photo's colour first, then the 320/640 webp the browser picks; title, price
 * per unit, where it grew and who sells it. The whole card is one link to the produce page.
 */
export function SearchCardView({ card, index }: { card: SearchCard; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const eager = index < EAGER_CARDS;
  const origin =
    card.origin.village && card.origin.county
      ? t("search.originBoth", { county: card.origin.county, village: card.origin.village })
      : (card.origin.village ?? card.origin.county);

  return (
    <Link to={`/produce/${encodeURIComponent(card.handle)}`} className="produce-card search-card">
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
    </Link>
  );
}
