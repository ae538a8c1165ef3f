import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import "../../../../../lib/income-access"
import { answerIncome, cooperativeSubject } from "../../../../../lib/income-route"

/** A cooperative's income as CSV, for its managers. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  await answerIncome(req, res, await cooperativeSubject(req), "csv")
})
