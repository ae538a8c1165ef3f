import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { describeOrigin } from "../../public-produce"

/** The public page a certificate's QR code opens: what was promised, by whom, for which batch. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "compliance_certificate",
    fields: ["*", "produce_details.id", "produce_details.product.handle", "produce_details.product.title"],
    filters: { id: req.params.id },
  })
  const certificate = data[0] as
    | (Record<string, unknown> & { origin: string; produce_details?: { product?: { handle: string; title: string } } })
    | undefined
  if (!certificate) throw new PortalError("certificate_not_found")
  res.setHeader("Cache-Control", "public, max-age=300")
  res.json({
    certificate: {
      id: certificate.id,
      product_name: certificate.product_name,
      quantity: certificate.quantity,
      producer_name: certificate.producer_name,
      origin: await describeOrigin(req, certificate.origin),
      contact: certificate.contact,
      issued_on: certificate.issued_on,
      commitment: certificate.commitment,
      produce: certificate.produce_details?.product ?? null,
    },
  })
})
