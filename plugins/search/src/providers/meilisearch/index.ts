import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchService } from "./service"

/**
 * Register under the Search module (see plugins/search/README.md): resolve
 * "@tianyuan/search/providers/meilisearch", chosen as default_provider when MEILISEARCH_HOST is set.
 */
export default ModuleProvider(Modules.SEARCH, {
  services: [MeilisearchSearchService],
})

export { MeilisearchSearchService }
export type { MeilisearchSearchOptions } from "./service"
