import type { SearchTypes } from "@medusajs/framework/types"
import { pinyin } from "pinyin-pro"

/**
 * The produce index of the shared contract (see the index contract: plugins/marketplace
 * `src/search/produce.ts`), as the Search module hands it to a provider once resolved, and five
 * produce documents shaped as the index transform writes them. Every piece of text is chosen so that
 * each query of the contract has one exact answer: no other document contains 米, 苹果, 香 or 果 by
 * accident, and no English word but "apples" starts with "a" or any with "q".
 */
type Fields = Record<string, SearchTypes.SearchFieldDefinition>

const text = (weight?: number): SearchTypes.SearchFieldDefinition => ({
  type: "text",
  searchable: weight ? { weight } : true,
})
const keyword = (extra: Partial<SearchTypes.SearchFieldDefinition> = {}): SearchTypes.SearchFieldDefinition => ({
  type: "keyword",
  ...extra,
})
const area = { type: "keyword", filterable: true, facetable: true } as const
/** Area names get pinyin in postgres-cjk too (as in plugins/marketplace src/search/produce.ts). */
const areaName = (): SearchTypes.SearchFieldDefinition => ({
  type: "text",
  searchable: true,
  provider_options: { "postgres-cjk": { pinyin: true } },
})

export const produceFields: Fields = {
  id: keyword({ filterable: true }),
  handle: keyword(),
  title: text(3),
  title_en: text(2),
  description: text(),
  description_en: text(),
  title_pinyin: keyword({ searchable: true }),
  title_initials: keyword({ searchable: true }),
  variety: keyword({ searchable: true, filterable: true, facetable: true }),
  category: keyword({ filterable: true, facetable: true }),
  category_name: text(),
  category_name_en: text(),
  province_code: { ...area },
  city_code: { ...area },
  county_code: { ...area },
  town_code: { ...area },
  village_code: { ...area },
  province_name: areaName(),
  city_name: areaName(),
  county_name: areaName(),
  town_name: areaName(),
  village_name: areaName(),
  village_handle: keyword(),
  cooperative_id: keyword({ filterable: true, facetable: true }),
  cooperative_handle: keyword(),
  cooperative_name: text(),
  unit: keyword(),
  price_min: { type: "integer", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
  in_stock: { type: "boolean", filterable: true, facetable: true },
  preorder_opens_at: { type: "date", filterable: true },
  preorder_closes_at: { type: "date", filterable: true },
  certified: { type: "boolean", filterable: true, facetable: true },
  certifications: keyword({ array: true, filterable: true, facetable: true }),
  harvested_at: { type: "date", filterable: true, sortable: true },
  created_at: { type: "date", filterable: true, sortable: true },
  status: keyword({ filterable: true }),
  sales_channel_ids: keyword({ array: true, filterable: true }),
  thumbnail: {
    type: "object",
    fields: {
      url_320: keyword(),
      url_640: keyword(),
      thumbhash: keyword(),
      width: { type: "integer" },
      height: { type: "integer" },
    },
  },
  location: { type: "geo" },
}

/** The resolved definition a provider receives (`physical_name` is the index it writes to). */
export function produceDefinition(
  physicalName: string,
  fields: Fields = produceFields,
  provider = "contract"
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "produce",
    entity: "product",
    primary_key: "id",
    provider,
    settings: {},
    fields,
    definition_hash: `contract-${Object.keys(fields).length}`,
    physical_name: physicalName,
    seed: async function* () {},
  } as unknown as SearchTypes.ResolvedSearchIndexDefinition
}

/** Version 2 of the definition: `unit` becomes filterable and facetable (an index settings migration). */
export function produceDefinitionV2(physicalName: string, provider = "contract") {
  return produceDefinition(physicalName, { ...produceFields, unit: keyword({ filterable: true, facetable: true }) }, provider)
}

/** Every retrievable path, as the Search module passes `attributes_to_retrieve` by default. */
export function retrievablePaths(fields: Fields = produceFields, prefix = ""): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    if (field.retrievable === false) return []
    const path = prefix ? `${prefix}.${name}` : name
    return field.type === "object" && field.fields ? [path, ...retrievablePaths(field.fields, path)] : [path]
  })
}

/**
 * `title_pinyin` and `title_initials` as the index transform fills them with pinyin-pro (plugins/
 * marketplace `src/lib/produce-search.ts`): every syllable and run of up to four, plus the whole title
 * joined ("luo chuan … luochuan … hongfushi … luochuanhongfushipingguo"); the initials of the title
 * and of every tail of it ("lchfspg chfspg … pg").
 */
