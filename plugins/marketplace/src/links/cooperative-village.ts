import { defineLink } from "@medusajs/framework/utils"
import VillageModule from "@tianyuan/village/modules/village"
import MarketplaceModule from "../modules/marketplace"

/** The village a cooperative belongs to; a village may have several cooperatives. */
export default defineLink({ linkable: MarketplaceModule.linkable.cooperative, isList: true }, VillageModule.linkable.village)
