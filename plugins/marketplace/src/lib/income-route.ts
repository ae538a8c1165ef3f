import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalContext } from "@tianyuan/village/api/portal/access"
import { areaCovers } from "@tianyuan/village/lib/area-code"
import { PortalError, requestLocale } from "@tianyuan/village/lib/portal-errors"
import type { IncomeScope } from "../modules/income/service"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { memberNames } from "../api/portal/farmers"
import { AREA_INCOME_ROLES } from "./income-access"
import { buildIncomeCsv, csvFileName } from "./income-csv"
import { parseIncomePeriod, type IncomePeriod } from "./income-period"
import { buildIncomeReport, findArea, type IncomeScopeView } from "./income-report"

/**
 * The three income routes share one shape: whose income (an area the member's roles cover, the
 * cooperative of the path, or the member as a farmer), the period from the query string, and the
 * answer as JSON or CSV.
 */
type Subject = { scope: IncomeScope; view: IncomeScopeView; defaultBreakdown: IncomePeriod["breakdown"]; fileSubject: string }

const single = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined
}

/**
 * An area for an official, secretary or committee member: the `area` of the query (a village, or a
 * town, county, city or province), which must exist (400) and be covered by one of their roles (404,
 * like an area that is not theirs to see). Without `area`: the first area their roles cover.
 */
export async function areaSubject(req: MedusaRequest): Promise<Subject> {
  const granting = portalContext(req).memberships.filter((m) => m.scope_type === "area" && AREA_INCOME_ROLES.includes(m.role))
  const code = single(req.query.area) ?? granting[0]?.scope_id
  if (!code) throw new PortalError("not_found")
  const area = await findArea(req.scope, code)
  if (!granting.some((m) => areaCovers(m.scope_id, area.code))) throw new PortalError("not_found")
  return {
    scope: { kind: "area", code: area.code },
    view: { kind: "area", ...area },
    defaultBreakdown: area.level === "village" ? "produce" : "village",
    fileSubject: area.code,
  }
}

/** The cooperative of the path (the gate has checked the member manages it). */
export async function cooperativeSubject(req: MedusaRequest): Promise<Subject> {
  const [cooperative] = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCooperatives({ id: req.params.id }, { select: ["id", "name", "handle"] })
  if (!cooperative) throw new PortalError("cooperative_not_found")
  return {
    scope: { kind: "cooperative", id: cooperative.id },
    view: { kind: "cooperative", id: cooperative.id, name: cooperative.name },
    defaultBreakdown: "produce",
    fileSubject: cooperative.handle,
  }
}

/** The member's own income as a farmer, whatever cooperatives sold it. */
export async function farmerSubject(req: MedusaRequest): Promise<Subject> {
  const { memberId } = portalContext(req)
  const names = await memberNames(req.scope, [memberId])
  return {
    scope: { kind: "farmer", id: memberId },
    view: { kind: "farmer", id: memberId, name: names.get(memberId) ?? "" },
    defaultBreakdown: "produce",
    fileSubject: "me",
  }
}

export async function answerIncome(req: MedusaRequest, res: MedusaResponse, subject: Subject, format: "json" | "csv") {
  const period = parseIncomePeriod(req.query as Record<string, unknown>, { defaultBreakdown: subject.defaultBreakdown })
  const locale = requestLocale(req)
  if (format === "json") {
    res.json({ income: await buildIncomeReport(req.scope, { scope: subject.scope, view: subject.view, period, locale }) })
    return
  }
  const csv = await buildIncomeCsv(req.scope, { scope: subject.scope, period, locale })
  const fileName = csvFileName(subject.fileSubject, period)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${fileName}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(csv)
}
