import type { Translation } from "./zh-CN";

// `satisfies` makes TypeScript reject a missing or an extra key compared with zh-CN.
export const en = {
  app: {
    name: "Tianyuan",
    tagline: "Fresh produce straight from village cooperatives",
  },
  languageSwitch: {
    label: "Change language",
    target: "中文",
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
  backendUnavailable: {
    title: "The store is unavailable right now",
    body: "We can't reach the store's backend at the moment. Please reload the page in a little while.",
    retry: "Reload",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "The address may be mistyped, or the page is no longer here.",
    serverTitle: "Something went wrong",
    serverBody: "The page could not be opened. Please try again later.",
    backHome: "Back to the home page",
  },
} satisfies Translation;
