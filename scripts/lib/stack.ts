import { createWriteStream } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import pg from "pg"
import { DEMO_SEED_MARKER, DEMO_SEED_VERSION } from "../../backend/src/lib/demo"
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres"
import { LauncherError, ROOT, secretsFor, type LauncherEnv } from "./launcher-env"
import { portIsFree, runStep, startService, stopService, waitForHttp, type Service } from "./processes"

/**
 * The whole system as one unit: PostgreSQL (embedded unless DATABASE_URL is set), migrations, the demo
 * seed, the backend and both apps. `npm start`, `npm run dev` and the end-to-end tests all use it.
 */
export type StackMode = "production" | "development"

export type Stack = {
  urls: { backend: string; admin: string; storefront: string; sellerPortal: string }
  databaseUrl: string
  services: Service[]
  /** Runs a script of backend/src/scripts with `medusa exec` against this stack's database. */
  runBackendScript: (name: string, args?: string[]) => Promise<void>
  stop: () => Promise<void>
}

const requireFromRoot = createRequire(path.join(ROOT, "package.json"))
const BACKEND_DIR = path.join(ROOT, "backend")
const BUILT_BACKEND_DIR = path.join(BACKEND_DIR, ".medusa", "server")

/**
 * How the launcher runs a backend script (`npm run income:check -- --from=…` and the like): node,
 * argv, working directory and the environment to add. `medusa exec` refuses options it does not
 * know (`--from=…`), so the script's own options travel in TIANYUAN_SCRIPT_ARGS and the scripts read
 * them with scriptArgs() (backend/src/lib/script-args.ts).
 */
export function backendScriptCommand(name: string, args: string[], mode: StackMode) {
  return {
    argv: [binary("@medusajs/cli", "medusa", BACKEND_DIR), "exec", mode === "production" ? `./src/scripts/${name}.js` : `./src/scripts/${name}.ts`],
    cwd: mode === "production" ? BUILT_BACKEND_DIR : BACKEND_DIR,
    env: { TIANYUAN_SCRIPT_ARGS: JSON.stringify(args) },
  }
}

function binary(pkg: string, bin: string, from = ROOT): string {
  const manifestPath = createRequire(path.join(from, "package.json")).resolve(`${pkg}/package.json`)
  const manifest = requireFromRoot(manifestPath) as { bin: string | Record<string, string> }
  const relative = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin]
  return path.join(path.dirname(manifestPath), relative)
}

async function demoSeedIsComplete(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ seeded: string | null }>(
      "select (select metadata->>$1 from store where deleted_at is null limit 1) as seeded where to_regclass('public.store') is not null",
      [DEMO_SEED_MARKER]
    )
    // A newer demo seed (more data in a later release) runs again; its steps skip what exists.
    return rows[0]?.seeded === DEMO_SEED_VERSION
  } finally {
    await client.end()
  }
}

