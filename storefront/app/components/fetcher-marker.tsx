import { FETCHER_FIELD, useHydrated } from "../lib/hydrated";

/** Inside a fetcher's form: tells the action to answer data (JavaScript runs) rather than redirect. */
export function FetcherMarker() {
  return useHydrated() ? <input type="hidden" name={FETCHER_FIELD} value="1" /> : null;
}
