import type { Translation } from "./zh-CN";

// `satisfies` makes TypeScript reject a missing or an extra key compared with zh-CN.
export const en = {
  app: {
    name: "Tianyuan portal",
    tagline: "Where farmers, cooperatives and villages get things done",
  },
  languageSwitch: {
    label: "Change language",
    target: "中文",
  },
  footer: {
    about: "Tianyuan is an open-source marketplace for village cooperatives and an open village-affairs service.",
  },
  home: {
    title: "Welcome to the Tianyuan portal",
    intro:
      "A workplace for the village: selling produce, running the cooperative, opening up village affairs and raising problems, all in one place.",
    audienceTitle: "Who this portal is for",
    farmer: {
      title: "Farmers",
      body: "List your produce with photos from your phone, change price and stock at any time, and see what you have sold.",
    },
    coopManager: {
      title: "Cooperative managers",
      body: "Manage member farmers, orders and packing lists, arrange pickup points and shipping, handle refunds and check payouts.",
    },
    official: {
      title: "Village and township officials",
      body: "See produce sales income for the whole village (or your whole area), post notices and warnings, publish village finances and answer the secretary's inbox.",
    },
    villager: {
      title: "Villagers",
      body: "Read village notices, write to the village secretary, report damage and answer safety check-ins.",
    },
    backendUp: "The backend service is running.",
    backendDown: "The backend service can't be reached right now. Please try again later.",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "The address may be mistyped, or the page is no longer here.",
    serverTitle: "Something went wrong",
    serverBody: "The page could not be opened. Please try again later.",
    backHome: "Back to the home page",
  },
} satisfies Translation;
