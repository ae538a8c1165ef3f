import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The baseline of the throughput bench: Medusa 2.21.2 with its default modules only, no plugins, no
 * admin. PLAIN_CACHING=true turns on Medusa's Caching module (in memory) the way our backend's
 * medusa-config.ts does, so the bench can tell the plugins' cost from the caching's gain.
 */
const caching = process.env.PLAIN_CACHING === "true"

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { connection: { ssl: false } },
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  featureFlags: { caching },
  admin: { disable: true },
  modules: caching ? [{ resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } }] : [],
})
