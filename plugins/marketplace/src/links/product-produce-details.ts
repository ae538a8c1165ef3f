import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MarketplaceModule from "../modules/marketplace"

/** A product's produce details (unit, harvest, origin, farmer). */
export default defineLink(ProductModule.linkable.product, {
  linkable: MarketplaceModule.linkable.produceDetails,
  deleteCascade: true,
})
