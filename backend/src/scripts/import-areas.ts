import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SingleBar, Presets } from "cli-progress"
import { importAdminAreas, type AreaImportScope } from "@tianyuan/village/lib/area-import"
import { scriptArgs } from "../lib/script-args"

/**
 * `npm run areas:import` → all of China's ~665,000 administrative areas (620,000 villages);
 * `npm run areas:import -- --counties=610629,230184` → the provinces plus those counties in full.
 * Safe to run again: unchanged rows are left alone.
 */
export default async function importAreas({ container, args: execArgs }: ExecArgs) {
  const args = scriptArgs(execArgs)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const counties = args.find((arg) => arg.startsWith("--counties="))?.slice("--counties=".length)
  const scope: AreaImportScope = counties ? { kind: "counties", codes: counties.split(",").filter(Boolean) } : { kind: "all" }
  const bar = new SingleBar({ format: " {level} [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic)
  let level = ""
  const result = await importAdminAreas(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), scope, (progress) => {
    if (progress.level !== level) {
      if (level) bar.stop()
      level = progress.level
      bar.start(progress.total, 0, { level: level.padEnd(8) })
    }
    bar.update(progress.done, { level: level.padEnd(8) })
  })
  if (level) bar.stop()
  logger.info(
    `Imported ${result.rows} areas (${result.changed} new or changed) in ${result.seconds.toFixed(1)} s — ${Math.round(result.rows / result.seconds)} rows/s`
  )
}
