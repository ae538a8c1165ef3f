import { createHash } from "node:crypto"
import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import { pinyin } from "pinyin-pro"
import { cjkTerms } from "../../lib/cjk-terms"

/**
 * A Search-module provider on plain PostgreSQL (pg_trgm at most) that finds Chinese produce:
 * every document's searchable text is indexed as CJK terms (each Han character and each pair of
 * neighbours, whole Latin words) plus the pinyin and initials of its Chinese title, so 米, 大米,
 * "luochuan" and "lchfspg" all find 五常稻花香大米 / 洛川红富士苹果.
 *
 * SQL uses `?` placeholders (the Search module's manager is MikroORM's, which runs knex raw SQL);
 * every value is a parameter. Identifiers come only from index definitions and are checked.
 */

export type DbManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
  transactional?: <T>(cb: (manager: DbManager) => Promise<T>) => Promise<T>
}

export type PostgresCjkSearchOptions = {
  /** Longest accepted query, in characters (default 200). */
  maxQueryLength?: number
}

type Field = SearchTypes.SearchIndexDefinition["fields"][string]

const PROVIDER_KEY = "postgres-cjk"
const CATALOG = "tianyuan_search_index"
const HAN = /\p{Script=Han}/u
const LATIN_WORD = /^[\p{L}\p{N}]+$/u

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

export function tableNameFor(physicalName: string): string {
  const safe = physicalName.toLowerCase().replace(/[^a-z0-9_]/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "")
  if (!safe) invalid(`Cannot derive a table name from index "${physicalName}"`)
  const name = `tysearch_${safe}`
  if (name.length <= 55) return name
  return `${name.slice(0, 46)}_${createHash("md5").update(physicalName).digest("hex").slice(0, 8)}`
}

/** Flattened field paths ("origin.county_code") of a definition, with their definitions. */
function flattenFields(fields: Record<string, Field>, prefix = ""): Map<string, Field> {
  const out = new Map<string, Field>()
  for (const [name, field] of Object.entries(fields ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    out.set(path, field)
    if (field.type === "object" && field.fields) {
      for (const [p, f] of flattenFields(field.fields, path)) out.set(p, f)
    }
  }
  return out
}

function readPath(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split(".")) {
    if (Array.isArray(value)) {
      value = value.flatMap((v) => (v && typeof v === "object" ? [(v as Record<string, unknown>)[key]] : []))
    } else if (value && typeof value === "object") {
      value = (value as Record<string, unknown>)[key]
    } else {
      return undefined
    }
  }
  return value
}

function textsOf(value: unknown): string[] {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap(textsOf)
  if (typeof value === "object") return Object.values(value as object).flatMap(textsOf)
  return [String(value)]
}

function wantsPinyin(path: string, field: Field): boolean {
  const opt = field.provider_options?.[PROVIDER_KEY]?.pinyin
  if (typeof opt === "boolean") return opt
  return /(^|\.)title(_zh)?$/.test(path)
}

/**
 * Pinyin of each Han run, as words for search_text: every suffix of the syllables joined
 * ("luochuanhongfushipingguo", "chuanhongfushipingguo", …, "pingguo", "guo") and every suffix of the
 * initials ("lchfspg", …, "pg"), so a Latin query word matching a word's start finds any contiguous
 * run of syllables or initials. `syllables` are the single syllables (for typo-tolerant terms).
 */
export function pinyinTerms(text: string): { words: string[]; syllables: string[] } {
  const words = new Set<string>()
  const syllables = new Set<string>()
  for (const [run] of text.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const full = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
    const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
    full.forEach((syllable, i) => {
      syllables.add(syllable)
      words.add(full.slice(i).join(""))
      if (i < full.length - 1) words.add(initials.slice(i).join(""))
    })
    words.add(full.join(""))
  }
  return { words: [...words], syllables: [...syllables] }
}

/** Lower-cased words (Han runs, Latin/digit words) separated by single spaces, with a space at each end. */
export function wordText(parts: string[]): string {
  const words: string[] = []
  for (const part of parts) {
    for (const [run] of part.normalize("NFKC").toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) words.push(run)
  }
  return ` ${words.join(" ")} `
}

