import type { MedusaRequest } from "@medusajs/framework/http"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { cooperativeStanding } from "../api/portal/cooperative-access"
import type { OrderViewer } from "./order-actions"
import "./order-errors"

/** Who is looking at the cooperative's orders (the portal gate has checked they belong to it). */
export async function orderViewer(req: MedusaRequest): Promise<OrderViewer> {
  const standing = await cooperativeStanding(req)
  return { memberId: standing.memberId, acting: standing.acting, cooperativeId: standing.cooperative.id }
}

/** A calendar day in China (UTC+8 all year): [start, end). */
export function chinaDayRange(day: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) throw new PortalError("invalid_date")
  const [year, month, date] = match.slice(1).map(Number)
  const utc = new Date(Date.UTC(year, month - 1, date))
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) {
    throw new PortalError("invalid_date")
  }
  const start = new Date(utc.getTime() - 8 * 60 * 60 * 1000)
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) }
}

/** Today's date in China, YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}
