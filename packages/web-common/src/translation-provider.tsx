import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";

import { createI18n } from "./i18n.ts";
import type { Locale } from "./locale.ts";

export function TranslationProvider({
  locale,
  translation,
  children,
}: {
  locale: Locale;
  translation: Record<string, unknown>;
  children: ReactNode;
}) {
  // Rebuilt only when the language changes, not on every revalidation of the root loader.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const i18n = useMemo(() => createI18n(locale, translation), [locale]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
