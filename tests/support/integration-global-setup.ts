import { startTestPostgres, TEST_POSTGRES_PORT } from "./test-database"

/**
 * Medusa's test runner reads DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when its module loads and creates
 * one database per suite; the host must contain "localhost" or it forces SSL.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL)
    Object.assign(process.env, {
      DB_HOST: url.hostname,
      DB_PORT: url.port || "5432",
      DB_USERNAME: decodeURIComponent(url.username),
      DB_PASSWORD: decodeURIComponent(url.password),
    })
    return
  }
  const { cleanup } = await startTestPostgres()
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(TEST_POSTGRES_PORT),
    DB_USERNAME: "postgres",
    DB_PASSWORD: "postgres",
  })
  return cleanup
}