/**
 * A PostgreSQL array literal ('{"a","b"}'), passed as one text parameter and cast with ::text[].
 * Arrays are never passed as parameters themselves: MikroORM's execute() (the Search module's
 * manager) inlines parameters with its own escaping and turns a JS array into a comma list.
 */
export function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
}

type Compiled = { sql: string; params: unknown[] }

export class PostgresCjkSearchService extends AbstractSearchProviderService {
  static override identifier = PROVIDER_KEY

  protected readonly manager_: DbManager
  protected readonly logger_?: Logger
  protected readonly maxQueryLength_: number

  constructor({ manager, logger }: { manager: DbManager; logger?: Logger }, options: PostgresCjkSearchOptions = {}) {
    super()
    if (!manager?.execute) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "postgres-cjk search needs a database manager")
    }
    this.manager_ = manager
    this.logger_ = logger
    this.maxQueryLength_ = options.maxQueryLength ?? 200
  }

  protected async ensureCatalog(): Promise<void> {
    await this.manager_.execute(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
    await this.manager_.execute(`CREATE TABLE IF NOT EXISTS "${CATALOG}" (
      "name" text PRIMARY KEY,
      "table_name" text NOT NULL,
      "definition" jsonb NOT NULL,
      "document_count" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`)
  }

  protected async catalog(name: string): Promise<{ table: string; fields: Map<string, Field>; definition: any }> {
    let rows: any[] = []
    try {
      rows = await this.manager_.execute(`SELECT * FROM "${CATALOG}" WHERE "name" = ?`, [name])
    } catch {
      rows = []
    }
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Search index "${name}" does not exist`)
    const definition = typeof rows[0].definition === "string" ? JSON.parse(rows[0].definition) : rows[0].definition
    return { table: tableNameFor(name), fields: flattenFields(definition.fields), definition }
  }

  protected task(index: string): SearchTypes.SearchTask {
    return { index, status: "succeeded" }
  }

  override async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const name = index.physical_name
    const table = tableNameFor(name)
    await this.ensureCatalog()
    await this.manager_.execute(`CREATE TABLE IF NOT EXISTS "${table}" (
      "id" text PRIMARY KEY,
      "document" jsonb NOT NULL,
      "title_text" text NOT NULL DEFAULT '',
      "search_text" text NOT NULL DEFAULT '',
      "terms" text[] NOT NULL DEFAULT '{}',
      "indexed_at" timestamptz NOT NULL DEFAULT now())`)
    await this.manager_.execute(`CREATE INDEX IF NOT EXISTS "${table}_terms_idx" ON "${table}" USING GIN ("terms")`)
    await this.manager_.execute(
      `CREATE INDEX IF NOT EXISTS "${table}_trgm_idx" ON "${table}" USING GIN ("search_text" gin_trgm_ops)`
    )
    await this.manager_.execute(
      `CREATE INDEX IF NOT EXISTS "${table}_doc_idx" ON "${table}" USING GIN ("document" jsonb_path_ops)`
    )
    // The Latin vocabulary (4+ letters) for typo tolerance: a trigram-indexed list of terms, so a
    // misspelt word finds its candidate terms through the index, then documents through "terms".
    await this.manager_.execute(`CREATE TABLE IF NOT EXISTS "${table}_v" ("term" text PRIMARY KEY)`)
    await this.manager_.execute(
      `CREATE INDEX IF NOT EXISTS "${table}_v_trgm_idx" ON "${table}_v" USING GIN ("term" gin_trgm_ops)`
    )
    // Only what a search needs is stored: the functions (seed/consume) are not serialisable.
    const definition = { name: index.name, entity: index.entity, primary_key: index.primary_key, fields: index.fields }
    await this.manager_.execute(
      `INSERT INTO "${CATALOG}" ("name", "table_name", "definition") VALUES (?, ?, ?::jsonb)
       ON CONFLICT ("name") DO UPDATE SET "definition" = EXCLUDED."definition", "updated_at" = now()`,
      [name, table, JSON.stringify(definition)]
    )
    return this.task(name)
  }

  override async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    await this.manager_.execute(`DROP TABLE IF EXISTS "${tableNameFor(index)}"`)
    await this.manager_.execute(`DROP TABLE IF EXISTS "${tableNameFor(index)}_v"`)
    await this.manager_.execute(`DELETE FROM "${CATALOG}" WHERE "name" = ?`, [index])
    return this.task(index)
  }

  override async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    await this.ensureCatalog()
    const rows = await this.manager_.execute(`SELECT * FROM "${CATALOG}" ORDER BY "name"`)
    return rows.map((row) => ({
      name: row.name,
      provider: PROVIDER_KEY,
      document_count: Number(row.document_count),
      created_at: new Date(row.created_at),
      updated_at: new Date(row.updated_at),
    }))
  }

  protected async refreshCount(name: string, table: string): Promise<void> {
    await this.manager_.execute(
      `UPDATE "${CATALOG}" SET "document_count" = (SELECT count(*) FROM "${table}"), "updated_at" = now() WHERE "name" = ?`,
      [name]
    )
  }

  /** The text columns of one document: title text, all searchable text (+ pinyin) and its terms. */
  protected project(doc: SearchTypes.SearchDocument, fields: Map<string, Field>) {
    const titles: string[] = []
    const texts: string[] = []
    const terms = new Set<string>()
    for (const [path, field] of fields) {
      if (!field.searchable || field.type === "object") continue
      const values = textsOf(readPath(doc, path))
      for (const value of values) {
        texts.push(value)
        cjkTerms(value).forEach((t) => terms.add(t))
        if (wantsPinyin(path, field) && HAN.test(value)) {
          titles.push(value)
          const { words, syllables } = pinyinTerms(value)
          texts.push(...words)
          syllables.forEach((t) => terms.add(t))
          terms.add(words[0])
        } else if (/(^|\.)title/.test(path)) {
          titles.push(value)
        }
      }
    }
    return { title: wordText(titles), text: wordText(texts), terms: [...terms] }
  }

  override async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const { table } = await this.catalog(index)
    const fields = flattenFields(definition.fields)
    const key = definition.primary_key || "id"
    const batch = 500
    // The last version of a document wins (one INSERT … ON CONFLICT cannot touch a row twice).
    const byId = new Map<string, SearchTypes.SearchDocument>()
    for (const doc of documents) byId.set(String((doc as Record<string, unknown>)[key] ?? doc.id), doc)
    const unique = [...byId.entries()]
    for (let i = 0; i < unique.length; i += batch) {
      const slice = unique.slice(i, i + batch).map(([id, doc]) => ({ id, doc, p: this.project(doc, fields) }))
      const params: unknown[] = []
      const values = slice.map(({ id, doc, p }) => {
        params.push(id, JSON.stringify(doc), p.title, p.text, pgArray(p.terms))
        return `(?, ?::jsonb, ?, ?, ?::text[], now())`
      })
      if (!values.length) continue
      await this.manager_.execute(
        `INSERT INTO "${table}" ("id", "document", "title_text", "search_text", "terms", "indexed_at")
         VALUES ${values.join(", ")}
         ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document", "title_text" = EXCLUDED."title_text",
           "search_text" = EXCLUDED."search_text", "terms" = EXCLUDED."terms", "indexed_at" = now()`,
        params
      )
      const vocabulary = new Set<string>()
      for (const { p } of slice) {
        for (const term of p.terms) {
          if (!HAN.test(term) && [...term].length >= 4) vocabulary.add(term)
        }
      }
      if (vocabulary.size) {
        // Terms of removed documents stay: they only widen the candidates, never the hits.
        await this.manager_.execute(
          `INSERT INTO "${table}_v" ("term") SELECT unnest(?::text[]) ON CONFLICT DO NOTHING`,
          [pgArray([...vocabulary])]
        )
      }
    }
    await this.refreshCount(index, table)
    return this.task(index)
  }

  override async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const { table, fields } = await this.catalog(index)
    const where = this.compileFilters(filters ?? {}, fields, true)
    if (!where) invalid("deleteDocuments needs filters (use clearIndex to remove everything)")
    await this.manager_.execute(`DELETE FROM "${table}" WHERE ${where.sql}`, where.params)
    await this.refreshCount(index, table)
    return this.task(index)
  }

  override async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const { table } = await this.catalog(index)
    await this.manager_.execute(`DELETE FROM "${table}"`)
    await this.refreshCount(index, table)
    return this.task(index)
  }

  // ---- filters -------------------------------------------------------------------------------

  protected fieldFor(path: string, fields: Map<string, Field>, need: "filterable" | "sortable" | "facetable", internal = false): Field {
    if (path === "id") return { type: "keyword" } as Field
    const field = fields.get(path)
    if (!field) invalid(`Unknown field "${path}"`)
    if (!internal && !field[need]) invalid(`Field "${path}" is not ${need}`)
    return field
  }

  /** `(document #> ?::text[])` with the path as a parameter. */
  protected jsonPath(path: string, params: unknown[]): string {
    if (path === "id") return `to_jsonb("id")`
    params.push(pgArray(path.split(".")))
    return `("document" #> ?::text[])`
  }

  protected scalarSql(field: Field, value: unknown, params: unknown[]): string {
    switch (field.type) {
      case "integer":
      case "float": {
        const n = Number(value)
        if (!Number.isFinite(n)) invalid(`Expected a number, got ${JSON.stringify(value)}`)
        params.push(n)
        return `to_jsonb(?::numeric)`
      }
      case "boolean":
        if (typeof value !== "boolean" && value !== "true" && value !== "false") invalid(`Expected a boolean`)
        params.push(value === true || value === "true")
        return `to_jsonb(?::boolean)`
      default:
        params.push(value instanceof Date ? value.toISOString() : String(value))
        return `to_jsonb(?::text)`
    }
  }

  protected eqSql(path: string, field: Field, value: unknown, params: unknown[]): string {
    const target = this.jsonPath(path, params)
    if (value === null) return `(${target} IS NULL OR ${target} = 'null'::jsonb)`
    const scalar = this.scalarSql(field, value, params)
    if (field.array) return `${target} @> jsonb_build_array(${scalar})`
    return `${target} = ${scalar}`
  }

  protected rangeSql(path: string, field: Field, op: string, value: unknown, params: unknown[]): string {
    const sqlOp = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" }[op]!
    let text = `"id"`
    if (path !== "id") {
      params.push(pgArray(path.split(".")))
      text = `("document" #>> ?::text[])`
    }
    if (field.type === "integer" || field.type === "float") {
      const n = Number(value)
      if (!Number.isFinite(n)) invalid(`Expected a number for ${op} on "${path}"`)
      params.push(n)
      return `(${text})::numeric ${sqlOp} ?::numeric`
    }
    if (field.type === "date") {
      const d = new Date(value as string)
      if (Number.isNaN(d.getTime())) invalid(`Expected a date for ${op} on "${path}"`)
      params.push(d.toISOString())
      return `(${text})::timestamptz ${sqlOp} ?::timestamptz`
    }
    params.push(String(value))
    return `${text} ${sqlOp} ?`
  }

  protected fieldCondition(path: string, value: unknown, fields: Map<string, Field>, params: unknown[], internal: boolean): string {
    const field = this.fieldFor(path, fields, "filterable", internal)
    if (value === null || typeof value !== "object" || value instanceof Date) {
      return this.eqSql(path, field, value, params)
    }
    if (Array.isArray(value)) return this.fieldCondition(path, { $in: value }, fields, params, internal)
    const parts: string[] = []
    for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
      switch (op) {
        case "$eq":
          parts.push(this.eqSql(path, field, operand, params))
          break
        case "$ne":
          parts.push(`NOT (${this.eqSql(path, field, operand, params)})`)
          break
        case "$contains": {
          const all = Array.isArray(operand) ? operand : [operand]
          parts.push(all.length ? all.map((v) => this.eqSql(path, field, v, params)).join(" AND ") : "TRUE")
          break
        }
        case "$overlaps":
        case "$in":
        case "$nin": {
          if (!Array.isArray(operand)) invalid(`${op} on "${path}" needs an array`)
          const any = operand.length
            ? `(${operand.map((v) => this.eqSql(path, field, v, params)).join(" OR ")})`
            : "FALSE"
          parts.push(op === "$nin" ? `NOT ${any}` : any)
          break
        }
        case "$lt":
        case "$lte":
        case "$gt":
        case "$gte":
          parts.push(this.rangeSql(path, field, op, operand, params))
          break
        case "$exists": {
          const target = this.jsonPath(path, params)
          parts.push(operand ? `(${target} IS NOT NULL AND ${target} <> 'null'::jsonb)` : `(${target} IS NULL OR ${target} = 'null'::jsonb)`)
          break
        }
        case "$prefix": {
          params.push(pgArray(path.split(".")), String(operand).replace(/[\\%_]/g, "\\$&") + "%")
          parts.push(`("document" #>> ?::text[]) LIKE ?`)
          break
        }
        default:
          invalid(`Unsupported filter operator ${op} on "${path}"`)
      }
    }
    return parts.length ? parts.join(" AND ") : "TRUE"
  }

  /** SearchFilters → a WHERE fragment; `q` is ignored here (it is the text query). */
  compileFilters(filters: SearchTypes.SearchFilters, fields: Map<string, Field>, internal = false): Compiled | undefined {
    const params: unknown[] = []
    const walk = (f: SearchTypes.SearchFilters): string | undefined => {
      const parts: string[] = []
      for (const [key, value] of Object.entries(f ?? {})) {
        if (value === undefined || key === "q") continue
        if (key === "$and" || key === "$or") {
          const subs = (value as SearchTypes.SearchFilters[]).map(walk).filter(Boolean) as string[]
          if (subs.length) parts.push(`(${subs.join(key === "$and" ? " AND " : " OR ")})`)
        } else if (key === "$not") {
          const sub = walk(value as SearchTypes.SearchFilters)
          if (sub) parts.push(`NOT (${sub})`)
        } else {
          parts.push(`(${this.fieldCondition(key, value, fields, params, internal)})`)
        }
      }
      return parts.length ? parts.join(" AND ") : undefined
    }
    const sql = walk(filters)
    return sql ? { sql, params } : undefined
  }

  // ---- text query ----------------------------------------------------------------------------

  /** A WHERE fragment for the text query and a relevance expression, both parameterised. */
  protected compileQuery(table: string, q: string, typoTolerance = true): { match: Compiled; rank: Compiled } | undefined {
    const query = q.normalize("NFKC").toLowerCase().trim()
    if (!query) return undefined
    const conditions: string[] = []
    const params: unknown[] = []
    const escape = (s: string) => s.replace(/[\\%_]/g, "\\$&")
    const like = (s: string) => `%${escape(s)}%`
    // search_text is space-separated words with a space at each end: a Latin query word matches the start of a word.
    const wordStart = (s: string) => `% ${escape(s)}%`
    for (const [run] of query.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
      if (HAN.test(run)) {
        // One or two characters: that term. Longer runs ("洛川苹果" for 洛川红富士苹果): every character,
        // and at least half of the bigrams (words need not be adjacent in the title).
        const chars = [...run]
        const bigrams = chars.slice(0, -1).map((c, i) => c + chars[i + 1])
        if (chars.length <= 2) {
          params.push(pgArray(chars.length === 1 ? chars : bigrams))
          conditions.push(`"terms" @> ?::text[]`)
        } else {
          params.push(pgArray([...new Set(chars)]), pgArray(bigrams), bigrams.length)
          conditions.push(
            `("terms" @> ?::text[] AND (SELECT count(*) FROM unnest(?::text[]) AS b(term) WHERE b.term = ANY("terms")) * 2 >= ?)`
          )
        }
      } else if (LATIN_WORD.test(run)) {
        // Latin words (English, pinyin, initials) match inside the searchable text; 5+ letters may
        // carry one typo: a term whose trigram similarity is high and length differs by at most one.
        if (typoTolerance && [...run].length >= 5) {
          params.push(wordStart(run), run, run, run, run)
          conditions.push(
            `("search_text" LIKE ? OR "terms" && ARRAY(SELECT v."term" FROM "${table}_v" AS v
               WHERE v."term" % ? AND abs(length(v."term") - length(?)) <= 1 AND similarity(v."term", ?) >= 0.35
               AND left(v."term", 1) = left(?, 1)))`
          )
        } else {
          params.push(wordStart(run))
          conditions.push(`"search_text" LIKE ?`)
        }
      }
    }
    if (!conditions.length) {
      // Only punctuation/symbols: nothing can match, but it is a valid query.
      return { match: { sql: "FALSE", params: [] }, rank: { sql: "0", params: [] } }
    }
    return {
      match: { sql: conditions.join(" AND "), params },
      rank: {
        sql: `(CASE WHEN "title_text" LIKE ? THEN 2 ELSE 0 END + CASE WHEN "search_text" LIKE ? THEN 1 ELSE 0 END
               + 1.0 / (1 + length("title_text")))`,
        params: [like(wordText([query]).trim()), like(wordText([query]).trim())],
      },
    }
  }

  protected orderSql(order: Record<string, string> | undefined, fields: Map<string, Field>, hasQuery: boolean, params: unknown[]): string {
    const parts: string[] = []
    for (const [path, dirRaw] of Object.entries(order ?? {})) {
      const dir = String(dirRaw).toUpperCase() === "DESC" ? "DESC" : "ASC"
      if (path === "_score") {
        if (hasQuery) parts.push(`"_score" ${dir}`)
        continue
      }
      const field = this.fieldFor(path, fields, "sortable")
      params.push(pgArray(path.split(".")))
      const text = `("document" #>> ?::text[])`
      const expr =
        field.type === "integer" || field.type === "float"
          ? `(${text})::numeric`
          : field.type === "date"
            ? `(${text})::timestamptz`
            : field.type === "boolean"
              ? `(${text})::boolean`
              : text
      parts.push(`${expr} ${dir} NULLS LAST`)
    }
    if (!parts.length && hasQuery) parts.push(`"_score" DESC`)
    parts.push(`"id" ASC`)
    return parts.join(", ")
  }

  protected project_(document: Record<string, unknown>, attributes: string[] | undefined): Record<string, unknown> {
    if (!attributes?.length || attributes.includes("*")) return document
    const out: Record<string, unknown> = {}
    for (const attr of attributes) {
      const top = attr.split(".")[0]
      if (top in document) out[top] = document[top]
    }
    if (!("id" in out) && "id" in document) out.id = document.id
    return out
  }

  override async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const started = Date.now()
    const q = input.q ?? (typeof input.filters?.q === "string" ? input.filters.q : undefined)
    if (q != null && typeof q !== "string") invalid("The query must be a string")
    if (q && [...q].length > this.maxQueryLength_) {
      invalid(`The query is longer than ${this.maxQueryLength_} characters`)
    }
    const { table, fields } = await this.catalog(input.index.physical_name)
    const skip = Math.max(0, Math.floor(Number(input.pagination?.skip ?? 0)) || 0)
    const take = Math.min(1000, Math.max(0, Math.floor(Number(input.pagination?.take ?? 20)) || 0))

    const text = q ? this.compileQuery(table, q, input.search_options?.typo_tolerance !== false) : undefined
    const filters = this.compileFilters(input.filters ?? {}, fields)

    const whereParams: unknown[] = []
    const where: string[] = []
    if (text) {
      where.push(`(${text.match.sql})`)
      whereParams.push(...text.match.params)
    }
    if (filters) {
      where.push(`(${filters.sql})`)
      whereParams.push(...filters.params)
    }
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : ""

    const rankSql = text ? text.rank.sql : "0"
    const rankParams = text ? text.rank.params : []
    const orderParams: unknown[] = []
    const orderSql = this.orderSql(input.pagination?.order, fields, !!text, orderParams)

    const wantCount = input.search_options?.count !== "none"
    // The total rides on the hits (a window before LIMIT); a page past the end (or take 0) asks again.
    const hitRows = await this.manager_.execute(
      `SELECT "id", "document", "_score"${wantCount ? `, count(*) OVER () AS "_total"` : ""} FROM (
         SELECT "id", "document", ${rankSql} AS "_score" FROM "${table}" ${whereSql}
       ) AS hits ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
      [...rankParams, ...whereParams, ...orderParams, take, skip]
    )
    let count: number | null = null
    if (wantCount) {
      count = hitRows.length
        ? Number(hitRows[0]._total)
        : Number(
            (await this.manager_.execute(`SELECT count(*)::int AS "count" FROM "${table}" ${whereSql}`, whereParams))[0]
              .count
          )
    }

    const facets = await this.facets(table, fields, input.search_options?.facets, whereSql, whereParams)

    return {
      hits: hitRows.map((row) => {
        const document = typeof row.document === "string" ? JSON.parse(row.document) : row.document
        return {
          id: row.id,
          score: Number(row._score),
          document: this.project_(document, input.attributes_to_retrieve),
        }
      }),
      ...(facets ? { facets } : {}),
      metadata: {
        skip,
        take,
        count,
        ...(q ? { query: q } : {}),
        processing_time_ms: Date.now() - started,
      },
    }
  }

  protected async facets(
    table: string,
    fields: Map<string, Field>,
    requests: (string | SearchTypes.SearchFacetRequest)[] | undefined,
    whereSql: string,
    whereParams: unknown[]
  ): Promise<Record<string, SearchTypes.SearchFacetResult> | undefined> {
    if (!requests?.length) return undefined
    const out: Record<string, SearchTypes.SearchFacetResult> = {}
    for (const raw of requests) {
      const request: SearchTypes.SearchFacetRequest = typeof raw === "string" ? { field: raw } : raw
      this.fieldFor(request.field, fields, "facetable")
      const path = pgArray(request.field.split("."))
      if (request.type === "range") {
        const ranges = []
        for (const range of request.ranges) {
          const params: unknown[] = [path]
          const conds = [`("document" #>> ?::text[]) IS NOT NULL`]
          if (range.from != null) {
            params.push(path, Number(range.from))
            conds.push(`("document" #>> ?::text[])::numeric >= ?::numeric`)
          }
          if (range.to != null) {
            params.push(path, Number(range.to))
            conds.push(`("document" #>> ?::text[])::numeric < ?::numeric`)
          }
          const scope = whereSql ? `${whereSql} AND ` : "WHERE "
          const [row] = await this.manager_.execute(
            `SELECT count(*)::int AS "count" FROM "${table}" ${scope}${conds.join(" AND ")}`,
            [...whereParams, ...params]
          )
          ranges.push({ key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`, from: range.from, to: range.to, count: Number(row.count) })
        }
        out[request.field] = { type: "range", ranges }
        continue
      }
      if (request.type === "stats") {
        const [row] = await this.manager_.execute(
          `SELECT min(v)::float AS min, max(v)::float AS max, avg(v)::float AS avg, sum(v)::float AS sum, count(v)::int AS count
           FROM (SELECT ("document" #>> ?::text[])::numeric AS v FROM "${table}" ${whereSql}) s`,
          [path, ...whereParams]
        )
        out[request.field] = { type: "stats", min: Number(row.min), max: Number(row.max), avg: Number(row.avg), sum: Number(row.sum), count: Number(row.count) }
        continue
      }
      const limit = Math.min(1000, Math.max(1, Number(request.limit ?? 100)))
      const orderBy = request.sort === "alpha" ? `"value" ASC` : `"count" DESC, "value" ASC`
      const rows = await this.manager_.execute(
        `SELECT v.value AS "value", count(*)::int AS "count"
         FROM (SELECT "document" #> ?::text[] AS j FROM "${table}" ${whereSql}) d
         CROSS JOIN LATERAL jsonb_array_elements_text(
           CASE jsonb_typeof(d.j) WHEN 'array' THEN d.j WHEN 'null' THEN '[]'::jsonb ELSE jsonb_build_array(d.j) END) AS v(value)
         WHERE d.j IS NOT NULL
         GROUP BY v.value ORDER BY ${orderBy} LIMIT ?`,
        [path, ...whereParams, limit + 1]
      )
      out[request.field] = {
        type: "value",
        values: rows.slice(0, limit).map((r) => ({ value: String(r.value), count: Number(r.count) })),
      }
    }
    return out
  }
}
