import { registerPortalAccess } from "@tianyuan/village/api/portal/access"
import { registerPortalMessages } from "@tianyuan/village/lib/portal-errors"
import type { MemberRole } from "@tianyuan/village/lib/roles"

/**
 * Who may see income (issue 7). The area routes take the area from the query string, so the gate
 * only asks for a member and the route checks the roles against the area (`incomeAreaGrant`);
 * cooperative income is for its managers; everyone may see their own income as a farmer.
 * Imported by each income route, so the rules are in the gate before the first request.
 */
export const AREA_INCOME_ROLES: readonly MemberRole[] = ["official", "secretary", "committee"]

registerPortalAccess([
  { method: "GET", path: "/portal/income", access: { kind: "member" } },
  { method: "GET", path: "/portal/income.csv", access: { kind: "member" } },
  { method: "GET", path: "/portal/cooperatives/:id/income", access: { kind: "cooperative", param: "id", roles: ["coop_manager"] } },
  { method: "GET", path: "/portal/cooperatives/:id/income.csv", access: { kind: "cooperative", param: "id", roles: ["coop_manager"] } },
  { method: "GET", path: "/portal/me/income", access: { kind: "member" } },
  { method: "GET", path: "/portal/me/income.csv", access: { kind: "member" } },
])

registerPortalMessages({
  income_period_reversed: {
    "zh-CN": "结束日期不能早于开始日期。",
    en: "The period must end on or after the day it starts.",
  },
  income_period_too_long: { "zh-CN": "查询时段最长 10 年。", en: "A period can span at most 10 years." },
  income_too_many_points: {
    "zh-CN": "按天统计最多 {limit} 个点，请按周或按月查看。",
    en: "At most {limit} points per chart: show this period by week or by month.",
  },
  income_area_unknown: { "zh-CN": "没有这个地区代码。", en: "There is no area with that code." },
  income_area_missing: { "zh-CN": "请选择一个地区。", en: "Choose an area." },
  income_granularity_invalid: {
    "zh-CN": "统计周期只能按天、按周或按月。",
    en: "Show a period by day, by week or by month.",
  },
  income_breakdown_invalid: {
    "zh-CN": "只能按村、合作社、农产品或农户分类。",
    en: "Break income down by village, cooperative, produce or farmer.",
  },
})
