import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PostgresCjkSearchService } from "./service"

/** Register under the Search module (see docs/search-notes.md): resolve "@tianyuan/search/providers/postgres-cjk". */
export default ModuleProvider(Modules.SEARCH, {
  services: [PostgresCjkSearchService],
})

export { PostgresCjkSearchService }
