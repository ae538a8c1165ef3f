import { originCodes, produceDocument, titleInitials, titlePinyin, type Origins, type ProduceSearchRow } from "./produce-search"

const origins: Origins = {
  areas: new Map([
    ["61", "陕西省"],
    ["6106", "延安市"],
    ["610629", "洛川县"],
    ["610629101", "旧县镇"],
    ["610629101204", "桐堤村委会"],
  ]),
  villages: new Map([["610629101204", { handle: "tongdi", latitude: 35.78, longitude: 109.36 }]]),
}

const level = (stocked: number, reserved = 0) => ({
  inventory: { location_levels: [{ location_id: "sloc_coop", stocked_quantity: stocked, reserved_quantity: reserved }] },
})

function fuji(overrides: { details?: Partial<NonNullable<ProduceSearchRow["produce_details"]>>; cooperativeStatus?: string } = {}): ProduceSearchRow {
  return {
    id: "prod_1",
    handle: "luochuanhongfushipingguo-abc123",
    title: "洛川红富士苹果",
    description: "塬上的苹果",
    status: "published",
    metadata: { title_en: "Luochuan Fuji apples", description_en: "" },
    created_at: new Date("2026-10-01T00:00:00Z"),
    sales_channels: [{ id: "sc_1" }, null],
    categories: [{ handle: "fruit", name: "水果", metadata: { name_en: "Fruit" } }],
    variants: [
      { id: "v1", title: "5 斤装", prices: [{ amount: 88, currency_code: "cny" }, { amount: 1, currency_code: "usd" }], inventory_items: [level(0)] },
      { id: "v2", title: "3 斤装", prices: [{ amount: "68", currency_code: "cny" }], inventory_items: [level(5, 5)] },
    ],
    produce_details: {
      unit: "box",
      variety: "红富士",
      harvest_date: "2026-10-20T00:00:00.000Z",
      preorder_opens_at: null,
      preorder_closes_at: null,
      origin_area_code: "610629101204",
      certifications: { items: ["地理标志产品"] },
      photos: {
        items: [
          {
            width: 1600,
            height: 1200,
            placeholder: "thumbhash",
            variants: [
              { width: 1280, format: "webp", url: "http://x/1280.webp" },
              { width: 320, format: "webp", url: "http://x/320.webp" },
              { width: 640, format: "webp", url: "http://x/640.webp" },
              { width: 1280, format: "jpeg", url: "http://x/1280.jpg" },
            ],
          },
        ],
      },
      archived_at: null,
      cooperative: { id: "coop_1", name: "洛川桐堤苹果专业合作社", handle: "tongdi-apples", status: overrides.cooperativeStatus ?? "active", stock_location_id: "sloc_coop" },
      ...overrides.details,
    },
  }
}

describe("the produce search document", () => {
  it("carries price in fen, stock, origin at every level, category, photo and place", () => {
    expect(produceDocument(fuji(), origins)).toMatchObject({
      id: "prod_1",
      title: "洛川红富士苹果",
      title_en: "Luochuan Fuji apples",
      description_en: null,
      category: "fruit",
      category_name: "水果",
      category_name_en: "Fruit",
      price_min: 6800,
      // Sold out on one size, every unit of the other reserved: nothing left to sell.
      in_stock: false,
      province_code: "61",
      province_name: "陕西省",
      city_code: "6106",
      county_code: "610629",
      town_code: "610629101",
      town_name: "旧县镇",
      village_code: "610629101204",
      village_name: "桐堤村",
      village_handle: "tongdi",
      certified: true,
      certifications: ["地理标志产品"],
      harvested_at: "2026-10-20T00:00:00.000Z",
      created_at: "2026-10-01T00:00:00.000Z",
      sales_channel_ids: ["sc_1"],
      thumbnail: { url_320: "http://x/320.webp", url_640: "http://x/640.webp", thumbhash: "thumbhash", width: 1600, height: 1200 },
      location: { lat: 35.78, lng: 109.36 },
    })
  })

  it("counts stock left after reservations at the cooperative's own location", () => {
    const row = fuji()
    row.variants![1].inventory_items = [level(5, 4)]
    expect(produceDocument(row, origins)?.in_stock).toBe(true)
  })

  it("carries each size a card can add to the cart: id, title, lowest yuan price and whether any is left", () => {
    // Cheapest first: the size the card's price is for.
    expect(produceDocument(fuji(), origins)?.buy_variants).toEqual([
      { id: "v2", title: "3 斤装", price: 68, in_stock: false },
      { id: "v1", title: "5 斤装", price: 88, in_stock: false },
    ])
    const row = fuji()
    row.variants = [
      // Two CNY prices (a price list, say): the lowest one; stock left after reservations.
      { id: "v1", title: "5 斤装", prices: [{ amount: "88.5", currency_code: "CNY" }, { amount: 79.9, currency_code: "cny" }], inventory_items: [level(5, 4)] },
      // Not stocked: always for sale; no CNY price: none to show.
      { id: "v2", title: null, manage_inventory: false, prices: [{ amount: 10, currency_code: "usd" }] },
      // No level at the cooperative's location: nothing to sell from there.
      { id: "v3", title: "礼盒", prices: [{ amount: 128, currency_code: "cny" }], inventory_items: [] },
    ]
    expect(produceDocument(row, origins)?.buy_variants).toEqual([
      { id: "v1", title: "5 斤装", price: 79.9, in_stock: true },
      { id: "v3", title: "礼盒", price: 128, in_stock: false },
      { id: "v2", title: "", price: null, in_stock: true },
    ])
    expect(produceDocument({ ...fuji(), variants: null }, origins)?.buy_variants).toEqual([])
  })

  it("leaves out archived produce, a cooperative that is not active, and products that are not produce", () => {
    expect(produceDocument(fuji({ details: { archived_at: new Date() } }), origins)).toBeNull()
    expect(produceDocument(fuji({ cooperativeStatus: "suspended" }), origins)).toBeNull()
    expect(produceDocument(fuji({ cooperativeStatus: "pending" }), origins)).toBeNull()
    expect(produceDocument({ ...fuji(), produce_details: null }, origins)).toBeNull()
  })

  it("spells the title in pinyin and initials for engines that cannot", () => {
    const words = titlePinyin("洛川红富士苹果").split(" ")
    expect(words).toEqual(expect.arrayContaining(["luochuanhongfushipingguo", "luochuan", "hongfushi", "pingguo", "ping"]))
    expect(titleInitials("洛川红富士苹果").split(" ")).toEqual(["lchfspg", "chfspg", "hfspg", "fspg", "spg", "pg"])
    expect(titlePinyin("Fuji")).toBe("")
  })

  it("names the codes from the province down", () => {
    expect(originCodes("610629101204")).toEqual(["61", "6106", "610629", "610629101", "610629101204"])
    expect(originCodes("610629")).toEqual(["61", "6106", "610629"])
  })
})
