import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import "../../../../lib/income-access"
import { answerIncome, farmerSubject } from "../../../../lib/income-route"

/** A farmer's own income as CSV. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  await answerIncome(req, res, await farmerSubject(req), "csv")
})
