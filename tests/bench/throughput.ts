import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import autocannon from "autocannon"
import pg from "pg"
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres"
import { ROOT } from "../../scripts/lib/launcher-env"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { runStep, startService, stopService, waitForHttp, type Service } from "../../scripts/lib/processes"
import { startStack } from "../../scripts/lib/stack"
import { holdBuildLockShared } from "./build-lock"

/**
 * Issue 6 figures: throughput of product listing and add-to-cart on our backend (all four plugins) side
 * by side with a plain Medusa 2.21.2 (tests/bench/plain-medusa: default modules, no plugins, no admin,
 * 40 products made with Medusa's core workflows), in the same run with the same autocannon settings.
 * The plain application runs twice from one build and one database: with Medusa's defaults, and with the
 * Caching module turned on the way our medusa-config.ts does it (PLAIN_CACHING=true) — the like-for-like
 * baseline that leaves only what our plugins add.
 *
 * Endpoints, as the storefront calls them:
 * - `GET /store/products?limit=20&region_id=…&fields=id,title,handle,thumbnail,*variants.calculated_price`
 * - `POST /store/carts/:id/line-items?fields=…` with `{ variant_id, quantity: 1 }`, spread over a pool of
 *   carts that each hold three lines; each cart adds the variant of its third line every time, so the
 *   line's quantity grows and the cart stays at three lines.
 *
 * Each endpoint × backend is warmed up, then measured ROUNDS times, the backends taking turns (their
 * order rotates every round) so a change in the machine's load falls on all of them alike.
 * Ports: ours 9211 (+ PostgreSQL 54412), plain 9261, plain with caching 9262, their PostgreSQL 54461.
 */
const PORTS = {
  ours: Number(process.env.BENCH_THROUGHPUT_BACKEND_PORT ?? 9211),
  oursPostgres: Number(process.env.BENCH_THROUGHPUT_POSTGRES_PORT ?? 54412),
  oursStorefront: 9218,
  oursSellerPortal: 9219,
  plain: Number(process.env.BENCH_PLAIN_BACKEND_PORT ?? 9261),
  plainCached: Number(process.env.BENCH_PLAIN_CACHED_BACKEND_PORT ?? 9262),
  plainPostgres: Number(process.env.BENCH_PLAIN_POSTGRES_PORT ?? 54461),
}
const CONNECTIONS = Number(process.env.BENCH_THROUGHPUT_CONNECTIONS ?? 10)
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 15)
const WARMUP_SECONDS = Number(process.env.BENCH_THROUGHPUT_WARMUP_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3)
const CARTS = 100
/** The variants that take the adds must have stock to spare: a line's quantity reaches a few dozen. */
const MIN_HOT_STOCK = 200

const PLAIN_DIR = path.join(__dirname, "plain-medusa")
const PLAIN_BUILT = path.join(PLAIN_DIR, ".medusa", "server")
const LISTING_FIELDS = "id,title,handle,thumbnail,*variants.calculated_price"
/** The storefront's cart fields (storefront/app/lib/cart.server.ts). */
const CART_FIELDS = "id,email,region_id,customer_id,completed_at,items.id,items.quantity,shipping_address.*,payment_collection.id,payment_collection.payment_sessions.*"

type Backend = {
  name: string
  base: string
  key: string
  regionId: string
  carts: { id: string; variantId: string }[]
}

type Measurement = { requestsPerSecond: number; p50: number; p95: number; requests: number; failed: number; load: number }

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const loadAverage = () => os.loadavg()[0]

function medusaBinary() {
  const require = createRequire(path.join(ROOT, "backend", "package.json"))
  const manifestPath = require.resolve("@medusajs/cli/package.json")
  const manifest = require(manifestPath) as { bin: Record<string, string> }
  return path.join(path.dirname(manifestPath), manifest.bin.medusa)
}

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".medusa" || entry.name === "node_modules") continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** `medusa build` of the plain application, under the build lock, when its sources changed. */
function buildPlain() {
  const built = path.join(PLAIN_BUILT, "medusa-config.js")
  if (existsSync(built) && statSync(built).mtimeMs > newestSource(PLAIN_DIR)) return
  console.log("building tests/bench/plain-medusa (medusa build)…")
  const result = spawnSync("flock", ["/tmp/tianyuan-build.lock", process.execPath, medusaBinary(), "build"], {
    cwd: PLAIN_DIR,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
  })
  if (result.status !== 0 || /completed with errors/.test(result.stdout)) {
    throw new Error(`medusa build of plain-medusa failed:\n${result.stdout}\n${result.stderr}`)
  }
}

