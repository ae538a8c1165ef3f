import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";

import { findArea } from "../lib/store-areas.server";
import { withBackend } from "../lib/store-page.server";

/**
 * `/checkout/areas/:code` → `{ children: [{ code, name }] }`: the cities of a province or the
 * districts of a city, for the checkout's cascading selects when JavaScript runs (a fetcher loads it
 * through Remix's single-fetch `.data` URL, hence data rather than a Response). Unknown or malformed
 * codes have no children. Area data rarely changes, so browsers may keep an answer for an hour.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!/^\d{2}(\d{2})?$/.test(code)) return { children: [] };
  const found = await withBackend("checkout areas", () => findArea(code, localeFromRequest(request)));
  return data(
    { children: (found?.children ?? []).map(({ code: childCode, name }) => ({ code: childCode, name })) },
    { headers: { "Cache-Control": "private, max-age=3600" } },
  );
}
