import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, sendPortalError } from "@tianyuan/village/lib/portal-errors"

/** Longest search a buyer may type, in characters (the postgres-cjk provider refuses longer ones too). */
export const MAX_SEARCH_QUERY_LENGTH = 200

type SearchBody = { q?: unknown; filters?: { q?: unknown } | null }

/**
 * Answers an over-long search with a clear 400 in the buyer's language before Medusa's route runs;
 * everything else (empty words, SQL or regex characters, unknown area codes) is an ordinary search.
 */
export function guardStoreSearch(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as (SearchBody & { queries?: unknown }) | undefined
  const queries = Array.isArray(body?.queries) ? (body.queries as SearchBody[]) : body ? [body] : []
  const tooLong = queries.some((query) => {
    const q = query && typeof query === "object" ? query.filters?.q : undefined
    return typeof q === "string" && [...q].length > MAX_SEARCH_QUERY_LENGTH
  })
  if (tooLong) {
    sendPortalError(req, res, new PortalError("search_query_too_long"))
    return
  }
  next()
}

/** Whatever a query asks, the produce index answers with published produce of the key's sales channels. */
export function produceStoreFilters(req: MedusaRequest) {
  const context = (req as MedusaRequest & { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context
  return { status: "published", sales_channel_ids: context?.sales_channel_ids ?? [] }
}
