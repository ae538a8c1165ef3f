import { useRouteLoaderData } from "@remix-run/react";

import { defaultLocale, isLocale, type Locale } from "./locale.ts";

/** The locale the root loader chose for this request (both apps' root loaders return `locale`). */
export function useLocale(): Locale {
  const root = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}
