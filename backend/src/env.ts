import { z } from "@medusajs/framework/zod"

/**
 * The backend's environment, parsed once. Every setting the backend reads lives here, so a typo or
 * a missing production secret stops the boot with one line that names the variable.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()

const urlList = z
  .string()
  .trim()
  .refine(
    (value) => value.split(",").every((part) => /^https?:\/\/[^\s,]+$/.test(part.trim())),
    "must be a comma-separated list of http(s) URLs"
  )

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "" && url.pathname.length > 1
    } catch {
      return false
    }
  }, "must look like postgres://user:password@host:5432/database")

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(9000),
  // Optional here because `medusa build` loads this config without a database; the launcher
  // (scripts/tianyuan.ts) always sets it and checks it before anything starts.
  DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
  DATABASE_SSL: z.enum(["true", "false"]).default("false"),
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional()),
  MEDUSA_WORKER_MODE: z.enum(["shared", "worker", "server"]).default("shared"),
  JWT_SECRET: optionalString,
  COOKIE_SECRET: optionalString,
  MEDUSA_BACKEND_URL: z.string().url().default("http://localhost:9000"),
  STOREFRONT_URL: z.string().url().default("http://localhost:8000"),
  SELLER_PORTAL_URL: z.string().url().default("http://localhost:8001"),
  STORE_CORS: urlList.optional(),
  ADMIN_CORS: urlList.optional(),
  AUTH_CORS: urlList.optional(),
  ADMIN_DISABLE: z.enum(["true", "false"]).default("false"),
  /** false: the seed sets up the store only (region, sales channel, key, location), no demo people or produce. */
  TIANYUAN_DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** Meilisearch serves the produce index when set (production); otherwise the CJK-aware Postgres provider does. */
  MEILISEARCH_HOST: optionalString.pipe(z.string().url().optional()),
  MEILISEARCH_API_KEY: optionalString,
  /** true: Medusa's built-in search-postgres provider is registered too, for the bench's second index on the same data. */
  SEARCH_COMPARE_BUILTIN: z.enum(["true", "false"]).default("false"),
  STRIPE_API_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Where the local file provider keeps uploads (photos); the launcher points it at the data directory. */
  FILE_UPLOAD_DIR: optionalString,
  S3_FILE_URL: optionalString.pipe(z.string().url().optional()),
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString.pipe(z.string().url().optional()),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
})

export type BackendEnv = z.infer<typeof EnvSchema> & {
  jwtSecret: string
  cookieSecret: string
  storeCors: string
  adminCors: string
  authCors: string
  s3: null | {
    fileUrl: string
    bucket: string
    region: string
    endpoint?: string
    accessKeyId: string
    secretAccessKey: string
  }
}

export class EnvError extends Error {}

/** Development-only secrets: used only when NODE_ENV is not production. */
const DEVELOPMENT_SECRET = "tianyuan-development-only-secret"

export function parseBackendEnv(source: NodeJS.ProcessEnv): BackendEnv {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const issue = result.error.issues[0]
    const name = issue.path.join(".") || "environment"
    throw new EnvError(`Invalid ${name}: ${issue.message}`)
  }
  const env = result.data
  const production = env.NODE_ENV === "production"
  if (production && (!env.JWT_SECRET || !env.COOKIE_SECRET)) {
    throw new EnvError("JWT_SECRET and COOKIE_SECRET must be set in production (use long random strings)")
  }
  if (env.STRIPE_API_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new EnvError("STRIPE_WEBHOOK_SECRET must be set when STRIPE_API_KEY is set")
  }
  const s3Values = [env.S3_FILE_URL, env.S3_BUCKET, env.S3_REGION, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]
  const s3Set = s3Values.filter(Boolean).length
  if (s3Set > 0 && s3Set < s3Values.length) {
    throw new EnvError("S3 storage needs S3_FILE_URL, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together")
  }
  const apps = [env.STOREFRONT_URL, env.SELLER_PORTAL_URL].join(",")
  return {
    ...env,
    jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_SECRET,
    cookieSecret: env.COOKIE_SECRET ?? DEVELOPMENT_SECRET,
    storeCors: env.STORE_CORS ?? apps,
    adminCors: env.ADMIN_CORS ?? env.MEDUSA_BACKEND_URL,
    authCors: env.AUTH_CORS ?? [apps, env.MEDUSA_BACKEND_URL].join(","),
    s3:
      s3Set === s3Values.length
        ? {
            fileUrl: env.S3_FILE_URL!,
            bucket: env.S3_BUCKET!,
            region: env.S3_REGION!,
            endpoint: env.S3_ENDPOINT,
            accessKeyId: env.S3_ACCESS_KEY_ID!,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          }
        : null,
  }
}
