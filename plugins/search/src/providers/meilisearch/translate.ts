import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { cjkTerms } from "../../lib/cjk-terms"
import { pinyinWords } from "../../lib/pinyin-words"

/**
 * The pure half of the Meilisearch provider: Search-module definitions, documents, filters, sorts and
 * queries in; Meilisearch settings, documents, filter strings and search requests out; Meilisearch
 * answers back into `SearchResult`. Nothing here talks to a server, so all of it is unit-tested.
 *
 * Meilisearch matches whole words (jieba words for Chinese) and has no date type, so documents carry
 * hidden companion attributes, never displayed:
 * - `_cjk_<field>`: every Han character and pair of neighbours of a searchable field, so 米 and 大米
 *   find 五常稻花香大米 (jieba keeps 大米 whole and never yields 米 alone);
 * - `_py_<field>`: for titles, every run of pinyin syllables and of initials ("luochuan", "pingguo",
 *   "hongfushi", "lchfspg"), so pinyin queries are whole words;
 * - `_ts_<field>`: dates as epoch milliseconds, for range filters and sorting.
 * Nested paths use "__" for "." in companion names.
 */

export const PROVIDER_KEY = "meilisearch"

type Field = SearchTypes.SearchFieldDefinition
type Definition = SearchTypes.ResolvedSearchIndexDefinition

const HAN = /\p{Script=Han}/u
/** Han runs, or runs of other letters and digits (so "abc苹果" is two words). */
const WORD_RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu
const PATH = /^[A-Za-z0-9][A-Za-z0-9_]*(\.[A-Za-z0-9][A-Za-z0-9_]*)*$/

export type TranslateOptions = {
  /** Longest accepted query, in characters (default 200). */
  maxQueryLength?: number
  /** The index's `pagination.maxTotalHits`: the most hits a query can count or page to (default 10,000). */
  maxTotalHits?: number
  /** The index's `faceting.maxValuesPerFacet` (default 1,000: every village of a county). */
  maxValuesPerFacet?: number
}

export const DEFAULTS = { maxQueryLength: 200, maxTotalHits: 10_000, maxValuesPerFacet: 1_000 } as const

export function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

// ---- fields ----------------------------------------------------------------------------------

/** Flattened field paths ("origin.county_code") of a definition, with their definitions. */
export function flattenFields(fields: Record<string, Field> | undefined, prefix = ""): Map<string, Field> {
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

export const companion = {
  cjk: (path: string) => `_cjk_${path.replace(/\./g, "__")}`,
  pinyin: (path: string) => `_py_${path.replace(/\./g, "__")}`,
  time: (path: string) => `_ts_${path.replace(/\./g, "__")}`,
}

function providerOptions(field: Field): Record<string, unknown> {
  return (field.provider_options?.[PROVIDER_KEY] ?? {}) as Record<string, unknown>
}

const isText = (field: Field) => field.type === "text" || field.type === "keyword"
const weightOf = (field: Field) => (typeof field.searchable === "object" ? field.searchable.weight ?? 1 : 1)

/**
 * Fields that get a pinyin companion: as postgres-cjk decides, so one definition behaves the same on
 * both — `title` (or `title_zh`), or any field with `pinyin: true` in its meilisearch options (else in
 * its postgres-cjk options, as the produce index gives its area names).
 */
export function wantsPinyin(path: string, field: Field): boolean {
  for (const key of [PROVIDER_KEY, "postgres-cjk"]) {
    const opt = (field.provider_options?.[key] as Record<string, unknown> | undefined)?.pinyin
    if (typeof opt === "boolean") return opt
  }
  return /(^|\.)title(_zh)?$/.test(path)
}

/** The locales of a searchable text field: `*_en` is English, pinyin/initials none, the rest Chinese. */
export function localesOf(path: string, field: Field): string[] {
  const opt = providerOptions(field).locales
  if (Array.isArray(opt)) return opt.map(String)
  if (/_en$/.test(path)) return ["eng"]
  if (/_(pinyin|initials)$/.test(path)) return []
  return ["cmn"]
}

/** Chinese text fields get a companion of Han characters and pairs; titles one of pinyin runs. */
export const hasCjkCompanion = (path: string, field: Field) => isText(field) && localesOf(path, field).includes("cmn")
export const hasPinyinCompanion = (path: string, field: Field) => isText(field) && wantsPinyin(path, field)

/** The Meilisearch attribute that filters and sorts a field: dates use their epoch-ms companion. */
export function filterAttribute(path: string, field: Field | undefined): string {
  return field?.type === "date" ? companion.time(path) : path
}

// ---- settings --------------------------------------------------------------------------------

export type MeiliSettings = {
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  displayedAttributes: string[]
  rankingRules: string[]
  localizedAttributes: { attributePatterns: string[]; locales: string[] }[]
  typoTolerance: {
    enabled: boolean
    minWordSizeForTypos: { oneTypo: number; twoTypos: number }
    disableOnAttributes: string[]
  }
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, "alpha" | "count"> }
  pagination: { maxTotalHits: number }
  distinctAttribute: string | null
  [key: string]: unknown
}

