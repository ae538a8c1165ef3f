import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import type { InputConfig } from "@medusajs/framework/types"
import { parseBackendEnv } from "./src/env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = parseBackendEnv(process.env)

type ModuleList = NonNullable<Extract<InputConfig["modules"], unknown[]>>

/**
 * Medusa's Caching module keeps hot Query results (the publishable-key check every store request makes,
 * regions, prices) in memory, or in Redis when REDIS_URL is set. See docs/decisions/006.
 */
function cachingModule(): ModuleList {
  return env.REDIS_URL ? [] : [{ resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } }]
}

/** With REDIS_URL set, events, workflows, locks and caches move to Redis so servers and workers can split. */
function redisModules(redisUrl: string): ModuleList {
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }],
      },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
      },
    },
  ]
}

function fileModule(): ModuleList {
  if (!env.s3) {
    return [
      {
        resolve: "@medusajs/medusa/file",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/file-local",
              id: "local",
              options: {
                // Outside the build output, which `medusa build` wipes; photos must outlive rebuilds.
                upload_dir: env.FILE_UPLOAD_DIR ?? "static",
                backend_url: `${env.MEDUSA_BACKEND_URL}/static`,
              },
            },
          ],
        },
      },
    ]
  }
  return [
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: env.s3.fileUrl,
              bucket: env.s3.bucket,
              region: env.s3.region,
              endpoint: env.s3.endpoint,
              access_key_id: env.s3.accessKeyId,
              secret_access_key: env.s3.secretAccessKey,
              additional_client_config: env.s3.endpoint ? { forcePathStyle: true } : undefined,
              // Photo names are content hashes, so a stored file never changes.
              cache_control: "public, max-age=31536000, immutable",
            },
          },
        ],
      },
    },
  ]
}

/** Pay on delivery / at pickup (Medusa's system provider) is always there; Stripe joins when configured. */
function paymentModule(): ModuleList {
  if (!env.STRIPE_API_KEY) {
    return []
  }
  return [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/payment-stripe",
            id: "stripe",
            options: { apiKey: env.STRIPE_API_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, capture: true },
          },
        ],
      },
    },
  ]
}

/**
 * Medusa's Search module with our providers: the CJK-aware Postgres one by default, Meilisearch when
 * MEILISEARCH_HOST is set (then the default), and Medusa's own search-postgres beside them when the
 * bench compares (SEARCH_COMPARE_BUILTIN=true). Index definitions that name no provider get the
 * default. See docs/search-notes.md.
 */
function searchModule(): ModuleList {
  const providers: { resolve: string; id: string; options?: Record<string, unknown> }[] = [
    { resolve: "@tianyuan/search/providers/postgres-cjk", id: "postgres-cjk", options: { maxQueryLength: 200 } },
  ]
  if (env.MEILISEARCH_HOST) {
    providers.push({
      resolve: "@tianyuan/search/providers/meilisearch",
      id: "meilisearch",
      options: { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY, maxQueryLength: 200 },
    })
  }
  if (env.SEARCH_COMPARE_BUILTIN === "true") {
    providers.push({ resolve: "@medusajs/medusa/search-postgres", id: "search-postgres" })
  }
  return [
    {
      key: Modules.SEARCH,
      resolve: "@medusajs/medusa/search",
      options: {
        default_provider: env.MEILISEARCH_HOST ? "meilisearch" : "postgres-cjk",
        providers,
        // Documents per provider write while seeding or reindexing (Medusa's default is 100).
        reindex: { batch_size: 500 },
      },
    },
  ]
}

export default defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseDriverOptions:
      env.DATABASE_SSL === "true" ? { connection: { ssl: { rejectUnauthorized: false } } } : { connection: { ssl: false } },
    redisUrl: env.REDIS_URL,
    workerMode: env.MEDUSA_WORKER_MODE,
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
    },
  },
  // Turns Medusa's core caching on (labelled work in progress in 2.21); MEDUSA_FF_CACHING=false turns it off.
  featureFlags: { caching: true },
  admin: {
    disable: env.ADMIN_DISABLE === "true",
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  plugins: [
    { resolve: "@tianyuan/village", options: {} },
    { resolve: "@tianyuan/media", options: {} },
    { resolve: "@tianyuan/search", options: {} },
    { resolve: "@tianyuan/marketplace", options: {} },
  ],
  modules: [
    ...(env.REDIS_URL ? redisModules(env.REDIS_URL) : []),
    ...cachingModule(),
    ...fileModule(),
    ...paymentModule(),
    ...searchModule(),
    { key: Modules.NOTIFICATION, resolve: "@medusajs/medusa/notification", options: {
      providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed", "email", "sms"] } }],
    } },
  ],
})
