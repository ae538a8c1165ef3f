import type { Locale } from "@tianyuan/web-common/locale.ts";

import { en } from "./en";
import { zhCN, type Translation } from "./zh-CN";

// Server-only so the browser receives just the current locale's bundle, through the root loader.
export const translations: Record<Locale, Translation> = {
  "zh-CN": zhCN,
  en,
};
