import { readFileSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD } from "../../backend/src/lib/demo"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { startStack } from "../../scripts/lib/stack"
import { holdBuildLockShared } from "./build-lock"

/**
 * Issue 6 figures on the built backend with demo data: `POST /store/checkouts` latency (p50/p95) for a
 * cart with produce of three cooperatives, one checkout at a time; and the race — 200 concurrent
 * checkouts (200 carts) for the last 10 units — repeated 20 times on one produce restocked by 10 between
 * runs, with the lowest available stock seen while it ran. Backend on 9211 and PostgreSQL on 54412 (BENCH_CHECKOUT_*_PORT to move them);
 * the storefront and portal are not started (their ports are only checked to be free).
 */
const PORTS = {
  backend: Number(process.env.BENCH_CHECKOUT_BACKEND_PORT ?? 9211),
  postgres: Number(process.env.BENCH_CHECKOUT_POSTGRES_PORT ?? 54412),
  storefront: Number(process.env.BENCH_CHECKOUT_STOREFRONT_PORT ?? 9218),
  sellerPortal: Number(process.env.BENCH_CHECKOUT_SELLER_PORTAL_PORT ?? 9219),
}
const LATENCY_CARTS = Number(process.env.BENCH_CHECKOUT_CARTS ?? 40)
const RACE_RUNS = Number(process.env.BENCH_CHECKOUT_RACE_RUNS ?? 20)
const RACERS = 200
const LAST_UNITS = 10

const ADDRESS = {
  first_name: "陈小雨",
  phone: "13912345678",
  province: "陕西省",
  city: "延安市",
  address_1: "凤栖街道中心街 20 号",
  country_code: "cn",
  metadata: { province_code: "61", city_code: "6106", district_code: "610629" },
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let start = 0; start < count; start += size) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i)))))
  }
  return results
}