/** The plain application: its PostgreSQL, migrations, seed, and two servers (defaults; caching on). */
async function startPlain(dataDir: string, log: NodeJS.WritableStream) {
  const database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "plain-postgres"), port: PORTS.plainPostgres })
  const services: Service[] = []
  const stop = async () => {
    await Promise.all(services.map((service) => stopService(service)))
    await database.stop().catch(() => undefined)
  }
  try {
    await database.ensureDatabase("plain")
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url("plain"),
      JWT_SECRET: randomBytes(32).toString("hex"),
      COOKIE_SECRET: randomBytes(32).toString("hex"),
      MEDUSA_DISABLE_TELEMETRY: "true",
    }
    const medusa = medusaBinary()
    await runStep("plain migrate", process.execPath, [medusa, "db:migrate"], { cwd: PLAIN_BUILT, env, output: log })
    await runStep("plain seed", process.execPath, [medusa, "exec", "./src/scripts/seed.js"], { cwd: PLAIN_BUILT, env, output: log })
    const servers: [string, number, string][] = [
      ["plain", PORTS.plain, "false"],
      ["plain-cached", PORTS.plainCached, "true"],
    ]
    for (const [name, port, caching] of servers) {
      services.push(startService(name, process.execPath, [medusa, "start"], { cwd: PLAIN_BUILT, env: { ...env, PORT: String(port), PLAIN_CACHING: caching }, output: log }))
    }
    for (const [index, [, port]] of servers.entries()) {
      await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180_000, service: services[index] })
    }
    const db = new pg.Client({ connectionString: database.url("plain") })
    await db.connect()
    const { rows } = await db.query<{ token: string }>("select token from api_key where type = 'publishable' and title = 'Bench storefront' and deleted_at is null")
    await db.end()
    return { key: rows[0].token, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function storeCall(base: string, key: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await response.json().catch(() => null)
  if (response.status >= 400) throw new Error(`${method} ${base}${url} → ${response.status} ${JSON.stringify(data)}`)
  return data
}

/** The region, a pool of carts with two lines each, and the variant each cart keeps adding. */
async function prepareBackend(name: string, base: string, key: string): Promise<Backend> {
  const { regions } = await storeCall(base, key, "GET", "/store/regions?fields=id,currency_code")
  const region = regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  if (!region) throw new Error(`${name}: no CNY region`)
  const { products } = await storeCall(base, key, "GET", `/store/products?limit=100&region_id=${region.id}&fields=id,variants.id,+variants.inventory_quantity`)
  const variants = (products as { variants: { id: string; inventory_quantity: number }[] }[]).flatMap((p) => p.variants)
  const hot = variants.filter((v) => v.inventory_quantity >= MIN_HOT_STOCK).slice(0, 6)
  const filler = variants.filter((v) => !hot.includes(v))
  if (hot.length < 3 || filler.length < 2) throw new Error(`${name}: too few variants with ${MIN_HOT_STOCK} in stock`)
  const carts: Backend["carts"] = []
  for (let start = 0; start < CARTS; start += 10) {
    carts.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, CARTS - start) }, async (_, i) => {
          const k = start + i
          const items = [filler[k % filler.length], filler[(k + 1) % filler.length]].map((v) => ({ variant_id: v.id, quantity: 1 }))
          const { cart } = await storeCall(base, key, "POST", "/store/carts", { region_id: region.id, items })
          return { id: cart.id as string, variantId: hot[k % hot.length].id }
        })
      ))
    )
  }
  // The same request as the bench, once per cart: its answer must be a success (and each cart then
  // holds its three lines, so the measured adds all raise a quantity).
  for (const cart of carts) {
    await storeCall(base, key, "POST", `/store/carts/${cart.id}/line-items?fields=${encodeURIComponent(CART_FIELDS)}`, { variant_id: cart.variantId, quantity: 1 })
  }
  return { name, base, key, regionId: region.id, carts }
}

type Endpoint = { name: string; options: (backend: Backend) => Partial<autocannon.Options> }

