import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MultiBar, Presets } from "cli-progress"
import { chinaDay } from "@tianyuan/marketplace/lib/income-facts"
import { periodFromArgs, rebuildIncome } from "@tianyuan/marketplace/lib/income-rebuild"
import { scriptArgs } from "../lib/script-args"

/**
 * `npm run income:rebuild -- --from=2026-01-01 --to=2026-12-31`: reads again every order with income
 * on those days (placed, refunded, or already counted then), re-derives its facts and recomputes the
 * daily rollups of the period from them. Safe to run at any time, also while orders keep coming in.
 * `--rollups-only` trusts the stored facts and only recomputes the rollups from them.
 */
export default async function incomeRebuild({ container, args: execArgs }: ExecArgs) {
  const args = scriptArgs(execArgs)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const period = periodFromArgs(args, chinaDay(new Date()))
  logger.info(`Rebuilding village income from ${period.from} to ${period.to}…`)
  const bars = new MultiBar({ format: " {stage} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false }, Presets.shades_classic)
  const bar = { orders: bars.create(1, 0, { stage: "orders  " }), rollups: bars.create(1, 0, { stage: "rollups " }) }
  const result = await rebuildIncome(
    container,
    period,
    ({ stage, done, total }) => {
      bar[stage].setTotal(Math.max(1, total))
      bar[stage].update(done)
    },
    { rollupsOnly: args.includes("--rollups-only") }
  )
  bars.stop()
  logger.info(
    `Rebuilt ${period.from} … ${period.to}: ${result.orders} orders read (${result.applied} corrected, ${result.dropped} gone), ` +
      `${result.rows} rollup rows in ${result.rollup_seconds.toFixed(1)} s, ${result.seconds.toFixed(1)} s in all`
  )
  // A rebuild rewrites many rows at once: vacuum now, so the reports' covering index scans stay
  // index-only from the first request rather than after autovacuum's next pass (tests/bench/README.md).
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as { raw: (sql: string) => Promise<unknown> }
  await pg.raw(`vacuum analyze "income_daily"`)
  await pg.raw(`vacuum analyze "income_fact"`)
}