/**
 * Index settings from a definition: searchable attributes by weight (each followed by its Chinese and
 * pinyin companions), filterable and sortable ones (dates through their companions, the primary key
 * always), displayed ones (the retrievable top-level fields, so companions never show), `cmn` for
 * Chinese text, typo tolerance from the definition (one typo from 5 letters, two from 9 by default),
 * and the "sort" rule first so an explicit order beats relevance, as on postgres-cjk.
 * `settings.provider_options.meilisearch` is merged last, for anything else.
 */
export function settingsFromDefinition(definition: Definition, options: TranslateOptions = {}): MeiliSettings {
  const fields = flattenFields(definition.fields)
  const pk = definition.primary_key || "id"
  for (const [path, field] of fields) {
    if (!PATH.test(path)) invalid(`Field name "${path}" cannot be used with Meilisearch (letters, digits and _ only)`)
    if (field.type === "vector") invalid(`Vector field "${path}" is not supported by the meilisearch provider`)
    if (field.type === "geo" && (field.filterable || field.sortable || field.facetable)) {
      invalid(`Geo field "${path}" can only be stored with the meilisearch provider, not filtered, sorted or faceted`)
    }
  }

  const searchable = [...fields]
    .filter(([, f]) => f.searchable && f.type !== "object" && f.type !== "geo" && f.type !== "vector")
    .map(([path, field], order) => ({ path, field, order }))
    .sort((a, b) => weightOf(b.field) - weightOf(a.field) || a.order - b.order)

  const searchableAttributes = searchable.flatMap(({ path, field }) => [
    path,
    ...(hasCjkCompanion(path, field) ? [companion.cjk(path)] : []),
    ...(hasPinyinCompanion(path, field) ? [companion.pinyin(path)] : []),
  ])

  const filterable = new Set<string>([pk])
  const sortable = new Set<string>([pk])
  for (const [path, field] of fields) {
    if (field.filterable || field.facetable) filterable.add(filterAttribute(path, field))
    if (field.sortable) sortable.add(filterAttribute(path, field))
  }

  const displayed = new Set<string>([pk])
  for (const [name, field] of Object.entries(definition.fields ?? {})) {
    if (field.retrievable !== false) displayed.add(name)
  }

  const byLocale = new Map<string, string[]>()
  for (const { path, field } of searchable) {
    if (!isText(field)) continue
    const locales = localesOf(path, field)
    if (!locales.length) continue
    const key = locales.join(",")
    const patterns = byLocale.get(key) ?? []
    patterns.push(path)
    if (locales.includes("cmn")) patterns.push(companion.cjk(path))
    byLocale.set(key, patterns)
  }

  const typo = definition.settings?.typo_tolerance ?? {}
  const extra = (definition.settings?.provider_options?.[PROVIDER_KEY] ?? {}) as Record<string, unknown>

  return {
    searchableAttributes,
    filterableAttributes: [...filterable],
    sortableAttributes: [...sortable],
    displayedAttributes: [...displayed],
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    localizedAttributes: [...byLocale].map(([key, attributePatterns]) => ({ attributePatterns, locales: key.split(",") })),
    typoTolerance: {
      enabled: typo.enabled ?? true,
      minWordSizeForTypos: {
        oneTypo: typo.min_word_size_for_one_typo ?? 5,
        twoTypos: typo.min_word_size_for_two_typos ?? 9,
      },
      disableOnAttributes: typo.disabled_on_attributes ?? [],
    },
    faceting: {
      maxValuesPerFacet: options.maxValuesPerFacet ?? DEFAULTS.maxValuesPerFacet,
      sortFacetValuesBy: { "*": "count" },
    },
    pagination: { maxTotalHits: options.maxTotalHits ?? DEFAULTS.maxTotalHits },
    distinctAttribute: definition.settings?.distinct_attribute ?? null,
    ...extra,
  }
}

// ---- documents -------------------------------------------------------------------------------

