import { EnvError, parseBackendEnv } from "./env"

const base = { DATABASE_URL: "postgres://postgres:postgres@localhost:54329/tianyuan" }

describe("backend environment", () => {
  it("refuses to boot in production without JWT and cookie secrets", () => {
    expect(() => parseBackendEnv({ ...base, NODE_ENV: "production" })).toThrow(
      "JWT_SECRET and COOKIE_SECRET must be set in production"
    )
    expect(() => parseBackendEnv({ ...base, NODE_ENV: "production", JWT_SECRET: "a".repeat(32) })).toThrow(EnvError)
    const env = parseBackendEnv({ ...base, NODE_ENV: "production", JWT_SECRET: "jwt-secret", COOKIE_SECRET: "cookie-secret" })
    expect(env.jwtSecret).toBe("jwt-secret")
    expect(env.cookieSecret).toBe("cookie-secret")
  })

  it("names the variable when a value is malformed", () => {
    expect(() => parseBackendEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/^Invalid DATABASE_URL: must look like postgres:\/\//)
    expect(() => parseBackendEnv({ ...base, REDIS_URL: "localhost:6379" })).toThrow(/^Invalid REDIS_URL/)
    expect(() => parseBackendEnv({ ...base, MEDUSA_WORKER_MODE: "both" })).toThrow(/^Invalid MEDUSA_WORKER_MODE/)
  })

  it("allows both apps through CORS by default", () => {
    const env = parseBackendEnv({ ...base, STOREFRONT_URL: "http://shop.example:8000", SELLER_PORTAL_URL: "http://portal.example:8001" })
    expect(env.storeCors.split(",")).toEqual(["http://shop.example:8000", "http://portal.example:8001"])
    expect(env.authCors).toContain("http://portal.example:8001")
  })

  it("turns on Stripe and S3 only when fully configured", () => {
    expect(() => parseBackendEnv({ ...base, STRIPE_API_KEY: "rk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET/)
    expect(() => parseBackendEnv({ ...base, S3_BUCKET: "photos" })).toThrow(/S3 storage needs/)
    expect(parseBackendEnv(base).s3).toBeNull()
    expect(parseBackendEnv({ ...base, REDIS_URL: "" }).REDIS_URL).toBeUndefined()
  })

  it("seeds demo data unless told this is a real deployment", () => {
    expect(parseBackendEnv(base).TIANYUAN_DEMO_DATA).toBe("true")
    expect(parseBackendEnv({ ...base, TIANYUAN_DEMO_DATA: "false" }).TIANYUAN_DEMO_DATA).toBe("false")
    expect(() => parseBackendEnv({ ...base, TIANYUAN_DEMO_DATA: "no" })).toThrow(/^Invalid TIANYUAN_DEMO_DATA/)
  })

  it("searches with Postgres unless Meilisearch is configured, and adds the built-in provider only for comparisons", () => {
    const env = parseBackendEnv(base)
    expect(env.MEILISEARCH_HOST).toBeUndefined()
    expect(env.SEARCH_COMPARE_BUILTIN).toBe("false")
    expect(parseBackendEnv({ ...base, MEILISEARCH_HOST: "http://search.internal:7700", MEILISEARCH_API_KEY: "key" }).MEILISEARCH_HOST).toBe(
      "http://search.internal:7700"
    )
    expect(() => parseBackendEnv({ ...base, MEILISEARCH_HOST: "search.internal" })).toThrow(/^Invalid MEILISEARCH_HOST/)
    expect(() => parseBackendEnv({ ...base, SEARCH_COMPARE_BUILTIN: "yes" })).toThrow(/^Invalid SEARCH_COMPARE_BUILTIN/)
  })
})
