import { z } from "zod";

import { env } from "../env.server";
import { BackendError, createBackendCaller, type CallBackend } from "./backend.server";
import type { MemberAccess } from "./portal-api.server";

/**
 * The marketplace plugin's income routes (docs/api/income.md), as the portal calls them: the report
 * as JSON for the dashboards, the CSV passed through untouched (byte-order mark included).
 */
export const GRANULARITIES = ["day", "week", "month"] as const;
export const BREAKDOWNS = ["village", "cooperative", "produce", "farmer"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type Breakdown = (typeof BREAKDOWNS)[number];

const totals = {
  gross_fen: z.number(),
  refunds_fen: z.number(),
  net_fen: z.number(),
  commission_fen: z.number(),
  fulfilled_fen: z.number(),
  orders: z.number(),
  buyers: z.number(),
};
const totalsSchema = z.object(totals);

export const incomeReportSchema = z.object({
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("area"), code: z.string(), name: z.string(), level: z.string() }),
    z.object({ kind: z.literal("cooperative"), id: z.string(), name: z.string() }),
    z.object({ kind: z.literal("farmer"), id: z.string(), name: z.string() }),
  ]),
  period: z.object({
    from: z.string(),
    to: z.string(),
    days: z.number(),
    granularity: z.enum(GRANULARITIES),
    breakdown: z.enum(BREAKDOWNS),
  }),
  previous_period: z.object({ from: z.string(), to: z.string() }),
  totals: totalsSchema,
  previous_totals: totalsSchema,
  change: z.object({ gross: z.number().nullable(), net: z.number().nullable(), orders: z.number().nullable(), buyers: z.number().nullable() }),
  quantities: z.array(z.object({ unit: z.string(), quantity: z.number() })),
  series: z.array(z.object({ start: z.string(), ...totals })),
  breakdown: z.object({
    by: z.enum(BREAKDOWNS),
    rows: z.array(z.object({ key: z.string(), name: z.string(), quantity: z.number(), unit: z.string().nullable(), ...totals })),
    total_rows: z.number(),
    truncated: z.boolean(),
  }),
  top_produce: z.array(
    z.object({ product_id: z.string(), name: z.string(), unit: z.string(), quantity: z.number(), net_fen: z.number(), gross_fen: z.number() }),
  ),
});
export type IncomeReport = z.infer<typeof incomeReportSchema>;

/** Whose income: an area (`area` in the query), a cooperative, or the member's own. */
export type IncomeSubject = { kind: "area" } | { kind: "cooperative"; id: string } | { kind: "me" };

/** The filters the dashboards pass on: only known parameters, only when given. */
export function incomeQuery(params: URLSearchParams, subject: IncomeSubject): URLSearchParams {
  const query = new URLSearchParams();
  const keys = subject.kind === "area" ? ["area", "from", "to", "granularity", "breakdown"] : ["from", "to", "granularity", "breakdown"];
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) query.set(key, value);
  }
  return query;
}

export function incomePath(subject: IncomeSubject, format: "json" | "csv"): string {
  const suffix = format === "csv" ? "income.csv" : "income";
  if (subject.kind === "cooperative") return `/portal/cooperatives/${encodeURIComponent(subject.id)}/${suffix}`;
  if (subject.kind === "me") return `/portal/me/${suffix}`;
  return `/portal/${suffix}`;
}

export function createIncomeApi({ callBackend, backendUrl, fetchImpl }: { callBackend: CallBackend; backendUrl: string; fetchImpl?: typeof fetch }) {
  return {
    async getReport(access: MemberAccess, subject: IncomeSubject, params: URLSearchParams): Promise<IncomeReport> {
      const search = incomeQuery(params, subject).toString();
      const answer = await callBackend(`${incomePath(subject, "json")}${search ? `?${search}` : ""}`, {
        token: access.token,
        locale: access.locale,
      });
      return z.object({ income: incomeReportSchema }).parse(answer).income;
    },

    /** The CSV as the backend made it, with its file name; a backend error throws BackendError. */
    async getCsv(access: MemberAccess, subject: IncomeSubject, params: URLSearchParams): Promise<Response> {
      const search = incomeQuery(params, subject).toString();
      const response = await (fetchImpl ?? fetch)(`${backendUrl}${incomePath(subject, "csv")}${search ? `?${search}` : ""}`, {
        headers: { authorization: `Bearer ${access.token}`, "x-tianyuan-locale": access.locale },
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new BackendError(response.status, body.code ?? "unknown", body.message ?? response.statusText);
      }
      return new Response(response.body, {
        headers: {
          "content-type": response.headers.get("content-type") ?? "text/csv; charset=utf-8",
          "content-disposition": response.headers.get("content-disposition") ?? 'attachment; filename="income.csv"',
          "cache-control": "private, no-store",
        },
      });
    },
  };
}

export const incomeApi = createIncomeApi({
  callBackend: createBackendCaller({ backendUrl: env.MEDUSA_BACKEND_URL }),
  backendUrl: env.MEDUSA_BACKEND_URL,
});