export function readPath(doc: Record<string, unknown>, path: string): unknown {
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

function epochMs(value: unknown): number | undefined {
  if (value == null || value === "") return undefined
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(String(value))
  return Number.isFinite(ms) ? ms : undefined
}

/** A document as Meilisearch stores it: the document itself plus its hidden companions. */
export function toMeiliDocument(doc: SearchTypes.SearchDocument, definition: Definition): Record<string, unknown> {
  const pk = definition.primary_key || "id"
  const id = (doc as Record<string, unknown>)[pk]
  if (typeof id !== "string" && typeof id !== "number") invalid(`A document has no "${pk}"`)
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(doc))
  for (const [path, field] of flattenFields(definition.fields)) {
    const value = readPath(doc, path)
    if (field.type === "date" && (field.filterable || field.sortable || field.facetable)) {
      const times = (Array.isArray(value) ? value : [value]).map(epochMs).filter((t): t is number => t !== undefined)
      if (times.length) out[companion.time(path)] = Array.isArray(value) ? times : times[0]
    }
    if (field.searchable && isText(field)) {
      const han = textsOf(value).filter((t) => HAN.test(t))
      if (!han.length) continue
      if (hasCjkCompanion(path, field)) {
        const terms = new Set(han.flatMap((t) => cjkTerms(t)).filter((t) => HAN.test(t)))
        out[companion.cjk(path)] = [...terms].join(" ")
      }
      if (hasPinyinCompanion(path, field)) out[companion.pinyin(path)] = pinyinWords(han.join(" ")).join(" ")
    }
  }
  return out
}

/** The last version of each document wins, as one SQL upsert would have it. */
export function lastVersions<T extends Record<string, unknown>>(documents: T[], pk: string): T[] {
  const byId = new Map<string, T>()
  for (const doc of documents) byId.set(String(doc[pk]), doc)
  return [...byId.values()]
}

// ---- filters ---------------------------------------------------------------------------------

export type FilterContext = {
  fields: Map<string, Field>
  pk: string
  /** Strict: every field must be in the definition and filterable. Loose (deletes without a definition): types come from the values. */
  strict: boolean
}

/** Meilisearch has no FALSE: nothing lacks the primary key. */
export const nothing = (pk: string) => `${pk} NOT EXISTS`

/** A double-quoted filter value: backslashes and quotes escaped (Meilisearch's filter-parser unescapes both). */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

function numberLiteral(n: number): string {
  const text = String(n)
  return /^-?\d+(\.\d+)?$/.test(text) ? text : quote(text)
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value
  if (typeof value === "string" && value.trim() !== "") return Number(value)
  return Number.NaN
}

function literal(path: string, field: Field | undefined, value: unknown): string {
  if (value instanceof Date || field?.type === "date") {
    const ms = epochMs(value)
    if (ms === undefined) invalid(`Expected a date for "${path}", got ${JSON.stringify(value)}`)
    return numberLiteral(ms)
  }
  if (field?.type === "integer" || field?.type === "float") {
    const n = toNumber(value)
    if (!Number.isFinite(n)) invalid(`Expected a number for "${path}", got ${JSON.stringify(value)}`)
    return numberLiteral(n)
  }
  if (field?.type === "boolean") {
    if (value === true || value === "true") return "true"
    if (value === false || value === "false") return "false"
    invalid(`Expected a boolean for "${path}", got ${JSON.stringify(value)}`)
  }
  if (!field) {
    if (typeof value === "number" && Number.isFinite(value)) return numberLiteral(value)
    if (typeof value === "boolean") return String(value)
  }
  if (value !== null && typeof value === "object") invalid(`Expected a value for "${path}", got ${JSON.stringify(value)}`)
  return quote(String(value))
}

function resolveField(path: string, ctx: FilterContext, need: "filterable" | "sortable" | "facetable"): { attr: string; field?: Field } {
  if (!PATH.test(path)) invalid(`Unknown field "${path}"`)
  if (path === ctx.pk) return { attr: path, field: { type: "keyword" } }
  const field = ctx.fields.get(path)
  if (ctx.strict) {
    if (!field) invalid(`Unknown field "${path}"`)
    if (!field[need] && !(need === "filterable" && field.facetable)) invalid(`Field "${path}" is not ${need}`)
  }
  return { attr: filterAttribute(path, field), field }
}

const isNull = (attr: string) => `${attr} IS NULL OR ${attr} NOT EXISTS`
const isSet = (attr: string) => `${attr} EXISTS AND ${attr} IS NOT NULL`
const group = (parts: string[], joiner: "AND" | "OR") => (parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(` ${joiner} `))

