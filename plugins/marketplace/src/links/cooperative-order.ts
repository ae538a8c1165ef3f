import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import MarketplaceModule from "../modules/marketplace"

/**
 * The cooperative whose part of a checkout an order is (decision 007): a cooperative has many
 * orders, an order belongs to exactly one cooperative.
 */
export default defineLink(MarketplaceModule.linkable.cooperative, { linkable: OrderModule.linkable.order, isList: true })
