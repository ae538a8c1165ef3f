import { sharedEn } from "@tianyuan/web-common/shared-translations.ts";

import type { Translation } from "./zh-CN";

// `satisfies` makes TypeScript reject a missing or an extra key compared with zh-CN.
export const en = {
  ...sharedEn,
  app: {
    name: "Tianyuan",
    tagline: "Fresh produce straight from village cooperatives",
  },
  nav: {
    label: "Main sections",
    areas: "Browse by region",
  },
  footer: {
    about: "Tianyuan is an open-source marketplace for village cooperatives.",
  },
  home: {
    title: "Fresh produce",
    intro: "Everything here comes from village cooperatives and their farmers.",
    empty: "The store has no produce yet. It will appear here once cooperatives list their harvest.",
    priceFrom: "from {{price}}",
    priceUnknown: "Price not set",
    noPhoto: "No photo yet",
  },
  areaPages: {
    title: "Browse by region",
    intro: "Go from a province down to its villages and see which of them are on Tianyuan.",
    empty: "There are no areas yet.",
    noChildren: "There is nothing below this area.",
  },
  village: {
    introductionTitle: "About the village",
    noIntroduction: "This village has not written an introduction yet.",
    photosTitle: "Photos",
    photoAlt: "A photo of {{village}}",
    locationTitle: "Location",
    coordinates: "{{latitude}}, {{longitude}}",
    north: "{{value}}° N",
    south: "{{value}}° S",
    east: "{{value}}° E",
    west: "{{value}}° W",
    openMap: "See it on OpenStreetMap",
  },
  backendUnavailable: {
    title: "The store is unavailable right now",
    body: "We can't reach the store's backend at the moment. Please reload the page in a little while.",
    retry: "Reload",
  },
} satisfies Translation;
