import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import { reportSearchSeedProgress } from "../lib/search-progress"
import { PRODUCE_SEARCH_EVENTS, PRODUCE_SEARCH_FIELDS, produceDocuments, produceIdsForEvent, type ProduceSearchRow } from "../lib/produce-search"

/**
 * The `produce` search index (the shared contract in docs/search-notes.md): one document per product
 * that is produce on sale, served through `POST /store/search` (see api/middlewares.ts). The provider
 * is the Search module's default: postgres-cjk, or meilisearch when MEILISEARCH_HOST is set.
 */

/** Area names get pinyin in postgres-cjk too, so "luochuan" finds 瑞阳苹果 from 洛川县. */
const areaName = () => search.text().searchable().providerOptions({ "postgres-cjk": { pinyin: true } })
const areaCode = () => search.keyword().filterable().facetable()

const produceFields = search.define({
  id: search.keyword().filterable(),
  handle: search.keyword(),
  title: search.text().searchable({ weight: 3 }),
  title_en: search.text().searchable({ weight: 2 }),
  description: search.text().searchable(),
  description_en: search.text().searchable(),
  title_pinyin: search.keyword().searchable(),
  title_initials: search.keyword().searchable(),
  variety: search.keyword().searchable().filterable().facetable(),
  category: search.keyword().filterable().facetable(),
  category_name: search.text().searchable(),
  category_name_en: search.text().searchable(),
  province_code: areaCode(),
  city_code: areaCode(),
  county_code: areaCode(),
  town_code: areaCode(),
  village_code: areaCode(),
  province_name: areaName(),
  city_name: areaName(),
  county_name: areaName(),
  town_name: areaName(),
  village_name: areaName(),
  village_handle: search.keyword(),
  cooperative_id: search.keyword().filterable().facetable(),
  cooperative_handle: search.keyword(),
  cooperative_name: search.text().searchable(),
  unit: search.keyword(),
  price_min: search.integer().filterable().sortable().facetable({ types: ["range", "stats"] }),
  in_stock: search.boolean().filterable().facetable(),
  // What a result card adds to the cart (yuan, as Medusa stores prices): returned, never searched or filtered.
  buy_variants: search
    .object({
      id: search.keyword(),
      title: search.keyword(),
      price: search.float(),
      in_stock: search.boolean(),
    })
    .array(),
  preorder_opens_at: search.date().filterable(),
  preorder_closes_at: search.date().filterable(),
  certified: search.boolean().filterable().facetable(),
  certifications: search.keyword().array().filterable().facetable(),
  harvested_at: search.date().filterable().sortable(),
  created_at: search.date().filterable().sortable(),
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().array().filterable(),
  thumbnail: search.object({
    url_320: search.keyword(),
    url_640: search.keyword(),
    thumbhash: search.keyword(),
    width: search.integer(),
    height: search.integer(),
  }),
  location: search.geo(),
})

type Context = { container: { query: Parameters<typeof produceDocuments>[1] } }

const transform = async (rows: Record<string, unknown>[], context: Context) =>
  (await produceDocuments(rows as ProduceSearchRow[], context.container.query)) as never[]

export default defineSearchIndex({
  name: "produce",
  entity: "product",
  fields: produceFields,
  events: PRODUCE_SEARCH_EVENTS,
  consume: graphConsume({
    fields: PRODUCE_SEARCH_FIELDS,
    resolve_ids: (event, context) => produceIdsForEvent(event, context.container.query),
    // Only a deleted product is a delete; a deleted variant or stock level changes its product.
    is_delete: (event) => event.name === "product.deleted",
    transform,
  }),
  // Pages products by id (resumable); each page is reported for `npm run search:reindex`'s progress bar.
  seed: (context) =>
    graphSeed({
      fields: PRODUCE_SEARCH_FIELDS,
      batch_size: 500,
      transform: async (rows, transformContext) => {
        const documents = await transform(rows, transformContext)
        reportSearchSeedProgress({ index: "produce", read: rows.length, indexed: documents.length, catchup: Boolean(context.catchup) })
        return documents
      },
    })(context),
})
