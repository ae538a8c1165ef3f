import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MarketplaceModule from "../modules/marketplace"

/**
 * A product's produce details (unit, harvest, origin, farmer). Deleting a product does not delete its
 * details: their compliance certificates must be kept for at least two years.
 */
export default defineLink(ProductModule.linkable.product, MarketplaceModule.linkable.produceDetails)
