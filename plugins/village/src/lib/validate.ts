import type { z } from "@medusajs/framework/zod"
import { PortalError } from "./portal-errors"

/** Parses a request body with a strict zod schema; failures become a translated 400 naming the field. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue.path.join(".")
    throw new PortalError("invalid_data", { detail: field ? `${field}: ${issue.message}` : issue.message })
  }
  return result.data
}