export function titlePinyin(title: string): { title_pinyin: string; title_initials: string } {
  const words = new Set<string>()
  const initials = new Set<string>()
  for (const [run] of title.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
    words.add(syllables.join(""))
    for (let size = 4; size >= 1; size--) {
      for (let start = 0; start + size <= syllables.length; start++) words.add(syllables.slice(start, start + size).join(""))
    }
    const firsts = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
    for (let start = 0; start < firsts.length - 1; start++) initials.add(firsts.slice(start).join(""))
  }
  return { title_pinyin: [...words].join(" "), title_initials: [...initials].join(" ") }
}

type Area = { codes: [string, string, string, string, string]; names: [string, string, string, string, string] }

function origin({ codes, names }: Area) {
  return {
    province_code: codes[0],
    city_code: codes[1],
    county_code: codes[2],
    town_code: codes[3],
    village_code: codes[4],
    province_name: names[0],
    city_name: names[1],
    county_name: names[2],
    town_name: names[3],
    village_name: names[4],
  }
}

const CATEGORY_NAMES: Record<string, [string, string]> = {
  fruit: ["水果", "Fruit"],
  "grain-oil": ["粮油", "Grain and oil"],
  dried: ["干货山珍", "Dried goods and mountain produce"],
}

export type ProduceDoc = SearchTypes.SearchDocument & Record<string, unknown>

/** One produce document as the index transform writes it (pinyin and initials from pinyin-pro). */
export function produceDoc(input: {
  id: string
  title: string
  title_en: string
  description: string
  description_en: string
  variety: string
  category: string
  area: Area
  village_handle: string
  cooperative: { id: string; handle: string; name: string }
  unit: "jin" | "kg" | "box" | "piece"
  price_min: number
  in_stock: boolean
  preorder?: [string, string]
  certifications: string[]
  harvested_at: string
  created_at: string
  sales_channel_ids?: string[]
  location: { lat: number; lng: number }
}): ProduceDoc {
  return {
    id: input.id,
    handle: input.id.replace(/^prod_/, ""),
    title: input.title,
    title_en: input.title_en,
    description: input.description,
    description_en: input.description_en,
    ...titlePinyin(input.title),
    variety: input.variety,
    category: input.category,
    category_name: CATEGORY_NAMES[input.category]?.[0] ?? input.category,
    category_name_en: CATEGORY_NAMES[input.category]?.[1] ?? null,
    ...origin(input.area),
    village_handle: input.village_handle,
    cooperative_id: input.cooperative.id,
    cooperative_handle: input.cooperative.handle,
    cooperative_name: input.cooperative.name,
    unit: input.unit,
    price_min: input.price_min,
    in_stock: input.in_stock,
    preorder_opens_at: input.preorder?.[0] ?? null,
    preorder_closes_at: input.preorder?.[1] ?? null,
    certified: input.certifications.length > 0,
    certifications: input.certifications,
    harvested_at: input.harvested_at,
    created_at: input.created_at,
    status: "published",
    sales_channel_ids: input.sales_channel_ids ?? ["sc_main"],
    thumbnail: {
      url_320: `/media/${input.id}/320.webp`,
      url_640: `/media/${input.id}/640.webp`,
      thumbhash: "3OcRJYB4d3h/iIeHeEh3eIhw+j2w",
      width: 640,
      height: 480,
    },
    location: input.location,
  }
}

/** The instant the pre-order tests call "now": rice's window is open, pepper's closed, dates' not yet. */
export const CONTRACT_NOW = "2026-12-01T00:00:00.000Z"

export const apple = produceDoc({
  id: "apple",
  title: "洛川红富士苹果",
  title_en: "Luochuan Fuji apples",
  description: "黄土高原的红富士，脆甜多汁",
  description_en: "Crisp and juicy, grown on the loess plateau",
  variety: "红富士",
  category: "fruit",
  area: {
    codes: ["61", "6106", "610629", "610629101", "610629101204"],
    names: ["陕西省", "延安市", "洛川县", "旧县镇", "桐堤村"],
  },
  village_handle: "tongdi",
  cooperative: { id: "coop_tongdi", handle: "tongdi-hongfushi", name: "桐堤红富士合作社" },
  unit: "jin",
  price_min: 4800,
  in_stock: true,
  certifications: ["green-food"],
  harvested_at: "2026-10-05T00:00:00.000Z",
  created_at: "2026-10-06T08:00:00.000Z",
  location: { lat: 35.78, lng: 109.36 },
})

