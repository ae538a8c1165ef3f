import type { LoaderFunctionArgs, MetaDescriptor, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatCny } from "@tianyuan/web-common/money.ts";
import { ProducePicture } from "@tianyuan/web-common/produce-picture.tsx";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { AddToCartForm } from "../components/add-to-cart-form";
import { originHref, PRODUCE_PHOTO_SIZES, THUMBNAIL_PHOTO_SIZES, type ProducePage } from "../lib/produce-page";
import { findProduce, toProducePage } from "../lib/produce-page.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// Built for a phone on a slow connection: everything arrives in the document (no data is fetched
// afterwards), photos have their size before they load, and the first photo is preloaded from the head.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const produce = await loadStorePage("produce", () => findProduce(params.handle ?? "", locale));
  return { produce: toProducePage(produce, locale, new Date()) };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  const { produce } = data;
  const tags: MetaDescriptor[] = [{ title: `${produce.title} · ${translation.app.name}` }];
  const description = produce.paragraphs[0] ?? produce.story[0];
  if (description) tags.push({ name: "description", content: description });
  // The largest thing on a phone's first screen: asked for with the document, at high priority.
  // `links` cannot see loader data, so the preload is a <link> descriptor here.
  const cover = produce.photos[0];
  if (cover) {
    tags.push(
      cover.webpSrcSet
        ? {
            tagName: "link",
            rel: "preload",
            as: "image",
            type: "image/webp",
            imageSrcSet: cover.webpSrcSet,
            imageSizes: PRODUCE_PHOTO_SIZES,
            fetchpriority: "high",
          }
        : { tagName: "link", rel: "preload", as: "image", href: cover.src, fetchpriority: "high" },
    );
  }
  return tags;
};

export default function ProducePageView() {
  const { produce } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <article className="produce">
      <ProducePhotos produce={produce} />
      <div className="produce__body">
        <AreaBreadcrumb trail={produce.origin.trail} hrefFor={(code) => originHref(produce.origin, code)} />
        <h1>{produce.title}</h1>
        {produce.certifications.length > 0 ? (
          <ul className="badges" aria-label={t("produce.certificationsLabel")}>
            {produce.certifications.map((name) => (
              <li key={name} className="badge">
                {name}
              </li>
            ))}
          </ul>
        ) : null}
        {produce.paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        <Prices produce={produce} />
        <Details produce={produce} />
        <section aria-labelledby="produce-cooperative" className="produce__section">
          <h2 id="produce-cooperative">{t("produce.cooperativeTitle")}</h2>
          <p>
            {produce.cooperative.handle ? (
              <Link to={`/cooperatives/${encodeURIComponent(produce.cooperative.handle)}`}>
                {produce.cooperative.name}
              </Link>
            ) : (
              produce.cooperative.name
            )}
          </p>
          {produce.farmerName ? <p>{t("produce.farmer", { name: produce.farmerName })}</p> : null}
        </section>
        {produce.story.length > 0 ? (
          <section aria-labelledby="produce-story" className="produce__section">
            <h2 id="produce-story">{t("produce.storyTitle")}</h2>
            {produce.story.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </section>
        ) : null}
        <Certificates produce={produce} />
      </div>
    </article>
  );
}

/**
 * The cover photo full width, the others as small thumbnails that open the photo itself: a phone
 * downloads one large photo, not eight (lazy loading alone would still fetch those near the screen).
 */
function ProducePhotos({ produce }: { produce: ProducePage }) {
  const { t } = useTranslation();
  const [cover, ...others] = produce.photos;
  if (!cover) return <div className="produce__photo produce__photo--missing">{t("produce.noPhoto")}</div>;
  const alt = (index: number) => t("produce.photoAlt", { title: produce.title, number: index + 1 });
  return (
    <div className="produce__media">
      <ProducePicture className="produce__photo" image={cover} alt={alt(0)} sizes={PRODUCE_PHOTO_SIZES} priority />
      {others.length > 0 ? (
        <ul className="produce__thumbnails">
          {others.map((photo, index) => (
            <li key={photo.src}>
              <a href={photo.largestUrl}>
                <ProducePicture image={photo} alt={alt(index + 1)} sizes={THUMBNAIL_PHOTO_SIZES} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Prices({ produce }: { produce: ProducePage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = t(`units.${produce.unit}`);
  return (
    <section aria-labelledby="produce-prices" className="produce__section">
      <h2 id="produce-prices">{t("produce.pricesTitle")}</h2>
      <ul className="produce__variants">
        {produce.variants.map((variant) => (
          <li key={variant.id} className="produce__variant">
            {produce.showVariantTitles ? <span className="produce__variant-title">{variant.title}</span> : null}
            <span className="produce__price">
              {variant.price === null
                ? t("produce.noPrice")
                : t("unitPrice", { price: formatCny(variant.price, locale), unit })}
            </span>
            <span className={variant.stock > 0 ? "produce__stock" : "produce__stock produce__stock--out"}>
              {variant.stock > 0 ? t("produce.inStock", { count: variant.stock }) : t("produce.soldOut")}
            </span>
          </li>
        ))}
      </ul>
      <AddToCartForm title={produce.title} variants={produce.variants} showVariantTitles={produce.showVariantTitles} />
      {produce.netWeight ? (
        <p>
          {t("produce.netWeight", {
            unit,
            weight: t(`weights.${produce.netWeight.key}`, { value: produce.netWeight.value }),
          })}
        </p>
      ) : null}
      {produce.unit === "jin" ? <p className="produce__muted">{t("produce.jinNote")}</p> : null}
    </section>
  );
}

function Details({ produce }: { produce: ProducePage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (value: string) => formatDate(value, locale);
  const facts: [string, string][] = [];
  if (produce.variety) facts.push([t("produce.variety"), produce.variety]);
  if (produce.grade) facts.push([t("produce.grade"), produce.grade]);
  if (produce.harvestDate) facts.push([t("produce.harvestDate"), date(produce.harvestDate)]);
  if (produce.preorder) {
    const { state, opensAt, closesAt } = produce.preorder;
    const text =
      state === "upcoming"
        ? t("produce.preorderUpcoming", { opens: date(opensAt), closes: date(closesAt) })
        : state === "open"
          ? t("produce.preorderOpen", { closes: date(closesAt) })
          : t("produce.preorderClosed");
    facts.push([t("produce.preorder"), text]);
  }
  if (produce.shipsFrom) facts.push([t("produce.shipsFrom"), t("produce.shipsFromDate", { date: date(produce.shipsFrom) })]);
  facts.push([t("produce.storage"), t(`storage.${produce.storage}`)]);

  return (
    <section aria-labelledby="produce-details" className="produce__section">
      <h2 id="produce-details">{t("produce.detailsTitle")}</h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Certificates({ produce }: { produce: ProducePage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (produce.certificates.length === 0) return null;
  return (
    <section aria-labelledby="produce-certificates" className="produce__section">
      <h2 id="produce-certificates">{t("produce.certificatesTitle")}</h2>
      <ul className="link-list">
        {produce.certificates.map((certificate) => (
          <li key={certificate.id}>
            <Link to={`/certificates/${encodeURIComponent(certificate.id)}`}>
              {t("produce.certificateIssuedOn", { date: formatDate(certificate.issuedOn, locale) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