export async function benchCheckout() {
  const dataDir = benchDataDir(os.tmpdir(), "tianyuan-bench-checkout-")
  const env = benchLauncherEnv(dataDir, PORTS)
  console.log(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`)
  // Shared build lock while the backend loads its build: a build elsewhere would wipe it meanwhile.
  const releaseBuildLock = await holdBuildLockShared()
  const stack = await startStack({ env, mode: "production", serviceLog: path.join(dataDir, "servers.log"), log: () => undefined, apps: false }).finally(releaseBuildLock)
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  try {
    const base = stack.urls.backend
    const key = (await (await fetch(`${base}/public/storefront-config`)).json()).publishable_key as string
    const storeHeaders = { "content-type": "application/json", "x-publishable-api-key": key }
    const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = storeHeaders) => {
      const response = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      const data = await response.json().catch(() => null)
      return { status: response.status, data }
    }
    const must = async (method: string, url: string, body?: unknown, headers?: Record<string, string>) => {
      const answer = await request(method, url, body, headers)
      if (answer.status >= 400) throw new Error(`${method} ${url} → ${answer.status} ${JSON.stringify(answer.data)}`)
      return answer.data
    }

    const produce = new Map<string, { id: string; title: string; variants: { id: string; title: string }[] }[]>()
    for (const demo of DEMO_COOPERATIVES) produce.set(demo.handle, (await must("GET", `/store/cooperatives/${demo.handle}`)).produce)
    const variantOf = (handle: string, title: string) => produce.get(handle)!.find((p) => p.title === title)!.variants[0].id
    const threeCooperatives = [
      variantOf("tongdi-apples", "洛川红富士苹果"),
      variantOf("yangtian-kiwi", "周至徐香猕猴桃"),
      variantOf("lianhua-rice", "五常稻花香大米"),
    ]

    /** A cart ready to check out: lines, buyer, address, each cooperative's delivery, pay on delivery. */
    let buyers = 0
    const readyCart = async (variants: string[]) => {
      // One email each: Medusa makes a guest customer per new email, and two at once collide.
      const { cart } = await must("POST", "/store/carts", { email: `bench${++buyers}@example.com`, shipping_address: ADDRESS, items: variants.map((variant_id) => ({ variant_id, quantity: 1 })) })
      const view = await must("GET", `/store/carts/${cart.id}/cooperatives`)
      for (const group of view.groups) {
        const option = group.options.find((o: { kind: string }) => o.kind === "delivery")
        await must("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      }
      const { payment_collection } = await must("POST", "/store/payment-collections", { cart_id: cart.id })
      await must("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      return cart.id as string
    }

    // 1. Latency of one checkout at a time, three cooperatives (three orders) each.
    let phase = performance.now()
    const carts = await inBatches(LATENCY_CARTS, 4, () => readyCart(threeCooperatives))
    console.log(`  ${LATENCY_CARTS} carts ready in ${((performance.now() - phase) / 1000).toFixed(1)} s`)
    await request("POST", "/store/checkouts", { cart_id: carts.shift() }) // warm-up
    const timings: number[] = []
    for (const cartId of carts) {
      const started = performance.now()
      const answer = await request("POST", "/store/checkouts", { cart_id: cartId })
      timings.push(performance.now() - started)
      if (answer.status !== 201 || answer.data.checkout.orders.length !== 3) throw new Error(`checkout → ${answer.status} ${JSON.stringify(answer.data)}`)
    }
    timings.sort((a, b) => a - b)
    const repeat: number[] = []
    for (const cartId of carts.slice(0, 10)) {
      const started = performance.now()
      await request("POST", "/store/checkouts", { cart_id: cartId })
      repeat.push(performance.now() - started)
    }
    repeat.sort((a, b) => a - b)

    // 2. The race, RACE_RUNS times: 10 units of one produce left, 200 ready carts, 200 checkouts at once.
    // Making 200 carts takes five requests each (about 100 s on this machine), so the carts are made
    // once: after each run the farmer raises the stock by 10 again (the portal's one-tap edit, as a
    // restock would), the 10 winning carts — now completed — are replaced by fresh ones, and the 190
    // refused buyers try again with their carts, which a refusal leaves open.
    const farmer = DEMO_COOPERATIVES[0].farmers[0].identifier
    const token = (await must("POST", "/auth/member/emailpass", { email: farmer, password: DEMO_MEMBER_PASSWORD }, { "content-type": "application/json" })).token
    const portal = { "content-type": "application/json", authorization: `Bearer ${token}` }
    const [{ id: cooperativeId }] = (await db.query<{ id: string }>("select id from cooperative where handle = $1", [DEMO_COOPERATIVES[0].handle])).rows
    const runs: { won: number; refused: Record<string, number>; lowest: number; available: number; reservedAdded: number; left: number; seconds: number }[] = []
    const created = await must(
      "POST",
      `/portal/cooperatives/${cooperativeId}/produce`,
      { title: "最后十箱", unit: "box", variants: [{ title: "一级果", price: "50", stock: LAST_UNITS }] },
      portal
    )
    const productId = created.produce.id as string
    const variantId = created.produce.variants[0].id as string
    const [{ inventory_item_id }] = (
      await db.query<{ inventory_item_id: string }>("select inventory_item_id from product_variant_inventory_item where variant_id = $1 and deleted_at is null", [variantId])
    ).rows
    const level = async () => {
      const { rows } = await db.query<{ stocked: string; reserved: string }>(
        "select stocked_quantity::text as stocked, reserved_quantity::text as reserved from inventory_level where inventory_item_id = $1 and deleted_at is null",
        [inventory_item_id]
      )
      return { stocked: Number(rows[0].stocked), reserved: Number(rows[0].reserved) }
    }
    phase = performance.now()
    let racers = await inBatches(RACERS, 16, () => readyCart([variantId]))
    console.log(`  ${RACERS} racing carts ready in ${((performance.now() - phase) / 1000).toFixed(1)} s`)
    for (let run = 0; run < RACE_RUNS; run++) {
      phase = performance.now()
      if (run > 0) {
        const before = await level()
        await must("PATCH", `/portal/cooperatives/${cooperativeId}/produce/${productId}`, { variants: [{ id: variantId, stock: before.reserved + LAST_UNITS }] }, portal)
        const fresh = await inBatches(RACERS - racers.length, 16, () => readyCart([variantId]))
        racers = [...racers, ...fresh]
      }
      const preparing = (performance.now() - phase) / 1000
      const before = await level()
      let lowest = Number.POSITIVE_INFINITY
      let watching = true
      const watcher = (async () => {
        while (watching) {
          const { rows } = await db.query<{ available: string }>(
            "select (stocked_quantity - reserved_quantity)::text as available from inventory_level where inventory_item_id = $1 and deleted_at is null",
            [inventory_item_id]
          )
          lowest = Math.min(lowest, Number(rows[0].available))
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      })()
      const started = performance.now()
      const answers = await Promise.all(racers.map((cartId) => request("POST", "/store/checkouts", { cart_id: cartId })))
      const seconds = (performance.now() - started) / 1000
      watching = false
      await watcher
      const refused: Record<string, number> = {}
      for (const answer of answers.filter((a) => a.status !== 201)) {
        const code = `${answer.status} ${answer.data?.code ?? answer.data?.type ?? "?"}`
        refused[code] = (refused[code] ?? 0) + 1
      }
      const after = await level()
      racers = racers.filter((_, i) => answers[i].status !== 201)
      runs.push({
        won: answers.filter((a) => a.status === 201).length,
        refused,
        lowest,
        available: before.stocked - before.reserved,
        reservedAdded: after.reserved - before.reserved,
        left: after.stocked - after.reserved,
        seconds,
      })
      process.stdout.write(
        `  race ${run + 1}/${RACE_RUNS}: ${runs[run].won} won, ${runs[run].reservedAdded} reserved, lowest available ${lowest}, ${seconds.toFixed(1)} s (carts ready in ${preparing.toFixed(0)} s), load ${os.loadavg()[0].toFixed(1)}\n`
      )
    }

    const exact = runs.filter((r) => r.available === LAST_UNITS && r.won === LAST_UNITS && r.reservedAdded === LAST_UNITS && r.left === 0 && r.lowest >= 0).length
    const refusedTotals: Record<string, number> = {}
    for (const r of runs) for (const [code, n] of Object.entries(r.refused)) refusedTotals[code] = (refusedTotals[code] ?? 0) + n
    const raceSeconds = runs.map((r) => r.seconds).sort((a, b) => a - b)
    const lines = [
      `POST /store/checkouts, 3 cooperatives → 3 orders, ${timings.length} checkouts one at a time: p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms, max ${timings[timings.length - 1].toFixed(0)} ms`,
      `the same request again (completed cart, answers the same checkout): p50 ${percentile(repeat, 50).toFixed(0)} ms, p95 ${percentile(repeat, 95).toFixed(0)} ms`,
      `race, ${RACERS} concurrent checkouts for the last ${LAST_UNITS} units × ${runs.length} runs: exactly ${LAST_UNITS} succeeded in ${exact}/${runs.length} runs; won per run ${[...new Set(runs.map((r) => r.won))].join(", ")}; lowest available stock seen ${Math.min(...runs.map((r) => r.lowest))}; available before/reserved by the run/left after ${[...new Set(runs.map((r) => `${r.available}/${r.reservedAdded}/${r.left}`))].join(", ")}`,
      `race refusals (all runs): ${Object.entries(refusedTotals).map(([code, n]) => `${code} × ${n}`).join(", ")}`,
      `race duration (200 checkouts at once): p50 ${percentile(raceSeconds, 50).toFixed(1)} s, max ${raceSeconds[raceSeconds.length - 1].toFixed(1)} s`,
      `load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
    ]
    console.log(lines.join("\n"))
    return lines
  } catch (error) {
    console.error(`the backend's last lines:\n${readFileSync(path.join(dataDir, "servers.log"), "utf8").split("\n").slice(-30).join("\n")}`)
    throw error
  } finally {
    await db.end()
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
