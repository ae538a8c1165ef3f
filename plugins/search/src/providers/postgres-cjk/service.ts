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
 * Layout (see docs/search-notes.md, "postgres-cjk at 100,000 documents"): one narrow row per document
 * — typed columns for every filterable, sortable or facetable field, extracted at upsert, a short
 * `title_text` for ranking and the `terms` array behind one GIN index — with the document and the terms
 * themselves pushed out of line (TOAST), so a query reads small rows and a search is one statement: the
 * matches materialised once, then the page, the total and every facet computed from them.
 *
 * SQL values are written as literals by `literal()` and statements run without parameters: the Search
 * module's manager is MikroORM's, whose execute() inlines parameters itself and then hands the text to
 * knex, which turns every `?` left in it — inside a quoted value too — into a `$n` placeholder. Values
 * therefore never contain a `?` in the SQL text (it is spelt `chr(63)`). Identifiers come only from
 * index definitions and are sanitised.
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
/** Runs one search statement (as text) and returns its JSON: with the GIN index forced, or as planned. */
const GIN_FUNCTION = "tysearch_gin_v3"
const PLAIN_FUNCTION = "tysearch_plain_v3"
/** Bumped when the physical table layout changes; an index of an older layout is rebuilt from its documents. */
const LAYOUT = 4
const HAN = /\p{Script=Han}/u
const LATIN_WORD = /^[\p{L}\p{N}]+$/u
const BATCH = 500
/** Rows longer than this have their document and terms moved out of line (TOAST). */
const TOAST_TARGET = 512
/** Latin terms this long or longer go into the vocabulary that typo tolerance searches. */
const TYPO_MIN_TERM = 4
/** How long a process trusts its copy of an index's catalog row (another process may migrate it). */
const CATALOG_TTL_MS = 30_000

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

/** A SQL string literal that is safe whatever the value and whatever inlines it later (see the header). */
export function literal(value: string): string {
  const body = value.replace(/\u0000/g, "").replace(/\\/g, "\\\\").replace(/'/g, "''")
  if (!body.includes("?")) return `E'${body}'`
  return `(${body
    .split("?")
    .map((part) => `E'${part}'`)
    .join(" || chr(63) || ")})`
}

/**
 * A PostgreSQL array literal ('{"a","b"}') as text, to be cast (::text[]). Never passed as a parameter:
 * MikroORM's execute() turns a JS array into a comma list.
 */
export function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
}

type FlatField = { field: Field; array: boolean }

/** Flattened field paths ("origin.county_code") with their definitions; `array` when the field or an ancestor is one. */
function flattenFields(fields: Record<string, Field>, prefix = "", inArray = false): Map<string, FlatField> {
  const out = new Map<string, FlatField>()
  for (const [name, field] of Object.entries(fields ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    const array = inArray || !!field.array
    out.set(path, { field, array })
    if (field.type === "object" && field.fields) {
      for (const [p, f] of flattenFields(field.fields, path, array)) out.set(p, f)
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

/** Fields ranked as the title: `title`, `title_en`, `title_zh`… (not `title_pinyin`: postgres-cjk derives its own). */
const isTitle = (path: string) => /(^|\.)title(_[a-z]{2})?$/.test(path)

/**
 * Pinyin of each Han run, as words: every suffix of the syllables joined ("luochuanhongfushipingguo",
 * "chuanhongfushipingguo", …, "pingguo", "guo") and every suffix of the initials ("lchfspg", …, "pg"),
 * so a Latin query word matching a word's start finds any contiguous run of syllables or initials.
 * `syllables` are the single syllables; `joined` the whole pinyin and initials of each run (for ranking).
 */
export function pinyinTerms(text: string): { words: string[]; syllables: string[]; joined: string[] } {
  const cached = pinyinCache.get(text)
  if (cached) return cached
  const result = computePinyinTerms(text)
  // Area names, varieties and titles repeat across documents; pinyin-pro is the slowest step of an upsert.
  if (pinyinCache.size >= 50_000) pinyinCache.clear()
  pinyinCache.set(text, result)
  return result
}

const pinyinCache = new Map<string, { words: string[]; syllables: string[]; joined: string[] }>()

const termsCache = new Map<string, string[]>()

/** cjkTerms, remembered: area, category and cooperative names repeat across thousands of documents. */
function textTerms(text: string): string[] {
  let terms = termsCache.get(text)
  if (!terms) {
    if (termsCache.size >= 50_000) termsCache.clear()
    termsCache.set(text, (terms = cjkTerms(text)))
  }
  return terms
}

function computePinyinTerms(text: string): { words: string[]; syllables: string[]; joined: string[] } {
  const words = new Set<string>()
  const syllables = new Set<string>()
  const joined: string[] = []
  for (const [run] of text.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const full = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
    const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
    full.forEach((syllable, i) => {
      syllables.add(syllable)
      words.add(full.slice(i).join(""))
      if (i < full.length - 1) words.add(initials.slice(i).join(""))
    })
    joined.push(full.join(""), initials.join(""))
  }
  return { words: [...words], syllables: [...syllables], joined }
}

/** Lower-cased words (Han runs, Latin/digit words) separated by single spaces, with a space at each end. */
export function wordText(parts: string[]): string {
  const words: string[] = []
  for (const part of parts) {
    for (const [run] of part.normalize("NFKC").toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) words.push(run)
  }
  return ` ${words.join(" ")} `
}

// ---- typed columns -------------------------------------------------------------------------------

type Kind = "text" | "number" | "boolean" | "date" | "json"
type Column = { path: string; field: Field; name: string; kind: Kind; array: boolean }

const SQL_TYPE: Record<Kind, string> = { text: "text", number: "float8", boolean: "boolean", date: "timestamptz", json: "jsonb" }

function kindOf(field: Field): Kind {
  switch (field.type) {
    case "keyword":
    case "text":
      return "text"
    case "integer":
    case "float":
      return "number"
    case "boolean":
      return "boolean"
    case "date":
      return "date"
    default:
      return "json"
  }
}

/**
 * One typed column per filterable, sortable or facetable field: `f_<path>_<kind>` ("f_county_code_t",
 * "f_price_min_n", "f_certifications_ta"). Arrays (the field or an ancestor object) are SQL arrays;
 * geo, object and vector fields keep their JSON.
 */
function columnsFor(flat: Map<string, FlatField>): Map<string, Column> {
  const columns = new Map<string, Column>()
  const taken = new Set<string>()
  for (const path of [...flat.keys()].sort()) {
    const { field, array } = flat.get(path)!
    if (path === "id" || !(field.filterable || field.sortable || field.facetable)) continue
    const kind = kindOf(field)
    const suffix = `${kind === "json" ? "j" : kind[0]}${array && kind !== "json" ? "a" : ""}`
    const safe = path.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "")
    let name = `f_${safe.slice(0, 40)}_${suffix}`
    if (taken.has(name) || safe.length > 40 || safe !== path) {
      name = `f_${safe.slice(0, 32)}_${createHash("md5").update(path).digest("hex").slice(0, 6)}_${suffix}`
    }
    taken.add(name)
    columns.set(path, { path, field, name, kind, array: array && kind !== "json" })
  }
  return columns
}

function columnType(column: Column): string {
  return `${SQL_TYPE[column.kind]}${column.array ? "[]" : ""}`
}

/** A stored value as a literal of the column's scalar type, or undefined when it cannot be one. */
function storedScalar(kind: Kind, value: unknown): string | undefined {
  if (value == null) return undefined
  switch (kind) {
    case "text":
      if (typeof value === "object") return value instanceof Date ? literal(value.toISOString()) : undefined
      return literal(String(value))
    case "number": {
      const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN
      return Number.isFinite(n) ? `${n}` : undefined
    }
    case "boolean":
      if (value === true || value === "true") return "TRUE"
      if (value === false || value === "false") return "FALSE"
      return undefined
    case "date": {
      const d = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : null
      return d && !Number.isNaN(d.getTime()) ? `${literal(d.toISOString())}::timestamptz` : undefined
    }
    case "json":
      return `${literal(JSON.stringify(value))}::jsonb`
  }
}

function storedValue(column: Column, doc: Record<string, unknown>): string {
  const value = readPath(doc, column.path)
  if (column.kind === "json") return value === undefined ? "NULL" : storedScalar("json", value)!
  if (!column.array) {
    if (Array.isArray(value)) return "NULL"
    return storedScalar(column.kind, value) ?? "NULL"
  }
  if (value == null) return "NULL"
  const items = (Array.isArray(value) ? value.flat(Infinity) : [value])
    .map((item) => storedScalar(column.kind, item))
    .filter((item): item is string => item !== undefined)
  return items.length ? `ARRAY[${items.join(",")}]::${columnType(column)}` : `'{}'::${columnType(column)}`
}

/** A query operand for a column, checked against its type (bad input is INVALID_DATA, never a 500). */
function operand(column: Column, value: unknown, op: string): string {
  const where = `for ${op} on "${column.path}"`
  switch (column.kind) {
    case "text":
      if (value instanceof Date) return literal(value.toISOString())
      if (typeof value === "object" || value === undefined) invalid(`Expected a string ${where}`)
      return literal(String(value))
    case "number": {
      const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN
      if (!Number.isFinite(n)) invalid(`Expected a number ${where}, got ${JSON.stringify(value)}`)
      return `${n}::float8`
    }
    case "boolean":
      if (value === true || value === "true") return "TRUE"
      if (value === false || value === "false") return "FALSE"
      return invalid(`Expected a boolean ${where}, got ${JSON.stringify(value)}`)
    case "date": {
      const d = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : null
      if (!d || Number.isNaN(d.getTime())) invalid(`Expected a date ${where}, got ${JSON.stringify(value)}`)
      return `${literal(d.toISOString())}::timestamptz`
    }
    case "json":
      return `${literal(JSON.stringify(value))}::jsonb`
  }
}

/** Whether two words are exactly one edit apart: one letter inserted, deleted or replaced, or two neighbours swapped. */
/** Letters a typo may put into a word: a–z, digits, and the word's own letters. */
const TYPO_ALPHABET = [..."abcdefghijklmnopqrstuvwxyz0123456789"]

/**
 * Every spelling one edit from `word` that keeps its first letter: a letter replaced, inserted or
 * deleted after the first, or two neighbours after the first swapped. Replacements and insertions
 * draw on a–z, digits and the word's own letters (so "kiwifriut" → "kiwifruit", "pinggou" → "pingguo").
 */
export function oneEditVariants(word: string): Set<string> {
  const chars = [...word]
  const alphabet = [...new Set([...TYPO_ALPHABET, ...chars])]
  const out = new Set<string>()
  const join = (parts: string[]) => parts.join("")
  for (let i = 1; i <= chars.length; i++) {
    for (const c of alphabet) {
      out.add(join([...chars.slice(0, i), c, ...chars.slice(i)]))
      if (i < chars.length && c !== chars[i]) out.add(join([...chars.slice(0, i), c, ...chars.slice(i + 1)]))
    }
    if (i < chars.length) out.add(join([...chars.slice(0, i), ...chars.slice(i + 1)]))
    if (i + 1 < chars.length && chars[i] !== chars[i + 1]) out.add(join([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)]))
  }
  out.delete(word)
  return out
}

export function oneEdit(a: string, b: string): boolean {
  const x = [...a]
  const y = [...b]
  if (Math.abs(x.length - y.length) > 1 || a === b) return false
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i]) i++
  const rest = (u: string[], from: number, v: string[], to: number) => u.slice(from).join("") === v.slice(to).join("")
  if (x.length === y.length) {
    return rest(x, i + 1, y, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, i + 2, y, i + 2))
  }
  return x.length > y.length ? rest(x, i + 1, y, i) : rest(x, i, y, i + 1)
}