function inList(path: string, attr: string, field: Field | undefined, list: unknown[], ctx: FilterContext): string {
  if (!list.length) return nothing(ctx.pk)
  const present = list.filter((v) => v !== null && v !== undefined)
  const parts: string[] = []
  if (present.length) parts.push(`${attr} IN [${present.map((v) => literal(path, field, v)).join(", ")}]`)
  if (present.length < list.length) parts.push(isNull(attr))
  return group(parts, "OR")
}

function fieldCondition(path: string, value: unknown, ctx: FilterContext): string | undefined {
  const { attr, field } = resolveField(path, ctx, "filterable")
  if (value === null) return isNull(attr)
  if (typeof value !== "object" || value instanceof Date) return `${attr} = ${literal(path, field, value)}`
  if (Array.isArray(value)) return inList(path, attr, field, value, ctx)
  const parts: string[] = []
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    if (operand === undefined) continue
    switch (op) {
      case "$eq":
        parts.push(operand === null ? isNull(attr) : `${attr} = ${literal(path, field, operand)}`)
        break
      case "$ne":
        parts.push(operand === null ? isSet(attr) : `${attr} != ${literal(path, field, operand)}`)
        break
      case "$in":
      case "$overlaps":
        if (!Array.isArray(operand)) invalid(`${op} on "${path}" needs an array`)
        parts.push(inList(path, attr, field, operand, ctx))
        break
      case "$nin": {
        if (!Array.isArray(operand)) invalid(`$nin on "${path}" needs an array`)
        const present = operand.filter((v) => v !== null && v !== undefined)
        const sub: string[] = []
        if (present.length) sub.push(`${attr} NOT IN [${present.map((v) => literal(path, field, v)).join(", ")}]`)
        if (present.length < operand.length) sub.push(isSet(attr))
        if (sub.length) parts.push(group(sub, "AND"))
        break
      }
      case "$lt":
      case "$lte":
      case "$gt":
      case "$gte": {
        const numeric = field ? ["integer", "float", "date"].includes(field.type) : typeof operand === "number" || operand instanceof Date
        if (!numeric) invalid(`${op} needs a number or date field; "${path}" is not one`)
        const sign = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" }[op]
        parts.push(`${attr} ${sign} ${literal(path, field, operand)}`)
        break
      }
      case "$exists":
        parts.push(operand ? isSet(attr) : isNull(attr))
        break
      case "$contains": {
        const all = Array.isArray(operand) ? operand : [operand]
        if (all.length) parts.push(group(all.map((v) => `${attr} = ${literal(path, field, v)}`), "AND"))
        break
      }
      case "$prefix":
      case "$like":
        invalid(`The filter operator ${op} is not supported by the meilisearch provider`)
        break
      default:
        invalid(`Unsupported filter operator ${op} on "${path}"`)
    }
  }
  return parts.length ? group(parts, "AND") : undefined
}

/**
 * SearchFilters → a Meilisearch filter expression, or undefined when nothing is filtered. `q` is the
 * text query, not a field. Values are always literals (quoted strings, plain numbers, true/false),
 * fields must be filterable names of the definition, so no input can change the expression's shape.
 */
export function buildFilter(filters: SearchTypes.SearchFilters | undefined, ctx: FilterContext): string | undefined {
  const walk = (f: SearchTypes.SearchFilters | undefined): string | undefined => {
    if (f === undefined || f === null) return undefined
    if (typeof f !== "object" || Array.isArray(f)) invalid("Filters must be an object")
    const parts: string[] = []
    for (const [key, value] of Object.entries(f)) {
      if (value === undefined || key === "q") continue
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value)) invalid(`${key} needs an array of filters`)
        const subs = (value as SearchTypes.SearchFilters[]).map(walk)
        if (key === "$and") {
          const defined = subs.filter((s): s is string => !!s)
          if (defined.length) parts.push(group(defined, "AND"))
        } else if (!subs.length) {
          parts.push(nothing(ctx.pk))
        } else if (subs.every((s) => s !== undefined)) {
          parts.push(group(subs as string[], "OR"))
        } // a branch without conditions matches everything, and so does the $or
      } else if (key === "$not") {
        const sub = walk(value as SearchTypes.SearchFilters)
        parts.push(sub ? `NOT (${sub})` : nothing(ctx.pk))
      } else if (key.startsWith("$")) {
        invalid(`Unsupported filter operator ${key}`)
      } else {
        const condition = fieldCondition(key, value, ctx)
        if (condition) parts.push(condition)
      }
    }
    return parts.length ? group(parts, "AND") : undefined
  }
  return walk(filters)
}

