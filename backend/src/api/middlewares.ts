import { configureStoreSearch, defineMiddlewares, type MedusaRequest } from "@medusajs/framework/http"

/**
 * Bench only (SEARCH_COMPARE_BUILTIN=true): POST /store/search also serves `produce_builtin` (see
 * src/search/produce-builtin.ts), narrowed exactly like `produce` is (published, the key's sales channels).
 */
const compareBuiltin = process.env.SEARCH_COMPARE_BUILTIN === "true"

export default defineMiddlewares({
  routes: compareBuiltin
    ? [
        {
          matcher: "/store/search",
          method: ["POST"],
          middlewares: [
            configureStoreSearch({
              allowed_indexes: {
                produce_builtin: {
                  filters: (req: MedusaRequest) => ({
                    status: "published",
                    sales_channel_ids:
                      (req as MedusaRequest & { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context
                        ?.sales_channel_ids ?? [],
                  }),
                },
              },
            }),
          ],
        },
      ]
    : [],
})
