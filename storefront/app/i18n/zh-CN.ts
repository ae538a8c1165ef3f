/** Simplified Chinese, the default language. Every other language must have exactly these keys. */
export const zhCN = {
  app: {
    name: "田园",
    tagline: "从村里的合作社直接买新鲜农产品",
  },
  languageSwitch: {
    label: "切换语言",
    // Named in the language it switches to, so a reader of that language can find it.
    target: "English",
  },
  footer: {
    about: "田园是一个开源的乡村合作社市场。",
  },
  home: {
    title: "新鲜农产品",
    intro: "每一件都来自村里的合作社和农户。",
    empty: "店里还没有农产品。合作社上架后会出现在这里。",
    priceFrom: "{{price}} 起",
    priceUnknown: "暂无价格",
    noPhoto: "暂无照片",
  },
  backendUnavailable: {
    title: "商店暂时打不开",
    body: "我们暂时连不上商店的后台，请过一会儿再刷新页面。",
    retry: "重新加载",
  },
  errors: {
    notFoundTitle: "找不到这个页面",
    notFoundBody: "这个地址可能写错了，或者页面已经不在了。",
    serverTitle: "出了点问题",
    serverBody: "页面没能打开，请稍后再试。",
    backHome: "回到首页",
  },
};

export type Translation = typeof zhCN;