/** `{ id: [...] }`, `{ id: { $in: [...] } }`, `{ id: "x" }` or `{ id: { $eq: "x" } }` → the ids (Meilisearch's delete-by-id path). */
export function idsFromFilters(filters: SearchTypes.SearchFilters | undefined, pk: string): string[] | undefined {
  const keys = Object.keys(filters ?? {}).filter((k) => (filters as Record<string, unknown>)[k] !== undefined)
  if (keys.length !== 1 || keys[0] !== pk) return undefined
  const value = (filters as Record<string, unknown>)[pk]
  const scalar = (v: unknown) => typeof v === "string" || typeof v === "number"
  let list: unknown[] | undefined
  if (Array.isArray(value)) list = value
  else if (scalar(value)) list = [value]
  else if (value && typeof value === "object") {
    const ops = Object.keys(value)
    if (ops.length === 1 && ops[0] === "$in" && Array.isArray((value as { $in: unknown[] }).$in)) list = (value as { $in: unknown[] }).$in
    if (ops.length === 1 && ops[0] === "$eq" && scalar((value as { $eq: unknown }).$eq)) list = [(value as { $eq: unknown }).$eq]
  }
  return list && list.every(scalar) ? list.map(String) : undefined
}

/** A loose field map from an index's filterable attributes (date companions become date fields). */
export function fieldsFromFilterable(filterable: string[]): Map<string, Field> {
  const fields = new Map<string, Field>()
  for (const attr of filterable) {
    if (attr.startsWith("_ts_")) fields.set(attr.slice(4).replace(/__/g, "."), { type: "date", filterable: true })
  }
  return fields
}

// ---- sort and query --------------------------------------------------------------------------

/**
 * An order → Meilisearch sort rules, ending with the primary key so ties are stable (as postgres-cjk
 * orders by id). Relevance is what Meilisearch does without sort rules, so `_score: "DESC"` can only
 * come last; a query without any order keeps relevance alone, and no query sorts by the primary key.
 */
export function buildSort(
  order: Record<string, string> | undefined,
  ctx: FilterContext,
  hasQuery: boolean
): string[] | undefined {
  const entries = Object.entries(order ?? {})
  const rules: string[] = []
  entries.forEach(([path, raw], i) => {
    const dir = String(raw).toUpperCase()
    if (dir !== "ASC" && dir !== "DESC") invalid(`Sort direction for "${path}" must be ASC or DESC`)
    if (path === "_score") {
      if (dir === "ASC") invalid("The meilisearch provider cannot sort by ascending relevance")
      if (i < entries.length - 1) invalid("With the meilisearch provider, _score can only be the last sort key")
      return
    }
    const { attr } = resolveField(path, { ...ctx, strict: true }, "sortable")
    rules.push(`${attr}:${dir.toLowerCase()}`)
  })
  if ((rules.length || !hasQuery) && !rules.some((r) => r.startsWith(`${ctx.pk}:`))) rules.push(`${ctx.pk}:asc`)
  return rules.length ? rules : undefined
}

export type NormalizedQuery = {
  /** What Meilisearch gets as `q` (undefined: no text query, every document matches). */
  q?: string
  /** The query has Chinese: search it with the `cmn` locale. */
  han: boolean
  /** A query of symbols only: nothing can match it (as on postgres-cjk). */
  matchesNothing: boolean
}

/**
 * The text query as Meilisearch should see it. Symbols separate words and never act as operators
 * (no phrase quotes, no "-" negation). Runs of 1–2 Han characters stay as they are (a companion holds
 * every character and pair); longer runs become their characters ("洛川苹果" → 洛 川 苹 果), since
 * jieba may cut a query differently from a title and the words of a title may lie apart. Without typo
 * tolerance every word is an exact phrase of one word.
 */
export function normalizeQuery(raw: string | undefined, typoTolerance = true): NormalizedQuery {
  const text = (raw ?? "").normalize("NFKC").toLowerCase()
  if (!text.trim()) return { han: false, matchesNothing: false }
  const words: string[] = []
  let han = false
  for (const [run] of text.matchAll(WORD_RUNS)) {
    if (HAN.test(run)) {
      han = true
      const chars = [...run]
      words.push(...(chars.length <= 2 ? [run] : chars))
    } else {
      words.push(run)
    }
  }
  if (!words.length) return { han: false, matchesNothing: true }
  const unique = [...new Set(words)]
  return { q: (typoTolerance ? unique : unique.map((w) => `"${w}"`)).join(" "), han, matchesNothing: false }
}