async function assertDatabaseReachable(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query("select 1")
  } catch (error) {
    const host = new URL(databaseUrl).host
    throw new LauncherError(`Cannot reach PostgreSQL at ${host} (DATABASE_URL): ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Every port the stack will listen on must be free, checked before anything is built or started. */
export async function assertPortsFree(env: LauncherEnv, options: { servers?: boolean } = {}): Promise<void> {
  const ports: [string, number][] =
    options.servers === false
      ? []
      : [
          ["backend (BACKEND_PORT)", env.BACKEND_PORT],
          ["storefront (STOREFRONT_PORT)", env.STOREFRONT_PORT],
          ["seller portal (SELLER_PORTAL_PORT)", env.SELLER_PORTAL_PORT],
        ]
  if (!env.DATABASE_URL) ports.push(["embedded PostgreSQL (EMBEDDED_POSTGRES_PORT)", env.EMBEDDED_POSTGRES_PORT])
  for (const [name, port] of ports) {
    if (!(await portIsFree(port))) {
      throw new LauncherError(`Port ${port} for the ${name} is already in use: stop what uses it or choose another port`)
    }
  }
}

export async function startStack(options: {
  env: LauncherEnv
  mode: StackMode
  /** Run migrations and the demo seed (when it has not completed) before the servers start. */
  prepareDatabase?: boolean
  /** Extra environment for the backend (tests turn features on here). */
  backendEnv?: NodeJS.ProcessEnv
  /** Send every server's output to this file instead of the terminal (the end-to-end tests do). */
  serviceLog?: string
  /** false: prepare the database only (for `npm run seed`). */
  servers?: boolean
  /** false: the backend without the two apps (benchmarks of the API). */
  apps?: boolean
  log?: (line: string) => void
}): Promise<Stack> {
  const { env, mode } = options
  const log = options.log ?? ((line: string) => console.log(line))
  const host = env.PUBLIC_HOST
  const urls = {
    backend: `http://${host}:${env.BACKEND_PORT}`,
    admin: `http://${host}:${env.BACKEND_PORT}/app`,
    storefront: `http://${host}:${env.STOREFRONT_PORT}`,
    sellerPortal: `http://${host}:${env.SELLER_PORTAL_PORT}`,
  }

  await assertPortsFree(env, { servers: options.servers })

  const output = options.serviceLog ? createWriteStream(options.serviceLog, { flags: "a" }) : undefined
  const services: Service[] = []
  let database: EmbeddedDatabase | undefined
  const stop = async () => {
    await Promise.all(services.splice(0).reverse().map((service) => stopService(service)))
    if (database) {
      log("Stopping PostgreSQL…")
      await database.stop().catch(() => undefined)
      database = undefined
    }
  }

  try {
    let databaseUrl = env.DATABASE_URL
    if (!databaseUrl) {
      const dataDir = path.join(env.TIANYUAN_DATA_DIR, "postgres")
      log(`Starting PostgreSQL (embedded, data in ${path.relative(ROOT, dataDir) || dataDir}, port ${env.EMBEDDED_POSTGRES_PORT})…`)
      database = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_POSTGRES_PORT })
      await database.ensureDatabase("tianyuan")
      databaseUrl = database.url("tianyuan")
    }
    await assertDatabaseReachable(databaseUrl)

    const { jwtSecret, cookieSecret, sessionSecret } = secretsFor(env)
    const backendEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.backendEnv,
      NODE_ENV: mode,
      DATABASE_URL: databaseUrl,
      PORT: String(env.BACKEND_PORT),
      JWT_SECRET: jwtSecret,
      COOKIE_SECRET: cookieSecret,
      MEDUSA_BACKEND_URL: urls.backend,
      STOREFRONT_URL: urls.storefront,
      SELLER_PORTAL_URL: urls.sellerPortal,
      MEDUSA_DISABLE_TELEMETRY: "true",
      FILE_UPLOAD_DIR: process.env.FILE_UPLOAD_DIR ?? path.join(env.TIANYUAN_DATA_DIR, "uploads"),
    }
    const medusa = binary("@medusajs/cli", "medusa", BACKEND_DIR)
    const backendDir = mode === "production" ? BUILT_BACKEND_DIR : BACKEND_DIR

    if (options.prepareDatabase !== false) {
      log("Running migrations…")
      await runStep("migrate", process.execPath, [medusa, "db:migrate"], { cwd: backendDir, env: backendEnv, output })
      if (await demoSeedIsComplete(databaseUrl)) {
        log("Demo data already in place.")
      } else {
        log("Seeding demo data…")
        await runStep("seed", process.execPath, [medusa, "exec", mode === "production" ? "./src/scripts/seed.js" : "./src/scripts/seed.ts"], {
          cwd: backendDir,
          env: backendEnv,
          output,
        })
      }
    }

    const runBackendScript = (name: string, args: string[] = []) => {
      const script = backendScriptCommand(name, args, mode)
      return runStep(name, process.execPath, script.argv, { cwd: script.cwd, env: { ...backendEnv, ...script.env }, output })
    }

    if (options.servers === false) {
      return { urls, databaseUrl, stop, services, runBackendScript }
    }

    const backend = startService(
      "backend",
      process.execPath,
      [medusa, mode === "production" ? "start" : "develop"],
      { cwd: backendDir, env: backendEnv, output }
    )
    services.push(backend)

    const appEnv = (port: number): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: mode,
      PORT: String(port),
      MEDUSA_BACKEND_URL: urls.backend,
      STOREFRONT_URL: urls.storefront,
      SESSION_SECRET: sessionSecret,
    })
    const apps: [string, string, number][] =
      options.apps === false
        ? []
        : [
            ["storefront", path.join(ROOT, "storefront"), env.STOREFRONT_PORT],
            ["portal", path.join(ROOT, "seller-portal"), env.SELLER_PORTAL_PORT],
          ]
    for (const [name, dir, port] of apps) {
      const args =
        mode === "production"
          ? [binary("@remix-run/serve", "remix-serve", dir), "build/server/index.js"]
          : [binary("@remix-run/dev", "remix", dir), "vite:dev", "--port", String(port), "--strictPort"]
      services.push(startService(name, process.execPath, args, { cwd: dir, env: appEnv(port), output }))
    }

    await waitForHttp(`${urls.backend}/health`, { timeoutMs: 180_000, service: backend })
    if (options.apps !== false) {
      await waitForHttp(`${urls.storefront}/healthz`, { timeoutMs: 60_000, service: services[1] })
      await waitForHttp(`${urls.sellerPortal}/healthz`, { timeoutMs: 60_000, service: services[2] })
    }
    return { urls, databaseUrl, stop, services, runBackendScript }
  } catch (error) {
    await stop()
    throw error
  }
}
