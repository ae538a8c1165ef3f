import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { onSearchSeedProgress } from "@tianyuan/marketplace/lib/search-progress"
import { Presets, SingleBar } from "cli-progress"
import { scriptArgs } from "../lib/script-args"

/**
 * `npm run search:reindex` → rebuilds every search index (today: `produce`) from the database with the
 * Search module's own reindex: a new physical index is filled beside the live one and swapped in when
 * complete, so searches keep working meanwhile. `-- --index=produce` names the indexes to rebuild.
 */
export default async function reindexSearch({ container, args: execArgs }: ExecArgs) {
  const args = scriptArgs(execArgs)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const searchModule = container.resolve(Modules.SEARCH)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const declared = (await searchModule.listIndexes()).map((index) => index.name)
  const named = args.find((arg) => arg.startsWith("--index="))?.slice("--index=".length)
  const wanted = named ? named.split(",").filter(Boolean) : declared
  const unknown = wanted.filter((name) => !declared.includes(name))
  if (unknown.length) {
    throw new Error(`No search index named ${unknown.join(", ")}; the indexes are: ${declared.join(", ") || "(none)"}`)
  }

  for (const name of wanted) {
    const index = searchModule.getIndex(name)
    const { metadata } = await query.graph({ entity: index.entity, fields: ["id"], pagination: { skip: 0, take: 1 } })
    const total = metadata?.count ?? 0
    const bar = new SingleBar(
      {
        format: ` ${name} [{bar}] {percentage}% · {value}/{total} ${index.entity}s read · {indexed} indexed · {rate}/s`,
        hideCursor: true,
        // Through the launcher the output is a pipe, not a terminal: then a line every second.
        noTTYOutput: true,
        notTTYSchedule: 1000,
      },
      Presets.shades_classic
    )
    let read = 0
    let indexed = 0
    const started = Date.now()
    const rate = () => Math.round(indexed / Math.max((Date.now() - started) / 1000, 0.001))
    bar.start(total, 0, { indexed: 0, rate: 0 })
    // The catch-up pass after the bulk one re-reads only what changed meanwhile: not new progress.
    const stop = onSearchSeedProgress((progress) => {
      if (progress.index !== name || progress.catchup) return
      read += progress.read
      indexed += progress.indexed
      bar.setTotal(Math.max(total, read))
      bar.update(read, { indexed, rate: rate() })
    })
    try {
      await searchModule.reindex({ index: name })
    } finally {
      stop()
      bar.stop()
    }
    const seconds = (Date.now() - started) / 1000
    logger.info(`Reindexed "${name}": ${indexed} documents from ${read} ${index.entity}s in ${seconds.toFixed(1)} s — ${rate()} documents/s`)
  }
}