// ---- search requests and results -------------------------------------------------------------

export type MeiliQuery = {
  indexUid: string
  q?: string
  filter?: string
  sort?: string[]
  facets?: string[]
  page?: number
  hitsPerPage?: number
  attributesToRetrieve?: string[]
  attributesToSearchOn?: string[]
  attributesToHighlight?: string[]
  highlightPreTag?: string
  highlightPostTag?: string
  matchingStrategy?: "all" | "last" | "frequency"
  locales?: string[]
  distinct?: string
  rankingScoreThreshold?: number
  showRankingScore?: boolean
}

export type MeiliResponse = {
  hits: Record<string, unknown>[]
  totalHits?: number
  estimatedTotalHits?: number
  processingTimeMs?: number
  facetDistribution?: Record<string, Record<string, number>>
  facetStats?: Record<string, { min: number; max: number }>
}

export type SearchPlan = {
  queries: MeiliQuery[]
  assemble: (responses: MeiliResponse[]) => SearchTypes.SearchResult
}

const HIT_INTERNALS = new Set(["_rankingScore", "_rankingScoreDetails", "_formatted", "_matchesPosition", "_federation", "_vectors", "_geoDistance"])

/** A Meilisearch hit → a search hit: the document without Meilisearch's or our hidden attributes. */
export function fromMeiliHit(
  hit: Record<string, unknown>,
  pk: string,
  highlightFields?: string[]
): SearchTypes.SearchHit {
  const document: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(hit)) {
    if (HIT_INTERNALS.has(key) || /^_(cjk|py|ts)_/.test(key)) continue
    document[key] = value
  }
  const result: SearchTypes.SearchHit = { id: String(hit[pk]), document }
  if (typeof hit._rankingScore === "number") result.score = hit._rankingScore
  const formatted = hit._formatted as Record<string, unknown> | undefined
  if (highlightFields && formatted) {
    const highlights: Record<string, string[]> = {}
    for (const field of highlightFields) {
      const value = readPath(formatted, field)
      const texts = textsOf(value)
      if (texts.length) highlights[field] = texts
    }
    result.highlights = highlights
  }
  return result
}

function compareValues(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Meilisearch's value distribution → our value facet (count desc then value, or alphabetical; limited). */
export function valueFacet(
  distribution: Record<string, number> | undefined,
  request: { limit?: number; sort?: "count" | "alpha" },
  field?: Field
): SearchTypes.SearchFacetResult {
  let values = Object.entries(distribution ?? {})
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value: field?.type === "date" ? new Date(Number(value)).toISOString() : value, count }))
  values.sort((a, b) => (request.sort === "alpha" ? compareValues(a.value, b.value) : b.count - a.count || compareValues(a.value, b.value)))
  const limit = Math.min(1000, Math.max(1, Number(request.limit ?? 100)))
  const other = values.slice(limit).reduce((sum, v) => sum + v.count, 0)
  values = values.slice(0, limit)
  return other ? { type: "value", values, other_count: other } : { type: "value", values }
}

const and = (...parts: (string | undefined)[]) => {
  const defined = parts.filter((p): p is string => !!p)
  return defined.length ? group(defined, "AND") : undefined
}

/**
 * One provider query → the Meilisearch queries of one multi-search (the hits with value facets and
 * facet stats; one count per range facet; one count per stats facet) and how to assemble the answers.
 * Pages use `page`/`hitsPerPage`, whose `totalHits` is exact (up to maxTotalHits); a skip that is not a
 * multiple of take reads the first skip+take hits and drops the first skip.
 */
