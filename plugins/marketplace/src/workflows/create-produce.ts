import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { ProduceEvents } from "../lib/produce-events"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import { createProduceDetailsStep, type CreateProduceDetailsInput } from "./steps/create-produce-details"
import { ensureCooperativeShippingStep } from "./steps/ensure-cooperative-shipping"
import { recordProduceAuditStep } from "./steps/record-produce-audit"

export type ProducePhoto = {
  id: string
  width: number
  height: number
  placeholder: string
  variants: { width: number; format: "webp" | "jpeg"; url: string }[]
}

export type CreateProduceWorkflowInput = {
  cooperative: { id: string; stock_location_id: string }
  sales_channel_id: string
  /** Ignored: produce always joins its cooperative's own shipping profile (decision 007). */
  shipping_profile_id?: string
  product: {
    title: string
    handle: string
    description: string
    metadata: Record<string, unknown>
    /** The product category (what the produce is), when the farmer chose one. */
    category_id?: string | null
    variants: { title: string; price_fen: number; stock: number; sku?: string }[]
  }
  details: Omit<CreateProduceDetailsInput, "photos" | "cooperative_id"> & { photos: ProducePhoto[] }
  actor: { member_id: string; role: string; on_behalf_of_member_id: string | null }
}

/** The largest stored width of a photo in a format: for the product's thumbnail and image list. */
function largest(photo: ProducePhoto, format: "webp" | "jpeg") {
  return photo.variants.filter((v) => v.format === format).sort((a, b) => b.width - a.width)[0]?.url
}

/**
 * Lists produce in one workflow: the Medusa product with its variants and CNY prices, the produce
 * details (which belong to the cooperative) linked to the product, the stock at the cooperative's own location, and the audit
 * entry. A failure in any step undoes the steps before it.
 */
export const createProduceWorkflow = createWorkflow("create-produce", (input: CreateProduceWorkflowInput) => {
  // The cooperative's own shipping profile, so a cart asks for one shipping choice per cooperative.
  const shipping = ensureCooperativeShippingStep(transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative.id })))
  const productInput = transform({ input, shipping }, ({ input, shipping }) => {
    const photos = input.details.photos
    return {
      products: [
        {
          title: input.product.title,
          handle: input.product.handle,
          description: input.product.description,
          status: "published" as const,
          shipping_profile_id: shipping.shipping_profile_id,
          thumbnail: photos[0] ? (photos[0].variants.find((v) => v.format === "webp" && v.width === 640)?.url ?? largest(photos[0], "webp")) : undefined,
          images: photos.map((photo) => ({ url: largest(photo, "webp") ?? largest(photo, "jpeg")! })),
          metadata: input.product.metadata,
          category_ids: input.product.category_id ? [input.product.category_id] : [],
          sales_channels: [{ id: input.sales_channel_id }],
          options: [{ title: "规格", values: input.product.variants.map((variant) => variant.title) }],
          variants: input.product.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            manage_inventory: true,
            options: { 规格: variant.title },
            prices: [{ currency_code: "cny", amount: variant.price_fen / 100 }],
          })),
        },
      ],
    }
  })
  const products = createProductsWorkflow.runAsStep({ input: productInput })
  const product = transform({ products }, ({ products }) => products[0])

  const details = createProduceDetailsStep(
    transform({ input }, ({ input }) => ({ ...input.details, cooperative_id: input.cooperative.id, photos: { items: input.details.photos } }))
  )

  createRemoteLinkStep(
    transform({ product, details }, ({ product, details }) => [
      { [Modules.PRODUCT]: { product_id: product.id }, [MARKETPLACE_MODULE]: { produce_details_id: details.id } },
    ])
  )

  const { data: variants } = useQueryGraphStep({
    entity: "product_variant",
    fields: ["id", "title", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  }).config({ name: "read-produce-inventory-items" })

  createInventoryLevelsWorkflow.runAsStep({
    input: transform({ input, variants }, ({ input, variants }) => ({
      inventory_levels: variants.map((variant: { title: string; inventory_items?: { inventory_item_id: string }[] }) => ({
        inventory_item_id: variant.inventory_items![0].inventory_item_id,
        location_id: input.cooperative.stock_location_id,
        stocked_quantity: input.product.variants.find((wanted) => wanted.title === variant.title)?.stock ?? 0,
      })),
    })),
  })

  recordProduceAuditStep(
    transform({ input, product }, ({ input, product }) => ({
      cooperative_id: input.cooperative.id,
      product_id: product.id,
      action: "created" as const,
      actor_member_id: input.actor.member_id,
      actor_role: input.actor.role,
      on_behalf_of_member_id: input.actor.on_behalf_of_member_id,
      changes: { title: input.product.title, variants: input.product.variants },
    }))
  )

  // Released with Medusa's own events once the workflow has succeeded; the search index listens.
  emitEventStep({
    eventName: ProduceEvents.CREATED,
    data: transform({ product }, ({ product }) => ({ id: product.id })),
  })

  return new WorkflowResponse({ product, details })
})
