import { createInstance, type i18n } from "i18next";

import type { Locale } from "./locale.ts";

/**
 * An i18next instance for one render, built synchronously from the bundle the root loader sent,
 * so the server and the browser render the same text and no translation is fetched later.
 */
export function createI18n(locale: Locale, translation: Record<string, unknown>): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    resources: { [locale]: { translation } },
    fallbackLng: false,
    initAsync: false,
    // React already escapes text.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