export function planSearch(input: SearchTypes.ProviderSearchQuery, options: TranslateOptions = {}): SearchPlan {
  const definition = input.index
  const uid = definition.physical_name
  const pk = definition.primary_key || "id"
  const fields = flattenFields(definition.fields)
  const ctx: FilterContext = { fields, pk, strict: true }
  const searchOptions = input.search_options ?? {}

  const raw = input.q ?? (typeof input.filters?.q === "string" ? input.filters.q : undefined)
  if (raw != null && typeof raw !== "string") invalid("The query must be a string")
  const maxLength = options.maxQueryLength ?? DEFAULTS.maxQueryLength
  if (raw && [...raw].length > maxLength) invalid(`The query is longer than ${maxLength} characters`)
  const query = normalizeQuery(raw, searchOptions.typo_tolerance !== false)

  const filter = and(buildFilter(input.filters, ctx), query.matchesNothing ? nothing(pk) : undefined)
  const sort = buildSort(input.pagination?.order, ctx, !!query.q)
  if (input.pagination?.cursor) invalid("Cursor pagination is not supported by the meilisearch provider; use skip and take")

  const skip = Math.max(0, Math.floor(Number(input.pagination?.skip ?? 0)) || 0)
  const take = Math.min(1000, Math.max(0, Math.floor(Number(input.pagination?.take ?? 20)) || 0))
  let page = 1
  let hitsPerPage = take
  let drop = 0
  if (take > 0 && skip % take === 0) {
    page = skip / take + 1
  } else if (take > 0) {
    hitsPerPage = skip + take
    drop = skip
  }

  const strategy = searchOptions.match_strategy
  if (strategy === "any") invalid('match_strategy "any" is not supported by the meilisearch provider (use "all" or "last")')

  const searchOn = searchOptions.attributes_to_search_on?.flatMap((path) => {
    const field = fields.get(path)
    if (!field?.searchable) invalid(`Field "${path}" is not searchable`)
    return [path, ...(hasCjkCompanion(path, field) ? [companion.cjk(path)] : []), ...(hasPinyinCompanion(path, field) ? [companion.pinyin(path)] : [])]
  })

  const highlight = searchOptions.highlight
  const highlightFields = highlight
    ? typeof highlight === "object"
      ? highlight.fields
      : [...fields].filter(([, f]) => f.searchable && isText(f)).map(([path]) => path)
    : undefined

  // Top-level attributes, as postgres-cjk projects them; the primary key always.
  const attributes = input.attributes_to_retrieve?.length
    ? [...new Set([pk, ...input.attributes_to_retrieve.map((a) => (a === "*" ? "*" : a.split(".")[0]))])]
    : undefined

  const requests = (searchOptions.facets ?? []).map((raw) => (typeof raw === "string" ? { field: raw } : raw)) as SearchTypes.SearchFacetRequest[]
  const valueFacets: { request: Extract<SearchTypes.SearchFacetRequest, { type?: "value" }>; attr: string; field?: Field }[] = []
  const statsFacets: { field: string; attr: string; query: number }[] = []
  const rangeFacets: { field: string; ranges: { key: string; from?: number | string; to?: number | string; query: number }[] }[] = []

  const base: MeiliQuery = {
    indexUid: uid,
    ...(query.q ? { q: query.q } : {}),
    ...(query.han ? { locales: ["cmn"] } : {}),
    ...(strategy ? { matchingStrategy: strategy } : {}),
    ...(searchOn ? { attributesToSearchOn: searchOn } : {}),
    ...(searchOptions.distinct ? { distinct: resolveField(searchOptions.distinct, ctx, "filterable").attr } : {}),
    ...(searchOptions.min_score != null ? { rankingScoreThreshold: Number(searchOptions.min_score) } : {}),
  }
  const main: MeiliQuery = {
    ...base,
    ...(filter ? { filter } : {}),
    ...(sort ? { sort } : {}),
    page,
    hitsPerPage,
    showRankingScore: true,
    ...(attributes ? { attributesToRetrieve: attributes } : {}),
    ...(highlightFields
      ? {
          attributesToHighlight: highlightFields,
          highlightPreTag: typeof highlight === "object" ? highlight.pre_tag ?? "<em>" : "<em>",
          highlightPostTag: typeof highlight === "object" ? highlight.post_tag ?? "</em>" : "</em>",
        }
      : {}),
  }
  const queries: MeiliQuery[] = [main]
  const count = (extra: string) => {
    queries.push({ ...base, filter: and(filter, extra), page: 1, hitsPerPage: 0 })
    return queries.length - 1
  }

  const facetAttrs = new Set<string>()
  for (const request of requests) {
    const { attr, field } = resolveField(request.field, ctx, "facetable")
    if (request.type === "range") {
      if (!field || !["integer", "float", "date"].includes(field.type)) invalid(`Range facets need a number or date field; "${request.field}" is not one`)
      rangeFacets.push({
        field: request.field,
        ranges: request.ranges.map((range) => {
          const conds = [isSet(attr)]
          if (range.from != null) conds.push(`${attr} >= ${literal(request.field, field, range.from)}`)
          if (range.to != null) conds.push(`${attr} < ${literal(request.field, field, range.to)}`)
          return { key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`, from: range.from, to: range.to, query: count(group(conds, "AND")) }
        }),
      })
    } else if (request.type === "stats") {
      if (!field || !["integer", "float"].includes(field.type)) invalid(`Stats facets need a number field; "${request.field}" is not one`)
      facetAttrs.add(attr)
      statsFacets.push({ field: request.field, attr, query: count(isSet(attr)) })
    } else {
      if (request.query) invalid("Facet value search (facet query) is not supported by the meilisearch provider")
      facetAttrs.add(attr)
      valueFacets.push({ request, attr, field })
    }
  }
  if (facetAttrs.size) main.facets = [...facetAttrs]

  return {
    queries,
    assemble(responses) {
      const [first] = responses
      const total = first.totalHits ?? first.estimatedTotalHits ?? 0
      const facets: Record<string, SearchTypes.SearchFacetResult> = {}
      for (const { request, attr, field } of valueFacets) {
        facets[request.field] = valueFacet(first.facetDistribution?.[attr], request, field)
      }
      for (const { field, attr, query: index } of statsFacets) {
        const stats = first.facetStats?.[attr]
        const n = responses[index]?.totalHits ?? 0
        facets[field] = { type: "stats", min: stats?.min ?? 0, max: stats?.max ?? 0, count: n }
      }
      for (const { field, ranges } of rangeFacets) {
        facets[field] = {
          type: "range",
          ranges: ranges.map(({ query: index, ...range }) => ({ ...range, count: responses[index]?.totalHits ?? 0 })),
        }
      }
      return {
        hits: first.hits.slice(drop).map((hit) => fromMeiliHit(hit, pk, highlightFields)),
        ...(requests.length ? { facets } : {}),
        metadata: {
          skip,
          take,
          count: searchOptions.count === "none" ? null : total,
          ...(raw ? { query: raw } : {}),
          ...(first.processingTimeMs != null ? { processing_time_ms: first.processingTimeMs } : {}),
        },
      }
    },
  }
}

// ---- tasks and errors ------------------------------------------------------------------------

/** Several Meilisearch task uids travel as one SearchTask id: "12,13,14". */
export function encodeTaskId(uids: number[]): string {
  return uids.join(",")
}

export function decodeTaskId(id: string | undefined): number[] {
  if (!id) return []
  return id.split(",").map((part) => {
    const uid = Number(part)
    if (!Number.isInteger(uid) || uid < 0) invalid(`"${id}" is not a Meilisearch task id`)
    return uid
  })
}

export type FinishedTask = {
  uid: number
  status: string
  type?: string
  error?: { message: string; code?: string } | null
}

/**
 * Finished Meilisearch tasks → the final state of our task: failed, with Meilisearch's own message
 * and code, when any of them failed or was canceled (deleting an index that is already gone is fine).
 */
export function settleTasks(task: SearchTypes.SearchTask, finished: FinishedTask[]): SearchTypes.SearchTask {
  for (const t of finished) {
    if (t.status === "succeeded") continue
    if (t.status === "failed" && t.type === "indexDeletion" && t.error?.code === "index_not_found") continue
    const reason = t.status === "canceled" ? "was canceled" : `failed: ${t.error?.message ?? "unknown error"}`
    return {
      ...task,
      status: "failed",
      error: { message: `Meilisearch task ${t.uid}${t.type ? ` (${t.type})` : ""} ${reason}`, ...(t.error?.code ? { code: t.error.code } : {}) },
    }
  }
  return { ...task, status: "succeeded" }
}

/** A Meilisearch client error → a MedusaError the HTTP layer maps (404 for a missing index, 400 for bad input). */
export function toMedusaError(error: unknown, context: string): MedusaError {
  if (error instanceof MedusaError) return error
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === "MeilisearchApiError") {
    const code = e.cause?.code ?? ""
    const message = `${context}: ${e.cause?.message ?? e.message ?? "error"}${code ? ` (${code})` : ""}`
    if (code === "index_not_found") return new MedusaError(MedusaError.Types.NOT_FOUND, message)
    if (code.startsWith("invalid_") || code === "bad_request" || code.startsWith("missing_")) {
      return new MedusaError(MedusaError.Types.INVALID_DATA, message)
    }
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, message)
  }
  if (e?.name === "MeilisearchRequestError" || e?.name === "MeilisearchRequestTimeOutError") {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${context}: Meilisearch is unreachable (${e.message})`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${context}: ${e?.message ?? String(error)}`)
}