export const rice = produceDoc({
  id: "rice",
  title: "五常稻花香大米",
  title_en: "Wuchang fragrant rice",
  description: "黑龙江五常的稻花香2号",
  description_en: "Grown in the black soil of Wuchang",
  variety: "稻花香2号",
  category: "grain-oil",
  area: {
    codes: ["23", "2301", "230184", "230184100", "230184100200"],
    names: ["黑龙江省", "哈尔滨市", "五常市", "五常镇", "莲花村"],
  },
  village_handle: "lianhua",
  cooperative: { id: "coop_lianhua", handle: "lianhua-daozuo", name: "莲花村稻作合作社" },
  unit: "kg",
  price_min: 9900,
  in_stock: true,
  preorder: ["2026-11-01T00:00:00.000Z", "2026-12-31T00:00:00.000Z"],
  certifications: ["organic", "geo-indication"],
  harvested_at: "2026-10-20T00:00:00.000Z",
  created_at: "2026-11-01T08:00:00.000Z",
  location: { lat: 44.93, lng: 127.17 },
})

export const kiwi = produceDoc({
  id: "kiwi",
  title: "周至徐香猕猴桃",
  title_en: "Zhouzhi Xuxiang kiwifruit",
  description: "秦岭北麓的猕猴桃",
  description_en: "Picked in the northern foothills of Zhouzhi",
  variety: "徐香",
  category: "fruit",
  area: {
    codes: ["61", "6101", "610124", "610124101", "610124101201"],
    names: ["陕西省", "西安市", "周至县", "哑柏镇", "仰天村"],
  },
  village_handle: "yangtian",
  cooperative: { id: "coop_yangtian", handle: "yangtian-zhongzhi", name: "仰天村种植合作社" },
  unit: "box",
  price_min: 3500,
  in_stock: false,
  certifications: [],
  harvested_at: "2026-09-25T00:00:00.000Z",
  created_at: "2026-09-15T08:00:00.000Z",
  location: { lat: 34.16, lng: 108.06 },
})

export const dates = produceDoc({
  id: "dates",
  title: "延川红枣",
  title_en: "Yanchuan loess jujubes",
  description: "黄河岸边的枣园，晒足百天",
  description_en: "Sun dried for one hundred days by the Yellow River",
  variety: "狗头枣",
  category: "dried",
  area: {
    codes: ["61", "6106", "610622", "610622104", "610622104201"],
    names: ["陕西省", "延安市", "延川县", "延水关镇", "赵家河村"],
  },
  village_handle: "zhaojiahe",
  cooperative: { id: "coop_zhaojiahe", handle: "zhaojiahe-zaoye", name: "赵家河枣业合作社" },
  unit: "jin",
  price_min: 2600,
  in_stock: true,
  preorder: ["2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z"],
  certifications: ["geo-indication"],
  harvested_at: "2026-10-12T00:00:00.000Z",
  created_at: "2026-10-13T08:00:00.000Z",
  location: { lat: 36.88, lng: 110.18 },
})

export const pepper = produceDoc({
  id: "pepper",
  title: "凤县大红袍花椒",
  title_en: "Fengxian Dahongpao Sichuan pepper",
  description: "秦岭深处的大红袍，麻味足",
  description_en: "Numbing peppercorns from deep mountain valleys",
  variety: "大红袍",
  category: "dried",
  area: {
    codes: ["61", "6103", "610330", "610330100", "610330100201"],
    names: ["陕西省", "宝鸡市", "凤县", "双石铺镇", "永生村"],
  },
  village_handle: "yongsheng",
  cooperative: { id: "coop_yongsheng", handle: "yongsheng-huajiao", name: "永生村花椒合作社" },
  unit: "jin",
  price_min: 12800,
  in_stock: true,
  preorder: ["2026-06-01T00:00:00.000Z", "2026-08-01T00:00:00.000Z"],
  certifications: ["geo-indication", "organic"],
  harvested_at: "2026-08-20T00:00:00.000Z",
  created_at: "2026-06-01T08:00:00.000Z",
  sales_channel_ids: ["sc_main", "sc_wechat"],
  location: { lat: 33.91, lng: 106.52 },
})

/** Added after the first index build (upsert-then-find). */
export const walnut = produceDoc({
  id: "walnut",
  title: "黄龙核桃",
  title_en: "Huanglong walnuts",
  description: "山地核桃，壳薄仁满",
  description_en: "Thin shelled mountain walnuts",
  variety: "薄皮",
  category: "dried",
  area: {
    codes: ["61", "6106", "610631", "610631100", "610631100201"],
    names: ["陕西省", "延安市", "黄龙县", "石堡镇", "西村"],
  },
  village_handle: "xicun",
  cooperative: { id: "coop_xicun", handle: "xicun-hetao", name: "西村核桃合作社" },
  unit: "jin",
  price_min: 3900,
  in_stock: true,
  certifications: [],
  harvested_at: "2026-09-10T00:00:00.000Z",
  created_at: "2026-11-20T08:00:00.000Z",
  location: { lat: 35.58, lng: 109.86 },
})

export const corpus: ProduceDoc[] = [apple, rice, kiwi, dates, pepper]
