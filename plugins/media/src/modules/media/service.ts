import { MedusaService } from "@medusajs/framework/utils"
import { Photo } from "./models/photo"

class MediaModuleService extends MedusaService({ Photo }) {}

/**
 * Medusa's generated methods are named `listPhotos`, `createPhotos`… at runtime, but its type-level
 * pluraliser spells them `listPhotoes`; these give the real names their types. (The `…Photoes`
 * names do not exist at runtime: never call them.)
 */
interface MediaModuleService {
  listPhotos: MediaModuleService["listPhotoes"]
  listAndCountPhotos: MediaModuleService["listAndCountPhotoes"]
  createPhotos: MediaModuleService["createPhotoes"]
  updatePhotos: MediaModuleService["updatePhotoes"]
  deletePhotos: MediaModuleService["deletePhotoes"]
  softDeletePhotos: MediaModuleService["softDeletePhotoes"]
  restorePhotos: MediaModuleService["restorePhotoes"]
}

export default MediaModuleService
