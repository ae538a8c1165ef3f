import { useRouteLoaderData } from "@remix-run/react";

import type { loader as rootLoader } from "../root";
import { defaultLocale, type Locale } from "./locale";

/** The locale the root loader chose for this request. */
export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? defaultLocale;
}
