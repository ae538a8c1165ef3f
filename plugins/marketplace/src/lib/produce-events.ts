/**
 * Events the marketplace emits when produce or a cooperative changes in ways Medusa's own product,
 * variant and inventory events do not cover (produce details, archiving, a cooperative's name or
 * status). Each carries `{ id }`: the product id for produce, the cooperative id for cooperatives.
 * The produce search index listens to them (src/search/produce.ts).
 */
export const ProduceEvents = {
  CREATED: "produce.created",
  UPDATED: "produce.updated",
  ARCHIVED: "produce.archived",
} as const

export const CooperativeEvents = {
  UPDATED: "cooperative.updated",
} as const
