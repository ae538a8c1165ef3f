import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { findPublicVillage } from "../lib/store-areas.server";
import { loadStorePage } from "../lib/store-page.server";
import { describeCoordinates, type VillageLocation } from "../lib/village-page";
import { toVillagePage } from "../lib/village-page.server";
import type { loader as rootLoader } from "../root";

// Photos have no stored size; these fix the box (4:3, as the photo pipeline crops) so nothing jumps.
const PHOTO_WIDTH = 800;
const PHOTO_HEIGHT = 600;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  const village = await loadStorePage("village", () => findPublicVillage(handle, localeFromRequest(request)));
  return { village: toVillagePage(village) };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  const description = data.village.paragraphs[0];
  return [
    { title: `${data.village.name} · ${translation.app.name}` },
    ...(description ? [{ name: "description", content: description }] : []),
  ];
};

export default function VillagePage() {
  const { village } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <article className="village">
      <AreaBreadcrumb
        trail={village.trail}
        top={{ label: t("areas.allProvinces"), to: "/areas" }}
        hrefFor={(code) => `/areas/${code}`}
      />
      <h1>{village.name}</h1>

      <section aria-labelledby="village-introduction" className="village__section">
        <h2 id="village-introduction">{t("village.introductionTitle")}</h2>
        {village.paragraphs.length === 0 ? (
          <p className="village__muted">{t("village.noIntroduction")}</p>
        ) : (
          village.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
        )}
      </section>

      {village.photos.length > 0 ? (
        <section aria-labelledby="village-photos" className="village__section">
          <h2 id="village-photos">{t("village.photosTitle")}</h2>
          <ul className="village__photos">
            {village.photos.map((photo, index) => (
              <li key={photo.url}>
                <img
                  src={photo.url}
                  alt={photo.alt ?? t("village.photoAlt", { village: village.name })}
                  width={PHOTO_WIDTH}
                  height={PHOTO_HEIGHT}
                  // The first photo is in view soon after arrival; the rest can wait for scrolling.
                  loading={index === 0 ? "eager" : "lazy"}
                  decoding="async"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {village.location ? <VillageLocationSection location={village.location} /> : null}
    </article>
  );
}

function VillageLocationSection({ location }: { location: VillageLocation }) {
  const { t } = useTranslation();
  const { latitude, longitude } = describeCoordinates(location);
  return (
    <section aria-labelledby="village-location" className="village__section">
      <h2 id="village-location">{t("village.locationTitle")}</h2>
      <p>
        {t("village.coordinates", {
          latitude: t(`village.${latitude.key}`, { value: latitude.value }),
          longitude: t(`village.${longitude.key}`, { value: longitude.value }),
        })}
      </p>
      <p>
        <a href={location.mapUrl} rel="noopener" className="button">
          {t("village.openMap")}
        </a>
      </p>
    </section>
  );
}