/** A quoted tsquery lexeme. */
function tsLexeme(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`
}

/** Longest keyword value indexed as a filter lexeme; longer values are filtered on their column. */
const MAX_FILTER_LEXEME = 400

/** The lexeme of a keyword filter value ("county_code=610629"), or undefined when it has none. */
function filterLexeme(path: string, value: unknown): string | undefined {
  if (value == null || (typeof value === "object" && !(value instanceof Date))) return undefined
  const lexeme = `${path}=${value instanceof Date ? value.toISOString() : String(value)}`
  return lexeme.length <= MAX_FILTER_LEXEME ? lexeme : undefined
}

/** A facet value as the text the document holds ("4800", "true", an ISO date). */
function facetText(kind: Kind, expr: string): string {
  if (kind === "date") return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
  return `${expr}::text`
}

type IndexInfo = {
  name: string
  table: string
  definition: { name?: string; entity?: string; primary_key?: string; fields: Record<string, Field>; layout?: number }
  flat: Map<string, FlatField>
  columns: Map<string, Column>
  loadedAt: number
}

/** A text query: a tsquery expression (undefined when nothing can match), extra row filters and a rank. */
type Compiled = { tsquery?: string; filters: string[]; rank: string; nothing: boolean }

export class PostgresCjkSearchService extends AbstractSearchProviderService {
  static override identifier = PROVIDER_KEY

  protected readonly manager_: DbManager
  protected readonly logger_?: Logger
  protected readonly maxQueryLength_: number
  protected readonly catalogs_ = new Map<string, IndexInfo>()
  /** Latin terms known to be in each index's vocabulary, so a reindex does not rewrite them every batch. */
  protected readonly vocabulary_ = new Map<string, Set<string>>()

  constructor({ manager, logger }: { manager: DbManager; logger?: Logger }, options: PostgresCjkSearchOptions = {}) {
    super()
    if (!manager?.execute) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "postgres-cjk search needs a database manager")
    }
    this.manager_ = manager
    this.logger_ = logger
    this.maxQueryLength_ = options.maxQueryLength ?? 200
  }

  /** Every statement runs with its values inlined by `literal()`, never with parameters. */
  protected run(sql: string): Promise<any[]> {
    return this.manager_.execute(sql)
  }

  protected ensured_?: Promise<void>

  /** The catalog, the extension and the search functions, checked once per process (and after a failure). */
  protected ensureCatalog(): Promise<void> {
    this.ensured_ ??= this.ensureCatalog_().catch((error) => {
      this.ensured_ = undefined
      throw error
    })
    return this.ensured_
  }

  protected async ensureCatalog_(): Promise<void> {
    await this.run(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
    // Search statements run through these functions: SET on a function is a per-statement setting that
    // needs no transaction. JIT never pays off for a search (and a disabled plan's cost would trigger it);
    // the GIN variant turns sequential and plain index scans off so a tsquery is answered by the index.
    const functions: [string, string][] = [
      [GIN_FUNCTION, "SET enable_seqscan = off SET enable_indexscan = off SET jit = off"],
      [PLAIN_FUNCTION, "SET jit = off"],
    ]
    for (const [fn, settings] of functions) {
      const present = async () => (await this.run(`SELECT 1 AS "present" FROM pg_proc WHERE "proname" = ${literal(fn)}`)).length > 0
      if (await present()) continue
      try {
        await this.run(`CREATE FUNCTION "${fn}"("statement" text) RETURNS json LANGUAGE plpgsql ${settings}
          AS $fn$ DECLARE "result" json; BEGIN EXECUTE "statement" INTO "result"; RETURN "result"; END $fn$`)
      } catch (error) {
        // Another process created it at the same moment.
        if (!(await present())) throw error
      }
    }
    await this.run(`CREATE TABLE IF NOT EXISTS "${CATALOG}" (
      "name" text PRIMARY KEY,
      "table_name" text NOT NULL,
      "definition" jsonb NOT NULL,
      "document_count" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`)
  }

  protected infoFrom(name: string, definition: IndexInfo["definition"]): IndexInfo {
    const flat = flattenFields(definition.fields)
    return { name, table: tableNameFor(name), definition, flat, columns: columnsFor(flat), loadedAt: Date.now() }
  }

  protected async catalog(name: string, fresh = false): Promise<IndexInfo> {
    const cached = this.catalogs_.get(name)
    if (cached && !fresh && Date.now() - cached.loadedAt < CATALOG_TTL_MS) return cached
    await this.ensureCatalog()
    let rows: any[] = []
    try {
      rows = await this.run(`SELECT "definition" FROM "${CATALOG}" WHERE "name" = ${literal(name)}`)
    } catch {
      rows = []
    }
    if (!rows.length) {
      this.catalogs_.delete(name)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Search index "${name}" does not exist`)
    }
    const definition = typeof rows[0].definition === "string" ? JSON.parse(rows[0].definition) : rows[0].definition
    const info = this.infoFrom(name, definition)
    this.catalogs_.set(name, info)
    return info
  }

  /** A query against a dropped table (another process deleted the index) is NOT_FOUND, as the module expects. */
  protected async guard<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: string; message?: string }
      if (code === "42P01" || /relation "[^"]*" does not exist/.test(message ?? "")) {
        this.catalogs_.delete(name)
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Search index "${name}" does not exist`)
      }
      throw error
    }
  }

  protected task(index: string): SearchTypes.SearchTask {
    return { index, status: "succeeded" }
  }

  override async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const name = index.physical_name
    const table = tableNameFor(name)
    await this.ensureCatalog()
    const [previous] = await this.run(`SELECT "definition" FROM "${CATALOG}" WHERE "name" = ${literal(name)}`)
    const before = previous ? (typeof previous.definition === "string" ? JSON.parse(previous.definition) : previous.definition) : undefined

    // Rows stay small: a row over 512 bytes has its largest values (the document, the terms) compressed
    // and moved out of line; title_text and the typed columns stay in the row (STORAGE MAIN). `terms`
    // is a tsvector of our own terms (no dictionary), so a whole text query is one GIN condition.
    await this.run(`CREATE TABLE IF NOT EXISTS "${table}" (
      "id" text PRIMARY KEY,
      "document" jsonb NOT NULL,
      "title_text" text NOT NULL DEFAULT '',
      "terms" tsvector NOT NULL DEFAULT '',
      "indexed_at" timestamptz NOT NULL DEFAULT now()) WITH (toast_tuple_target = ${TOAST_TARGET})`)
    await this.run(`ALTER TABLE "${table}" SET (toast_tuple_target = ${TOAST_TARGET})`)
    await this.run(`ALTER TABLE "${table}" ALTER COLUMN "title_text" SET STORAGE MAIN`)
    // Layout 1 kept the whole searchable text with a trigram index, terms as text[], and filtered
    // through the document: its rows are re-derived below.
    await this.run(`DROP INDEX IF EXISTS "${table}_trgm_idx"`)
    await this.run(`DROP INDEX IF EXISTS "${table}_doc_idx"`)
    await this.run(`ALTER TABLE "${table}" DROP COLUMN IF EXISTS "search_text"`)
    const [termsType] = await this.run(
      `SELECT format_type("atttypid", "atttypmod") AS "type" FROM pg_attribute WHERE "attrelid" = ${literal(`"${table}"`)}::regclass AND "attname" = 'terms'`
    )
    if (termsType?.type !== "tsvector") {
      await this.run(`DROP INDEX IF EXISTS "${table}_terms_idx"`)
      await this.run(`ALTER TABLE "${table}" ALTER COLUMN "terms" DROP DEFAULT`)
      await this.run(`ALTER TABLE "${table}" ALTER COLUMN "terms" TYPE tsvector USING array_to_tsvector("terms")`)
      await this.run(`ALTER TABLE "${table}" ALTER COLUMN "terms" SET DEFAULT ''`)
    }
    await this.run(`CREATE INDEX IF NOT EXISTS "${table}_terms_idx" ON "${table}" USING GIN ("terms")`)

    const definition = { name: index.name, entity: index.entity, primary_key: index.primary_key, fields: index.fields, layout: LAYOUT }
    const info = this.infoFrom(name, definition)
    const existing = new Set<string>(
      (
        await this.run(
          `SELECT "attname" FROM pg_attribute WHERE "attrelid" = ${literal(`"${table}"`)}::regclass AND "attnum" > 0 AND NOT "attisdropped"`
        )
      ).map((row) => row.attname)
    )
    const wanted = new Set([...info.columns.values()].map((column) => column.name))
    for (const column of existing) {
      if (column.startsWith("f_") && !wanted.has(column)) await this.run(`ALTER TABLE "${table}" DROP COLUMN IF EXISTS "${column}"`)
    }
    for (const column of info.columns.values()) {
      if (existing.has(column.name)) continue
      await this.run(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "${column.name}" ${columnType(column)}`)
      if (column.array || column.kind === "text" || column.kind === "json") {
        await this.run(`ALTER TABLE "${table}" ALTER COLUMN "${column.name}" SET STORAGE MAIN`)
      }
    }
    // No B-trees on the typed columns: keyword equality filters are lexemes of `terms` (one GIN scan
    // with the text query), and everything else is evaluated on the (narrow) rows the GIN scan returns.
    for (const { indexname } of await this.run(
      `SELECT "indexname" FROM pg_indexes WHERE "tablename" = ${literal(table)} AND "indexname" LIKE ${literal(`${table}\\_f\\_%`)}`
    )) {
      await this.run(`DROP INDEX IF EXISTS "${indexname}"`)
    }

    // The vocabulary typo tolerance corrects towards (Latin words of 4+ letters): the spellings one edit
    // from a query word are looked up exactly in its primary key; never pruned (stale words only widen
    // the candidates). Earlier layouts' indexes for range and trigram lookups are dropped.
    await this.run(`CREATE TABLE IF NOT EXISTS "${table}_v" ("term" text PRIMARY KEY)`)
    for (const old of ["trgm", "shape", "head", "tail"]) await this.run(`DROP INDEX IF EXISTS "${table}_v_${old}_idx"`)

    // Only what a search needs is stored: the functions (seed/consume) are not serialisable.
    await this.run(
      `INSERT INTO "${CATALOG}" ("name", "table_name", "definition") VALUES (${literal(name)}, ${literal(table)}, ${literal(JSON.stringify(definition))}::jsonb)
       ON CONFLICT ("name") DO UPDATE SET "table_name" = EXCLUDED."table_name", "definition" = EXCLUDED."definition", "updated_at" = now()`
    )
    this.catalogs_.set(name, info)
    this.vocabulary_.delete(name)
    // A changed definition (or an index of an older layout) is re-derived from the stored documents,
    // so a field made filterable or searchable works without a reindex.
    if (before && JSON.stringify({ f: before.fields, l: before.layout }) !== JSON.stringify({ f: definition.fields, l: LAYOUT })) {
      await this.reproject(info)
    }
    await this.run(`ANALYZE "${table}"`)
    return this.task(name)
  }

  protected async reproject(info: IndexInfo): Promise<void> {
    let after = ""
    for (;;) {
      const rows = await this.run(
        `SELECT "id", "document" FROM "${info.table}" WHERE "id" > ${literal(after)} ORDER BY "id" LIMIT ${BATCH}`
      )
      if (!rows.length) return
      const docs = rows.map((row) => ({ id: row.id as string, doc: typeof row.document === "string" ? JSON.parse(row.document) : row.document }))
      await this.writeRows(info, docs)
      after = rows[rows.length - 1].id
    }
  }

  override async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    await this.run(`DROP TABLE IF EXISTS "${tableNameFor(index)}"`)
    await this.run(`DROP TABLE IF EXISTS "${tableNameFor(index)}_v"`)
    await this.run(`DELETE FROM "${CATALOG}" WHERE "name" = ${literal(index)}`)
    this.catalogs_.delete(index)
    this.vocabulary_.delete(index)
    return this.task(index)
  }

  override async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    await this.ensureCatalog()
    const rows = await this.run(`SELECT * FROM "${CATALOG}" ORDER BY "name"`)
    return rows.map((row) => ({
      name: row.name,
      provider: PROVIDER_KEY,
      document_count: Number(row.document_count),
      created_at: new Date(row.created_at),
      updated_at: new Date(row.updated_at),
    }))
  }

  protected async adjustCount(name: string, delta: number): Promise<void> {
    if (!delta) return
    await this.run(
      `UPDATE "${CATALOG}" SET "document_count" = GREATEST("document_count" + ${delta}, 0), "updated_at" = now() WHERE "name" = ${literal(name)}`
    )
  }

  /**
   * What a document is searched by: its title text (for ranking), its terms (for matching) and the
   * words typo tolerance may correct towards (`vocabulary`: Latin words of the text itself, pinyin
   * syllables and whole pinyin — not the derived runs and initials, which are not words anyone types).
   */
  protected project(doc: Record<string, unknown>, flat: Map<string, FlatField>, columns: Iterable<Column>) {
    const titles: string[] = []
    const terms = new Set<string>()
    const vocabulary = new Set<string>()
    const word = (term: string) => {
      if (!HAN.test(term) && [...term].length >= TYPO_MIN_TERM) vocabulary.add(term)
    }
    for (const [path, { field }] of flat) {
      if (!field.searchable || field.type === "object") continue
      for (const value of textsOf(readPath(doc, path))) {
        textTerms(value).forEach((t) => {
          terms.add(t)
          word(t)
        })
        if (isTitle(path)) titles.push(value)
        if (wantsPinyin(path, field) && HAN.test(value)) {
          const { words, syllables, joined } = pinyinTerms(value)
          words.forEach((t) => terms.add(t))
          syllables.forEach((t) => {
            terms.add(t)
            word(t)
          })
          joined.filter((_, i) => i % 2 === 0).forEach(word)
          // The joined pinyin and initials rank "pingguo" and "lchfspg" as title matches.
          if (isTitle(path)) titles.push(...joined)
        }
      }
    }
    // Keyword filter values as lexemes "county_code=610629" ('=' never occurs in a text term).
    for (const column of columns) {
      if (column.kind !== "text" || !column.field.filterable) continue
      const value = readPath(doc, column.path)
      const values = column.array ? (value == null ? [] : Array.isArray(value) ? value.flat(Infinity) : [value]) : Array.isArray(value) ? [] : [value]
      for (const item of values) {
        const lexeme = filterLexeme(column.path, item)
        if (lexeme) terms.add(lexeme)
      }
    }
    return { title: wordText(titles), terms: [...terms], vocabulary }
  }

  /**
   * Inserts or rewrites rows for documents, one statement (one commit) per batch of 500: the rows, the
   * new vocabulary words and the catalog's document count together.
   */
  protected async writeRows(info: IndexInfo, docs: { id: string; doc: Record<string, unknown> }[]): Promise<void> {
    const columns = [...info.columns.values()]
    const names = columns.map((column) => `"${column.name}"`)
    let known = this.vocabulary_.get(info.name)
    if (!known || known.size > 2_000_000) this.vocabulary_.set(info.name, (known = new Set()))
    for (let i = 0; i < docs.length; i += BATCH) {
      const slice = docs.slice(i, i + BATCH)
      const fresh = new Set<string>()
      const values = slice.map(({ id, doc }) => {
        const p = this.project(doc, info.flat, info.columns.values())
        p.vocabulary.forEach((term) => known!.has(term) || fresh.add(term))
        const typed = columns.map((column) => storedValue(column, doc))
        return `(${[literal(id), `${literal(JSON.stringify(doc))}::jsonb`, literal(p.title), `array_to_tsvector(${literal(pgArray(p.terms))}::text[])`, ...typed].join(", ")})`
      })
      const vocabulary = fresh.size
        ? `"v" AS (INSERT INTO "${info.table}_v" ("term") SELECT unnest(${literal(pgArray([...fresh]))}::text[]) ON CONFLICT DO NOTHING), `
        : ""
      await this.run(
        `WITH ${vocabulary}"i" AS (
           INSERT INTO "${info.table}" ("id", "document", "title_text", "terms"${names.map((n) => `, ${n}`).join("")})
           VALUES ${values.join(",\n")}
           ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document", "title_text" = EXCLUDED."title_text",
             "terms" = EXCLUDED."terms", "indexed_at" = now()${names.map((n) => `, ${n} = EXCLUDED.${n}`).join("")}
           RETURNING ("xmax" = 0) AS "inserted")
         UPDATE "${CATALOG}" SET "document_count" = "document_count" + (SELECT count(*) FROM "i" WHERE "inserted"), "updated_at" = now()
         WHERE "name" = ${literal(info.name)}`
      )
      // Only once written: a failed batch must not leave words marked as known.
      fresh.forEach((term) => known!.add(term))
    }
  }

  override async upsertDocuments({
    index,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const info = await this.catalog(index)
    const key = info.definition.primary_key || "id"
    // The last version of a document wins (one INSERT … ON CONFLICT cannot touch a row twice).
    const byId = new Map<string, Record<string, unknown>>()
    for (const doc of documents) {
      const id = (doc as Record<string, unknown>)[key] ?? doc.id
      if (id == null || id === "") invalid(`A document of index "${index}" has no "${key}"`)
      byId.set(String(id), doc as Record<string, unknown>)
    }
    await this.guard(index, () => this.writeRows(info, [...byId].map(([id, doc]) => ({ id, doc }))))
    return this.task(index)
  }

  override async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const info = await this.catalog(index)
    const where = this.compileFilters(filters ?? {}, info, true)
    if (!where) invalid("deleteDocuments needs filters (use clearIndex to remove everything)")
    const [row] = await this.guard(index, () =>
      this.run(`WITH "d" AS (DELETE FROM "${info.table}" WHERE ${where} RETURNING 1) SELECT count(*)::int AS "n" FROM "d"`)
    )
    await this.adjustCount(index, -Number(row?.n ?? 0))
    return this.task(index)
  }

  override async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const info = await this.catalog(index)
    await this.guard(index, () => this.run(`TRUNCATE "${info.table}"`))
    await this.run(`UPDATE "${CATALOG}" SET "document_count" = 0, "updated_at" = now() WHERE "name" = ${literal(index)}`)
    return this.task(index)
  }

  // ---- filters -------------------------------------------------------------------------------

  protected fieldFor(path: string, info: IndexInfo, need: "filterable" | "sortable" | "facetable", internal = false): Field {
    if (path === "id") return { type: "keyword" } as Field
    const flat = info.flat.get(path)
    if (!flat) invalid(`Unknown field "${path}"`)
    if (!internal && !flat.field[need]) invalid(`Field "${path}" is not ${need}`)
    return flat.field
  }

  /** The column a filter reads: the primary key, a typed column, or (internal deletes only) the document's JSON. */
  protected columnFor(path: string, info: IndexInfo, need: "filterable" | "sortable" | "facetable", internal = false): { column: Column; expr: string } {
    const field = this.fieldFor(path, info, need, internal)
    if (path === "id") return { column: { path, field, name: "id", kind: "text", array: false }, expr: `"id"` }
    const column = info.columns.get(path)
    if (column) return { column, expr: `"${column.name}"` }
    const json: Column = { path, field, name: "", kind: "json", array: false }
    return { column: json, expr: `("document" #> ${literal(pgArray(path.split(".")))}::text[])` }
  }

  protected eqSql(column: Column, expr: string, value: unknown): string {
    if (value === null) return column.kind === "json" ? `(${expr} IS NULL OR ${expr} = 'null'::jsonb)` : `${expr} IS NULL`
    if (column.kind === "json") {
      const v = operand(column, value, "$eq")
      return column.field.array ? `${expr} @> jsonb_build_array(${v})` : `${expr} = ${v}`
    }
    const v = operand(column, value, "$eq")
    return column.array ? `${expr} @> ARRAY[${v}]::${columnType(column)}` : `${expr} = ${v}`
  }

  protected inSql(column: Column, expr: string, values: unknown[], op: string): string {
    if (!values.length) return "FALSE"
    if (column.kind === "json" || values.some((v) => v === null)) {
      return `(${values.map((v) => this.eqSql(column, expr, v)).join(" OR ")})`
    }
    const list = values.map((v) => operand(column, v, op))
    return column.array ? `${expr} && ARRAY[${list.join(", ")}]::${columnType(column)}` : `${expr} IN (${list.join(", ")})`
  }

  protected fieldCondition(path: string, value: unknown, info: IndexInfo, internal: boolean): string {
    const { column, expr } = this.columnFor(path, info, "filterable", internal)
    if (value === null || typeof value !== "object" || value instanceof Date) return this.eqSql(column, expr, value)
    if (Array.isArray(value)) return this.inSql(column, expr, value, "$in")
    const not = (sql: string) => `NOT COALESCE(${sql}, FALSE)`
    const parts: string[] = []
    for (const [op, arg] of Object.entries(value as Record<string, unknown>)) {
      switch (op) {
        case "$eq":
          parts.push(this.eqSql(column, expr, arg))
          break
        case "$ne":
          parts.push(not(this.eqSql(column, expr, arg)))
          break
        case "$in":
        case "$overlaps":
        case "$nin": {
          if (!Array.isArray(arg)) invalid(`${op} on "${path}" needs an array`)
          parts.push(op === "$nin" ? not(this.inSql(column, expr, arg, op)) : this.inSql(column, expr, arg, op))
          break
        }
        case "$contains": {
          const all = Array.isArray(arg) ? arg : [arg]
          if (!all.length) parts.push("TRUE")
          else if (column.array) parts.push(`${expr} @> ARRAY[${all.map((v) => operand(column, v, op)).join(", ")}]::${columnType(column)}`)
          else parts.push(all.map((v) => this.eqSql(column, expr, v)).join(" AND "))
          break
        }
        case "$lt":
        case "$lte":
        case "$gt":
        case "$gte": {
          if (column.kind === "json" || column.kind === "boolean") invalid(`${op} is not supported on "${path}"`)
          const sqlOp = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" }[op]
          const v = operand(column, arg, op)
          parts.push(column.array ? `EXISTS (SELECT 1 FROM unnest(${expr}) AS "x" WHERE "x" ${sqlOp} ${v})` : `${expr} ${sqlOp} ${v}`)
          break
        }
        case "$exists": {
          const set = column.kind === "json" ? `(${expr} IS NOT NULL AND ${expr} <> 'null'::jsonb)` : `${expr} IS NOT NULL`
          parts.push(arg ? set : `NOT ${set}`)
          break
        }
        case "$prefix": {
          if (column.kind !== "text") invalid(`$prefix is not supported on "${path}"`)
          const v = operand(column, arg, op)
          parts.push(column.array ? `EXISTS (SELECT 1 FROM unnest(${expr}) AS "x" WHERE starts_with("x", ${v}))` : `starts_with(${expr}, ${v})`)
          break
        }
        default:
          invalid(`Unsupported filter operator ${op} on "${path}"`)
      }
    }
    return parts.length ? parts.join(" AND ") : "TRUE"
  }

  /**
   * A keyword equality filter (`$eq`, `$in`, `$overlaps`, `$contains`, a value or a list) as a tsquery
   * over the filter lexemes, or undefined when it needs the column (other operators, other types).
   */
  protected lexemeCondition(path: string, value: unknown, info: IndexInfo): string | undefined {
    const column = info.columns.get(path)
    if (!column || column.kind !== "text" || !column.field.filterable) return undefined
    const one = (v: unknown) => {
      const lexeme = filterLexeme(path, v)
      return lexeme ? tsLexeme(lexeme) : undefined
    }
    const combine = (values: unknown[], op: "|" | "&") => {
      const parts = values.map(one)
      if (!parts.length || parts.some((part) => !part)) return undefined
      return parts.length === 1 ? parts[0] : `(${parts.join(` ${op} `)})`
    }
    if (value === null || typeof value !== "object" || value instanceof Date) return one(value)
    if (Array.isArray(value)) return combine(value, "|")
    const parts: string[] = []
    for (const [op, arg] of Object.entries(value as Record<string, unknown>)) {
      const part =
        op === "$eq"
          ? one(arg)
          : op === "$in" || op === "$overlaps"
            ? Array.isArray(arg)
              ? combine(arg, "|")
              : undefined
            : op === "$contains"
              ? combine(Array.isArray(arg) ? arg : [arg], "&")
              : undefined
      if (!part) return undefined
      parts.push(part)
    }
    return parts.length ? parts.join(" & ") : undefined
  }

  /**
   * Filters split in two: keyword equalities as one tsquery (answered by the GIN index together with the
   * text query) and the rest as SQL on the typed columns. `$or` goes to the tsquery only when all of its
   * branches can; `$not` is always SQL.
   */
  protected splitFilters(filters: SearchTypes.SearchFilters, info: IndexInfo): { tsquery?: string; sql?: string } {
    const walk = (f: SearchTypes.SearchFilters): { ts: string[]; sql: string[] } => {
      const ts: string[] = []
      const sql: string[] = []
      for (const [key, value] of Object.entries(f ?? {})) {
        if (value === undefined || key === "q") continue
        if (key === "$and") {
          if (!Array.isArray(value)) invalid(`${key} needs an array of filters`)
          for (const sub of value as SearchTypes.SearchFilters[]) {
            const part = walk(sub)
            ts.push(...part.ts)
            sql.push(...part.sql)
          }
        } else if (key === "$or") {
          if (!Array.isArray(value)) invalid(`${key} needs an array of filters`)
          const branches = (value as SearchTypes.SearchFilters[]).map(walk)
          if (branches.length && branches.every((b) => b.ts.length && !b.sql.length)) {
            ts.push(`(${branches.map((b) => `(${b.ts.join(" & ")})`).join(" | ")})`)
          } else {
            const compiled = this.compileFilters({ $or: value } as SearchTypes.SearchFilters, info)
            if (compiled) sql.push(compiled)
          }
        } else if (key === "$not") {
          const compiled = this.compileFilters({ $not: value } as SearchTypes.SearchFilters, info)
          if (compiled) sql.push(compiled)
        } else {
          const lexemes = this.lexemeCondition(key, value, info)
          if (lexemes) ts.push(lexemes)
          else sql.push(`(${this.fieldCondition(key, value, info, false)})`)
        }
      }
      return { ts, sql }
    }
    const { ts, sql } = walk(filters)
    return { tsquery: ts.length ? ts.join(" & ") : undefined, sql: sql.length ? sql.join(" AND ") : undefined }
  }

  /** SearchFilters → a WHERE fragment on the columns; `q` is ignored here (it is the text query). */
  compileFilters(filters: SearchTypes.SearchFilters, info: IndexInfo, internal = false): string | undefined {
    const walk = (f: SearchTypes.SearchFilters): string | undefined => {
      const parts: string[] = []
      for (const [key, value] of Object.entries(f ?? {})) {
        if (value === undefined || key === "q") continue
        if (key === "$and" || key === "$or") {
          if (!Array.isArray(value)) invalid(`${key} needs an array of filters`)
          const subs = (value as SearchTypes.SearchFilters[]).map(walk).filter(Boolean) as string[]
          if (subs.length) parts.push(`(${subs.join(key === "$and" ? " AND " : " OR ")})`)
        } else if (key === "$not") {
          const sub = walk(value as SearchTypes.SearchFilters)
          if (sub) parts.push(`NOT COALESCE((${sub}), FALSE)`)
        } else {
          parts.push(`(${this.fieldCondition(key, value, info, internal)})`)
        }
      }
      return parts.length ? parts.join(" AND ") : undefined
    }
    return walk(filters)
  }

  // ---- text query ----------------------------------------------------------------------------

  /** The Latin words of a query that typo tolerance applies to (5+ letters). */
  protected typoWords(q: string): string[] {
    const words = new Set<string>()
    for (const [run] of q.normalize("NFKC").toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
      if (!HAN.test(run) && [...run].length >= 5) words.add(run)
    }
    return [...words]
  }

  /**
   * Vocabulary words exactly one edit (insertion, deletion, substitution or swap of neighbours) from each
   * word, with the same first letter: every such spelling is generated here (`oneEditVariants`, a few
   * hundred for a word of 8 letters) and looked up exactly in the vocabulary's primary key — one probe
   * per spelling, index only, instead of scanning every word that shares a first or last half.
   */
  protected async typoCandidates(table: string, words: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    if (!words.length) return out
    const variants = new Map<string, number[]>()
    words.forEach((word, i) => {
      for (const variant of oneEditVariants(word)) variants.set(variant, [...(variants.get(variant) ?? []), i])
    })
    const rows = await this.run(`SELECT "term" FROM "${table}_v" WHERE "term" = ANY(${literal(pgArray([...variants.keys()]))}::text[])`)
    for (const row of rows) {
      for (const i of variants.get(row.term) ?? []) {
        const word = words[i]
        if (oneEdit(word, row.term)) out.set(word, [...(out.get(word) ?? []), row.term])
      }
    }
    return out
  }

  /**
   * The text query as one tsquery over `terms` (an exact GIN condition: the rows' terms are never read)
   * and a relevance expression:
   * - a Han run of one or two characters is a term; a longer run (洛川苹果) needs every character and at
   *   least half of its bigrams (alternatives of bigram sets: words may lie apart in the title);
   * - a Latin word (English, pinyin, initials) must start a term (`'luoc':*`); a word of 5+ letters may
   *   instead be a vocabulary word one edit away (`typos`, unless `typo_tolerance` is false).
   * All words must match (`match_strategy` "all").
   */
  protected compileQuery(q: string, typos: Map<string, string[]>): Compiled | undefined {
    const query = q.normalize("NFKC").toLowerCase().trim()
    if (!query) return undefined
    const lexeme = tsLexeme
    const parts: string[] = []
    const filters: string[] = []
    for (const [run] of query.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
      if (HAN.test(run)) {
        const chars = [...run]
        if (chars.length <= 2) {
          parts.push(lexeme(run))
          continue
        }
        parts.push(...[...new Set(chars)].map(lexeme))
        const { query: bigrams, filter } = this.bigramQuery(chars, lexeme)
        parts.push(bigrams)
        if (filter) filters.push(filter)
      } else if (LATIN_WORD.test(run)) {
        const alternatives = [`${lexeme(run)}:*`, ...(typos.get(run) ?? []).map(lexeme)]
        parts.push(alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`)
      }
    }
    if (!parts.length) {
      // Only punctuation/symbols: nothing can match, but it is a valid query.
      return { filters: [], rank: "0", nothing: true }
    }
    return {
      tsquery: `${literal(parts.join(" & "))}::tsquery`,
      filters,
      // Whole query in the title (+2), then shorter titles first (float arithmetic: numeric costs more).
      rank: `((CASE WHEN strpos("title_text", ${literal(wordText([query]).trim())}) > 0 THEN 2 ELSE 0 END) + 1 / (1 + octet_length("title_text"))::float8)`,
      nothing: false,
    }
  }

  /**
   * "At least half of the bigrams" of a long Han run (each occurrence counts) as tsquery alternatives:
   * the smallest sets of distinct bigrams that reach half. Past 10 distinct bigrams or 64 alternatives,
   * any one bigram in the tsquery and a count over the row's terms as a filter.
   */
  protected bigramQuery(chars: string[], lexeme: (term: string) => string): { query: string; filter?: string } {
    const all = chars.slice(0, -1).map((c, i) => c + chars[i + 1])
    const weights = new Map<string, number>()
    all.forEach((b) => weights.set(b, (weights.get(b) ?? 0) + 1))
    const distinct = [...weights.keys()]
    const need = all.length / 2
    if (distinct.length <= 10) {
      // A subset's mask is smaller than its supersets', so the first qualifying sets are the minimal ones.
      const minimal: number[] = []
      for (let mask = 1; mask < 1 << distinct.length && minimal.length <= 64; mask++) {
        if (minimal.some((m) => (m & mask) === m)) continue
        let weight = 0
        distinct.forEach((b, i) => {
          if (mask & (1 << i)) weight += weights.get(b)!
        })
        if (weight >= need) minimal.push(mask)
      }
      if (minimal.length <= 64) {
        const alternatives = minimal.map((m) => `(${distinct.filter((_, i) => m & (1 << i)).map(lexeme).join(" & ")})`)
        return { query: `(${alternatives.join(" | ")})` }
      }
    }
    return {
      query: `(${distinct.map(lexeme).join(" | ")})`,
      filter: `(SELECT count(*) FROM unnest(${literal(pgArray(all))}::text[]) AS "b"("term") WHERE "b"."term" = ANY(tsvector_to_array("terms"))) * 2 >= ${all.length}`,
    }
  }

  // ---- search --------------------------------------------------------------------------------

  protected orderBy(order: Record<string, string> | undefined, info: IndexInfo, hasQuery: boolean) {
    const select: string[] = []
    const keys: { alias: string; dir: string; nulls: boolean }[] = []
    for (const [path, dirRaw] of Object.entries(order ?? {})) {
      const dir = String(dirRaw).toUpperCase() === "DESC" ? "DESC" : "ASC"
      if (path === "_score") {
        if (hasQuery) keys.push({ alias: "_score", dir, nulls: false })
        continue
      }
      const { column, expr } = this.columnFor(path, info, "sortable")
      if (column.array || column.kind === "json") invalid(`Cannot sort by "${path}"`)
      const alias = `s${select.length}`
      select.push(`${expr} AS "${alias}"`)
      keys.push({ alias, dir, nulls: true })
    }
    if (!keys.length && hasQuery) keys.push({ alias: "_score", dir: "DESC", nulls: false })
    keys.push({ alias: "id", dir: "ASC", nulls: false })
    const render = (prefix = "") => keys.map((k) => `${prefix}"${k.alias}" ${k.dir}${k.nulls ? " NULLS LAST" : ""}`).join(", ")
    return { select, render }
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
    const name = input.index.physical_name
    const info = await this.catalog(name)
    const skip = Math.max(0, Math.floor(Number(input.pagination?.skip ?? 0)) || 0)
    const take = Math.min(1000, Math.max(0, Math.floor(Number(input.pagination?.take ?? 20)) || 0))

    const typos =
      q && input.search_options?.typo_tolerance !== false
        ? await this.guard(name, () => this.typoCandidates(info.table, this.typoWords(q)))
        : new Map<string, string[]>()
    const text = q ? this.compileQuery(q, typos) : undefined
    const filters = this.splitFilters(input.filters ?? {}, info)
    const tsqueries = [...(text?.tsquery ? [text.tsquery] : []), ...(filters.tsquery ? [`${literal(filters.tsquery)}::tsquery`] : [])]
    const where = [
      ...(text?.nothing ? ["FALSE"] : []),
      ...(tsqueries.length ? [`"terms" @@ (${tsqueries.join(" && ")})`] : []),
      ...(text?.filters ?? []),
      ...(filters.sql ? [filters.sql] : []),
    ].map((w) => `(${w})`)
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const usesIndex = tsqueries.length > 0
    const rank = text ? text.rank : "0"
    const order = this.orderBy(input.pagination?.order, info, !!text)
    const wantCount = input.search_options?.count !== "none"
    const facets = this.facetPlan(input.search_options?.facets, info, wantCount)
    const hasFacets = facets.selects.length > 0

    // Two statements, run at once on two connections (two cores): the page of hits (an ordered scan of
    // the matches, documents read for the page only), and the total with every facet (one aggregation
    // pass over the same matches). One statement over materialised matches used less CPU but took longer.
    const pageSql = `SELECT "id", "document", ${rank} AS "_score"${order.select.map((sel) => `, ${sel}`).join("")}
        FROM "${info.table}" ${whereSql} ORDER BY ${order.render()} LIMIT ${take} OFFSET ${skip}`
    const hitsStatement = take
      ? `SELECT json_build_object('hits', (SELECT coalesce(json_agg(json_build_object('id', "p"."id", 'score', "p"."_score", 'document', "p"."document")
          ORDER BY ${order.render(`"p".`)}), '[]'::json) FROM (${pageSql}) AS "p")) AS "r"`
      : undefined
    const aggOutputs = [...(wantCount && !facets.countsTotal ? [`'total', (SELECT count(*) FROM "m")`] : []), ...facets.outputs]
    const aggStatement = aggOutputs.length
      ? `WITH "m" AS ${aggOutputs.length > 1 ? "MATERIALIZED" : "NOT MATERIALIZED"} (
          SELECT ${facets.selects.length ? facets.selects.join(", ") : "1 AS \"one\""} FROM "${info.table}" ${whereSql})
        SELECT json_build_object(${aggOutputs.join(",\n")}) AS "r"`
      : undefined
    // A tsquery must be answered by the GIN index: any other plan would read every row's terms out of
    // line, which the planner does not know. Such statements run with other scans off; all without JIT.
    const execute = (statement: string | undefined) =>
      statement
        ? this.guard(name, () => this.run(`SELECT "${usesIndex ? GIN_FUNCTION : PLAIN_FUNCTION}"(${literal(statement)}) AS "r"`)).then(
            ([row]) => parseJson(row?.r) ?? {}
          )
        : Promise.resolve({})
    const [hitsResult, aggResult] = await Promise.all([execute(hitsStatement), execute(aggStatement)])
    const result = { ...aggResult, hits: hitsResult.hits ?? [] }
    const rows: any[] = (result.hits ?? []).map((hit: any) => ({ id: hit.id, document: hit.document, _score: hit.score }))
    const total = !wantCount ? null : facets.countsTotal ? facets.total(result) : Number(result.total ?? 0)
    const facetResult = hasFacets ? facets.read(result) : undefined

    return {
      hits: rows.map((row) => {
        const document = typeof row.document === "string" ? JSON.parse(row.document) : row.document
        return { id: row.id, score: Number(row._score), document: this.project_(document, input.attributes_to_retrieve) }
      }),
      ...(facetResult ? { facets: facetResult } : {}),
      metadata: {
        skip,
        take,
        count: wantCount ? total : null,
        ...(q ? { query: q } : {}),
        processing_time_ms: Date.now() - started,
      },
    }
  }

  /**
   * The facets over the matches `m`: each reads one column of it (`selects`). Value facets on single
   * values are counted together in one pass (GROUPING SETS, with the grand total as the empty set);
   * array, range and stats facets each add one subquery. `outputs` are json_build_object entries.
   */
  protected facetPlan(requests: (string | SearchTypes.SearchFacetRequest)[] | undefined, info: IndexInfo, wantCount: boolean) {
    if ((requests?.length ?? 0) > 40) invalid("At most 40 facets can be asked for at once")
    const selects: string[] = []
    const outputs: string[] = []
    const readers: ((result: any, out: Record<string, SearchTypes.SearchFacetResult>) => void)[] = []
    const grouped: { i: number; alias: string; kind: Kind; limit: number; alpha: boolean; field: string }[] = []
    for (const [i, raw] of (requests ?? []).entries()) {
      const request: SearchTypes.SearchFacetRequest = typeof raw === "string" ? { field: raw } : raw
      if (!request || typeof request.field !== "string") invalid("A facet needs a field")
      const { column, expr } = this.columnFor(request.field, info, "facetable")
      if (column.kind === "json") invalid(`Cannot facet on "${request.field}"`)
      const alias = `f${i}`
      selects.push(`${expr} AS "${alias}"`)
      const key = `facet_${i}`
      if (request.type === "range") {
        if (column.kind !== "number" && column.kind !== "date") invalid(`A range facet needs a number or date field, not "${request.field}"`)
        if (!Array.isArray(request.ranges) || !request.ranges.length) invalid(`A range facet on "${request.field}" needs ranges`)
        const counts = request.ranges.map((range) => {
          const test = (x: string) => {
            const conds = [`${x} IS NOT NULL`]
            if (range.from != null) conds.push(`${x} >= ${operand(column, range.from, "from")}`)
            if (range.to != null) conds.push(`${x} < ${operand(column, range.to, "to")}`)
            return conds.join(" AND ")
          }
          return column.array
            ? `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest("${alias}") AS "u"("x") WHERE ${test(`"u"."x"`)}))`
            : `count(*) FILTER (WHERE ${test(`"${alias}"`)})`
        })
        outputs.push(`'${key}', (SELECT json_build_array(${counts.join(", ")}) FROM "m")`)
        readers.push((result, out) => {
          const json: number[] = result[key] ?? []
          out[request.field] = {
            type: "range",
            ranges: request.ranges.map((range, r) => ({
              key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
              from: range.from,
              to: range.to,
              count: Number(json[r] ?? 0),
            })),
          }
        })
        continue
      }
      if (request.type === "stats") {
        if (column.kind !== "number") invalid(`A stats facet needs a number field, not "${request.field}"`)
        const v = column.array ? `"u"."x"` : `"${alias}"`
        const from = column.array ? `"m" CROSS JOIN LATERAL unnest("m"."${alias}") AS "u"("x")` : `"m"`
        outputs.push(`'${key}', (SELECT json_build_array(min(${v}), max(${v}), avg(${v}), sum(${v}), count(${v})) FROM ${from})`)
        readers.push((result, out) => {
          const [min, max, avg, sum, count] = (result[key] ?? []) as number[]
          out[request.field] = { type: "stats", min: Number(min), max: Number(max), avg: Number(avg), sum: Number(sum), count: Number(count) }
        })
        continue
      }
      const limit = Math.min(1000, Math.max(1, Math.floor(Number(request.limit ?? 100)) || 100))
      const alpha = request.sort === "alpha"
      if (!column.array) {
        grouped.push({ i, alias, kind: column.kind, limit, alpha, field: request.field })
        continue
      }
      const orderBy = alpha ? `"v" ASC` : `"n" DESC, "v" ASC`
      outputs.push(`'${key}', (SELECT coalesce(json_agg(json_build_array("v", "n") ORDER BY ${orderBy}), '[]'::json) FROM (
          SELECT ${facetText(column.kind, `"u"."x"`)} AS "v", count(*)::int AS "n"
          FROM "m" CROSS JOIN LATERAL unnest("m"."${alias}") AS "u"("x") WHERE "u"."x" IS NOT NULL
          GROUP BY 1 ORDER BY ${orderBy} LIMIT ${limit}) AS "g")`)
      readers.push((result, out) => {
        out[request.field] = { type: "value", values: ((result[key] ?? []) as [string, number][]).map(([v, n]) => ({ value: String(v), count: Number(n) })) }
      })
    }
    if (grouped.length) {
      const k = `CASE ${grouped.map((g, j) => `WHEN GROUPING("${g.alias}") = 0 THEN ${j}`).join(" ")} ELSE -1 END`
      const v = `coalesce(${grouped.map((g) => facetText(g.kind, `"${g.alias}"`)).join(", ")})`
      const alphaKeys = grouped.flatMap((g, j) => (g.alpha ? [j] : []))
      const rankOrder = alphaKeys.length ? `CASE WHEN "k" IN (${alphaKeys.join(", ")}) THEN 0 ELSE "n" END DESC, "v" ASC` : `"n" DESC, "v" ASC`
      const limits = `CASE "k" ${grouped.map((g, j) => `WHEN ${j} THEN ${g.limit}`).join(" ")} END`
      outputs.push(`'groups', (SELECT coalesce(json_agg(json_build_array("k", "v", "n") ORDER BY "k", "r"), '[]'::json) FROM (
          SELECT "k", "v", "n", row_number() OVER (PARTITION BY "k" ORDER BY ${rankOrder}) AS "r" FROM (
            SELECT ${k} AS "k", ${v} AS "v", count(*)::int AS "n" FROM "m"
            GROUP BY GROUPING SETS (${grouped.map((g) => `("${g.alias}")`).join(", ")}${wantCount ? ", ()" : ""})) AS "g"
          WHERE "v" IS NOT NULL OR "k" = -1) AS "ranked"
        WHERE "k" = -1 OR "r" <= ${limits})`)
      readers.push((result, out) => {
        const values: { value: string; count: number }[][] = grouped.map(() => [])
        for (const [j, value, n] of (result.groups ?? []) as [number, string, number][]) {
          if (j >= 0) values[j].push({ value: String(value), count: Number(n) })
        }
        grouped.forEach((g, j) => (out[g.field] = { type: "value", values: values[j] }))
      })
    }
    return {
      selects,
      outputs,
      /** The grand total, when the grouped pass counted it. */
      countsTotal: grouped.length > 0 && wantCount,
      total: (result: any) => Number(((result.groups ?? []) as [number, string, number][]).find(([j]) => j === -1)?.[2] ?? 0),
      read: (result: any) => {
        const out: Record<string, SearchTypes.SearchFacetResult> = {}
        readers.forEach((read) => read(result, out))
        // In the order asked for.
        return Object.fromEntries((requests ?? []).map((raw) => {
          const field = typeof raw === "string" ? raw : raw.field
          return [field, out[field]]
        }))
      },
    }
  }
}

function parseJson(value: unknown): any {
  return typeof value === "string" ? JSON.parse(value) : value
}
