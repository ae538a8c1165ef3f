import { Link } from "@remix-run/react";
import { formatMoney } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import type { ProduceSummary } from "../lib/produce";
import { CARD_PHOTO_SIZES } from "../lib/produce-page";

const THUMBNAIL_SIZE = 400;

export function ProduceCard({ produce, isFirst }: { produce: ProduceSummary; isFirst: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { price, photo, unit } = produce;
  const amount = price ? formatMoney(price.amount, price.currencyCode, locale) : undefined;
  // "¥6.50/斤" when the unit is known (the cooperative page); the home page's Medusa list does not say.
  const formattedPrice = amount && unit ? t("unitPrice", { price: amount, unit: t(`units.${unit}`) }) : amount;

  return (
    <Link to={`/produce/${encodeURIComponent(produce.handle)}`} className="produce-card">
      {produce.thumbnail ? (
        <img
          className="produce-card__photo"
          src={produce.thumbnail}
          srcSet={photo?.srcSet || undefined}
          sizes={photo?.srcSet ? CARD_PHOTO_SIZES : undefined}
          // The title next to it already names the link.
          alt=""
          width={THUMBNAIL_SIZE}
          height={THUMBNAIL_SIZE}
          // The first photo is usually in view on arrival; the rest can wait for scrolling.
          loading={isFirst ? "eager" : "lazy"}
          decoding="async"
          style={photo ? { background: photo.background } : undefined}
        />
      ) : (
        <span className="produce-card__photo produce-card__photo--missing" aria-hidden="true">
          {t("home.noPhoto")}
        </span>
      )}
      <span className="produce-card__title">{produce.title}</span>
      {formattedPrice === undefined ? (
        <span className="produce-card__price produce-card__price--unknown">{t("home.priceUnknown")}</span>
      ) : (
        <span className="produce-card__price">
          {price?.varies ? t("home.priceFrom", { price: formattedPrice }) : formattedPrice}
        </span>
      )}
    </Link>
  );
}
