import { defineSearchIndex } from "@medusajs/framework/utils"
import produce from "@tianyuan/marketplace/search/produce"

/**
 * Bench only (SEARCH_COMPARE_BUILTIN=true, see tests/bench/search.ts): the produce index once more under
 * the name `produce_builtin`, served by Medusa's own search-postgres provider, so the same documents and
 * queries go through the same POST /store/search side by side. Same fields minus `location` (search-postgres
 * refuses geo fields); no events and an empty seed — the bench writes its documents itself.
 */
if (process.env.SEARCH_COMPARE_BUILTIN === "true") {
  const { location: _geo, ...fields } = (produce as unknown as { fields: Record<string, unknown> }).fields
  defineSearchIndex({
    name: "produce_builtin",
    entity: "product",
    provider: "search-postgres",
    // Already normalised by produce's own defineSearchIndex: handed over as they are.
    fields: { toFields: () => fields } as never,
    seed: async function* () {},
  })
}
