import { sharedZhCN } from "@tianyuan/web-common/shared-translations.ts";

/** Simplified Chinese, the default language. Every other language must have exactly these keys. */
export const zhCN = {
  ...sharedZhCN,
  app: {
    name: "田园",
    tagline: "从村里的合作社直接买新鲜农产品",
  },
  nav: {
    label: "主要栏目",
    areas: "按地区浏览",
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
  areaPages: {
    title: "按地区浏览",
    intro: "从省份一路找到村子，看看哪些村已经在田园上。",
    empty: "还没有地区数据。",
    noChildren: "这里没有下一级地区。",
  },
  village: {
    introductionTitle: "村子介绍",
    noIntroduction: "这个村还没有写介绍。",
    photosTitle: "照片",
    photoAlt: "{{village}}的照片",
    locationTitle: "位置",
    coordinates: "{{latitude}}，{{longitude}}",
    north: "北纬 {{value}}°",
    south: "南纬 {{value}}°",
    east: "东经 {{value}}°",
    west: "西经 {{value}}°",
    openMap: "在 OpenStreetMap 上看地图",
  },
  backendUnavailable: {
    title: "商店暂时打不开",
    body: "我们暂时连不上商店的后台，请过一会儿再刷新页面。",
    retry: "重新加载",
  },
};

export type Translation = typeof zhCN;
