/**
 * The texts both apps show the same way: the language switch, error pages, admin areas and produce
 * units, weights and storage.
 * Each app spreads these into its own bundle, next to its app-specific texts.
 */
export const sharedZhCN = {
  languageSwitch: {
    label: "切换语言",
    // Named in the language it switches to, so a reader of that language can find it.
    target: "English",
  },
  errors: {
    notFoundTitle: "找不到这个页面",
    notFoundBody: "这个地址可能写错了，或者页面已经不在了。",
    serverTitle: "出了点问题",
    serverBody: "页面没能打开，请稍后再试。",
    unavailableTitle: "暂时连不上后台服务",
    unavailableBody: "后台服务暂时没有响应，请过一会儿再刷新页面。",
    backHome: "回到首页",
  },
  areas: {
    breadcrumbLabel: "所在地区",
    allProvinces: "全部省份",
    levels: {
      province: "省份",
      city: "市",
      county: "区县",
      town: "乡镇",
      village: "村",
    },
    activeVillages: "{{villages}} 个村已入驻",
    notOnTianyuan: "尚未入驻",
  },
  units: {
    jin: "斤",
    kg: "公斤",
    box: "箱",
    piece: "件",
  },
  unitPrice: "{{price}}/{{unit}}",
  weights: {
    grams: "{{value}} 克",
    kilograms: "{{value}} 公斤",
  },
  storage: {
    ambient: "常温",
    chilled: "冷藏",
  },
};

export type SharedTranslation = typeof sharedZhCN;

export const sharedEn = {
  languageSwitch: {
    label: "Change language",
    target: "中文",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "The address may be mistyped, or the page is no longer here.",
    serverTitle: "Something went wrong",
    serverBody: "The page could not be opened. Please try again later.",
    unavailableTitle: "The service is unavailable right now",
    unavailableBody: "The backend is not answering at the moment. Please reload the page in a little while.",
    backHome: "Back to the home page",
  },
  areas: {
    breadcrumbLabel: "Where",
    allProvinces: "All provinces",
    levels: {
      province: "Provinces",
      city: "Cities",
      county: "Counties and districts",
      town: "Towns and townships",
      village: "Villages",
    },
    activeVillages: "Villages on Tianyuan: {{villages}}",
    notOnTianyuan: "Not on Tianyuan yet",
  },
  units: {
    jin: "jin",
    kg: "kg",
    box: "box",
    piece: "piece",
  },
  unitPrice: "{{price}} per {{unit}}",
  weights: {
    grams: "{{value}} g",
    kilograms: "{{value}} kg",
  },
  storage: {
    ambient: "Room temperature",
    chilled: "Chilled",
  },
} satisfies SharedTranslation;

/** What the shared page pieces read from an app's bundle: the shared texts plus the app's name and footer. */
export type ShellTranslation = SharedTranslation & {
  app: { name: string };
  footer: { about: string };
};
