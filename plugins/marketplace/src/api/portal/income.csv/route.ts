import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import "../../../lib/income-access"
import { answerIncome, areaSubject } from "../../../lib/income-route"

/** The same report as CSV (UTF-8 with a byte-order mark). */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  await answerIncome(req, res, await areaSubject(req), "csv")
})
