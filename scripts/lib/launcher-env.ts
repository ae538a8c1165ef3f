import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { z } from "zod"

/** The launcher's settings, parsed once. Everything else in the environment passes through to the backend. */
export const ROOT = path.resolve(__dirname, "../..")

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback)
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value)

export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "" && url.pathname.length > 1
  } catch {
    return false
  }
}

const LauncherEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(isPostgresUrl, "must look like postgres://user:password@host:5432/database")
      .optional()
  ),
  TIANYUAN_DATA_DIR: z.preprocess(blankToUndefined, z.string().default(path.join(ROOT, ".data"))),
  EMBEDDED_POSTGRES_PORT: port(54329),
  BACKEND_PORT: port(9000),
  STOREFRONT_PORT: port(8000),
  SELLER_PORTAL_PORT: port(8001),
  PUBLIC_HOST: z.string().default("localhost"),
  JWT_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  COOKIE_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
})

export type LauncherEnv = z.infer<typeof LauncherEnvSchema>

export class LauncherError extends Error {}

export function parseLauncherEnv(source: NodeJS.ProcessEnv): LauncherEnv {
  const result = LauncherEnvSchema.safeParse(source)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new LauncherError(`Invalid ${issue.path.join(".")}: ${issue.message}`)
  }
  const env = result.data
  const ports = [
    ["BACKEND_PORT", env.BACKEND_PORT],
    ["STOREFRONT_PORT", env.STOREFRONT_PORT],
    ["SELLER_PORTAL_PORT", env.SELLER_PORTAL_PORT],
    ...(env.DATABASE_URL ? [] : [["EMBEDDED_POSTGRES_PORT", env.EMBEDDED_POSTGRES_PORT] as const]),
  ] as const
  const seen = new Map<number, string>()
  for (const [name, value] of ports) {
    const other = seen.get(value)
    if (other) {
      throw new LauncherError(`${name} and ${other} are both ${value}: give each its own port`)
    }
    seen.set(value, name)
  }
  return env
}

/**
 * Production servers need JWT and cookie secrets. A machine that sets none gets random ones, made
 * once and kept beside its data, so logins survive a restart and no secret is written in the code.
 */
type Secrets = { jwtSecret: string; cookieSecret: string; sessionSecret: string }

export function secretsFor(env: LauncherEnv): Secrets {
  if (env.JWT_SECRET && env.COOKIE_SECRET && env.SESSION_SECRET) {
    return { jwtSecret: env.JWT_SECRET, cookieSecret: env.COOKIE_SECRET, sessionSecret: env.SESSION_SECRET }
  }
  const file = path.join(env.TIANYUAN_DATA_DIR, "secrets.json")
  let stored: Partial<Secrets> = {}
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, "utf8"))
  }
  if (!stored.jwtSecret || !stored.cookieSecret || !stored.sessionSecret) {
    const fresh = () => randomBytes(32).toString("hex")
    stored = { jwtSecret: stored.jwtSecret ?? fresh(), cookieSecret: stored.cookieSecret ?? fresh(), sessionSecret: fresh() }
    mkdirSync(env.TIANYUAN_DATA_DIR, { recursive: true })
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
  }
  return {
    jwtSecret: env.JWT_SECRET ?? stored.jwtSecret!,
    cookieSecret: env.COOKIE_SECRET ?? stored.cookieSecret!,
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret!,
  }
}
