import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SingleBar, Presets } from "cli-progress"
import { chinaDay } from "@tianyuan/marketplace/lib/income-facts"
import { checkIncome, periodFromArgs } from "@tianyuan/marketplace/lib/income-rebuild"
import { scriptArgs } from "../lib/script-args"

/**
 * `npm run income:check -- --from=2026-01-01 --to=2026-12-31`: derives the daily income rollups the
 * orders call for and compares them with the stored ones, printing every difference. Exit code 1
 * when there is any (then `npm run income:rebuild` with the same period repairs them).
 */
export default async function incomeCheck({ container, args: execArgs }: ExecArgs) {
  const args = scriptArgs(execArgs)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const period = periodFromArgs(args, chinaDay(new Date()))
  logger.info(`Checking village income from ${period.from} to ${period.to} against the orders…`)
  const bar = new SingleBar({ format: " orders [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic)
  bar.start(1, 0)
  const result = await checkIncome(container, period, (done, total) => {
    bar.setTotal(Math.max(1, total))
    bar.update(done)
  })
  bar.stop()
  for (const difference of result.differences.slice(0, 200)) {
    const { day, village_code, cooperative_id, product_id, farmer_member_id, unit } = difference.key
    console.log(
      `${day} village ${village_code} cooperative ${cooperative_id} produce ${product_id} farmer ${farmer_member_id || "-"} ${unit}: ` +
        `${difference.field} expected ${difference.expected}, stored ${difference.actual}`
    )
  }
  if (result.differences.length > 200) console.log(`… and ${result.differences.length - 200} more`)
  if (result.differences.length > 0) {
    logger.error(`${result.differences.length} differences in ${result.rows} rollup rows (${result.orders} orders): run npm run income:rebuild -- --from=${period.from} --to=${period.to}`)
    process.exitCode = 1
    return
  }
  logger.info(`No differences: ${result.rows} rollup rows agree with ${result.orders} orders.`)
}