const ENDPOINTS: Endpoint[] = [
  {
    name: "GET /store/products?limit=20 (priced in the region)",
    options: (backend) => ({
      url: `${backend.base}/store/products?limit=20&region_id=${backend.regionId}&fields=${encodeURIComponent(LISTING_FIELDS)}`,
      headers: { "x-publishable-api-key": backend.key },
    }),
  },
  {
    name: "POST /store/carts/:id/line-items (add to cart)",
    options: (backend) => {
      let next = 0
      return {
        url: backend.base,
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": backend.key },
        requests: [
          {
            setupRequest: (request) => {
              const cart = backend.carts[next++ % backend.carts.length]
              return {
                ...request,
                method: "POST",
                path: `/store/carts/${cart.id}/line-items?fields=${encodeURIComponent(CART_FIELDS)}`,
                body: JSON.stringify({ variant_id: cart.variantId, quantity: 1 }),
              }
            },
          },
        ],
      }
    },
  },
]

async function measure(endpoint: Endpoint, backend: Backend, seconds: number): Promise<Measurement> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        ...(endpoint.options(backend) as autocannon.Options),
        connections: CONNECTIONS,
        duration: seconds,
        setupClient: (client) => client.on("response", (_status: number, _bytes: number, time: number) => latencies.push(time)),
      },
      (error, answer) => (error ? reject(error) : resolve(answer))
    )
  })
  latencies.sort((a, b) => a - b)
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
    load: loadAverage(),
  }
}

export async function benchThroughput() {
  const dataDir = benchDataDir(os.tmpdir(), "tianyuan-bench-throughput-")
  const log = createWriteStream(path.join(dataDir, "servers.log"), { flags: "a" })
  const env = benchLauncherEnv(dataDir, { backend: PORTS.ours, storefront: PORTS.oursStorefront, sellerPortal: PORTS.oursSellerPortal, postgres: PORTS.oursPostgres })
  console.log(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`)
  let stack: Awaited<ReturnType<typeof startStack>> | undefined
  let plain: Awaited<ReturnType<typeof startPlain>> | undefined
  try {
    // The plain build takes the build lock itself; then both start from their builds under it, shared.
    buildPlain()
    const releaseBuildLock = await holdBuildLockShared()
    try {
      stack = await startStack({ env, mode: "production", serviceLog: path.join(dataDir, "servers.log"), log: () => undefined, apps: false })
      plain = await startPlain(dataDir, log)
    } finally {
      releaseBuildLock()
    }
    const ourKey = (await (await fetch(`${stack.urls.backend}/public/storefront-config`)).json()).publishable_key as string
    const backends = [
      await prepareBackend("ours", stack.urls.backend, ourKey),
      await prepareBackend("plain", `http://localhost:${PORTS.plain}`, plain.key),
      await prepareBackend("plain + caching", `http://localhost:${PORTS.plainCached}`, plain.key),
    ]
    console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} × ${SECONDS} s per backend, taking turns`)
    const lines: string[] = []
    for (const endpoint of ENDPOINTS) {
      for (const backend of backends) await measure(endpoint, backend, WARMUP_SECONDS)
      const results = new Map<string, Measurement[]>(backends.map((b) => [b.name, []]))
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < backends.length; i++) {
          const backend = backends[(i + round) % backends.length]
          const m = await measure(endpoint, backend, SECONDS)
          results.get(backend.name)!.push(m)
          console.log(
            `  ${endpoint.name.split(" (")[0]} · ${backend.name} · round ${round + 1}: ${m.requestsPerSecond.toFixed(1)} req/s, p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, ${m.requests} requests, ${m.failed} failed, load ${m.load.toFixed(1)}`
          )
        }
      }
      const summary = new Map(
        [...results].map(([name, ms]) => {
          const mean = (pick: (m: Measurement) => number) => ms.reduce((sum, m) => sum + pick(m), 0) / ms.length
          return [name, { rps: mean((m) => m.requestsPerSecond), p50: mean((m) => m.p50), p95: mean((m) => m.p95), failed: ms.reduce((s, m) => s + m.failed, 0) }]
        })
      )
      const ours = summary.get("ours")!
      lines.push(`${endpoint.name}:`)
      for (const [name, s] of summary) {
        const ratio = name === "ours" ? "" : ` — ours/${name} ${(ours.rps / s.rps).toFixed(2)}`
        lines.push(`  ${name}: ${s.rps.toFixed(1)} req/s, p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, ${s.failed} failed${ratio}`)
      }
    }
    lines.push(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`)
    console.log(lines.join("\n"))
    return lines
  } catch (error) {
    const serverLog = readFileSync(path.join(dataDir, "servers.log"), "utf8").split("\n").slice(-40).join("\n")
    console.error(`the servers' last lines:\n${serverLog}`)
    throw error
  } finally {
    await plain?.stop()
    await stack?.stop()
    log.end()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
