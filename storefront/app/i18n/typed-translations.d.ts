import type { Translation } from "./zh-CN";

// `t("…")` only accepts keys of the storefront's bundle.
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Translation };
  }
}
