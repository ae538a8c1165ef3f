import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import "../../../lib/income-access"
import { answerIncome, areaSubject } from "../../../lib/income-route"

/** An official's, secretary's or committee member's income report for an area their roles cover (docs/api/income.md). */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  await answerIncome(req, res, await areaSubject(req), "json")
})
