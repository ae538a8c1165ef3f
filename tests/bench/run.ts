import os from "node:os"
import { benchAreas } from "./areas"
import { benchCheckout } from "./checkout"
import { benchFoundation } from "./foundation"
import { benchIncome } from "./income"
import { benchPages } from "./pages"
import { benchPhotos } from "./photos"
import { benchSearch } from "./search"
import { benchThroughput } from "./throughput"

/** `npm run bench [name]`: runs the named benchmark (all when none is named) and prints its figures. */
const benches: Record<string, () => Promise<unknown>> = {
  foundation: benchFoundation,
  areas: benchAreas,
  pages: benchPages,
  photos: benchPhotos,
  checkout: benchCheckout,
  income: benchIncome,
  search: benchSearch,
  throughput: benchThroughput,
}

async function main() {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith("-"))
  const selected = names.length > 0 ? names : Object.keys(benches)
  console.log(`${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`)
  for (const name of selected) {
    const bench = benches[name]
    if (!bench) {
      throw new Error(`Unknown benchmark ${name}: choose from ${Object.keys(benches).join(", ")}`)
    }
    console.log(`\n## ${name}`)
    await bench()
  }
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
