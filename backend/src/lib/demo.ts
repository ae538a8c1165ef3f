import type { ProduceCategoryHandle } from "@tianyuan/marketplace/lib/produce-categories"

/** Names and logins of the demo data, shared by the seed, the launcher's banner and the tests. */
export const DEMO_SEED_VERSION = "6"
export const DEMO_SEED_MARKER = "tianyuan_demo_seed"

export const DEMO_SALES_CHANNEL = "田园 Tianyuan"
export const DEMO_PUBLISHABLE_KEY_TITLE = "Tianyuan storefront and seller portal"
export const DEMO_REGION = "China"
export const DEMO_STOCK_LOCATION = "田园示范仓 Tianyuan demo warehouse"

export const DEMO_OPERATOR = { email: "operator@tianyuan.local", password: "tianyuan-operator" }

/** Every demo member logs in with this password (letters and digits, as the portal asks). */
export const DEMO_MEMBER_PASSWORD = "tianyuan2026"

/** The demo counties: their whole subtree of areas is imported at seed time, plus all provinces. */
export const DEMO_COUNTIES = ["610629", "610124", "230184"] as const

export type DemoVillage = {
  code: string
  handle: string
  latitude: number
  longitude: number
  introduction: string
  secretary: { identifier: string; real_name: string }
}

export const DEMO_VILLAGES: DemoVillage[] = [
  {
    code: "610629101204",
    handle: "tongdi",
    latitude: 35.78,
    longitude: 109.36,
    introduction: "桐堤村在陕西省延安市洛川县旧县镇，塬面开阔，家家户户种苹果。\n村里的合作社统一分拣、统一发货。",
    secretary: { identifier: "secretary.tongdi@demo.tianyuan.local", real_name: "王建国" },
  },
  {
    code: "610629101212",
    handle: "jinjiayuan",
    latitude: 35.8,
    longitude: 109.39,
    introduction: "靳家塬村在洛川县旧县镇，以苹果和小杂粮为主业。",
    secretary: { identifier: "secretary.jinjiayuan@demo.tianyuan.local", real_name: "靳秀兰" },
  },
  {
    code: "610124101201",
    handle: "yangtian",
    latitude: 34.16,
    longitude: 108.06,
    introduction: "仰天村在陕西省西安市周至县哑柏镇，秦岭脚下，猕猴桃是村里的主要收入。",
    secretary: { identifier: "secretary.yangtian@demo.tianyuan.local", real_name: "李志强" },
  },
  {
    code: "610124101209",
    handle: "huaihua",
    latitude: 34.15,
    longitude: 108.03,
    introduction: "槐花村在周至县哑柏镇，种植猕猴桃和蔬菜。",
    secretary: { identifier: "secretary.huaihua@demo.tianyuan.local", real_name: "赵红梅" },
  },
  {
    code: "230184100200",
    handle: "lianhua",
    latitude: 44.93,
    longitude: 127.17,
    introduction: "莲花村在黑龙江省哈尔滨市五常市五常镇，黑土地上种稻花香水稻。",
    secretary: { identifier: "secretary.lianhua@demo.tianyuan.local", real_name: "刘国庆" },
  },
  {
    code: "230184100205",
    handle: "xinghua",
    latitude: 44.91,
    longitude: 127.13,
    introduction: "杏花村在五常市五常镇，水稻和大豆是村里的主要作物。",
    secretary: { identifier: "secretary.xinghua@demo.tianyuan.local", real_name: "孙立军" },
  },
]

export const DEMO_OFFICIAL = {
  identifier: "official.luochuan@demo.tianyuan.local",
  real_name: "陈明",
  area_code: "610629",
}

/** Ten villagers who log in with a mobile number, each in one of the demo villages. */
export const DEMO_VILLAGERS = [
  { identifier: "13900000001", real_name: "张桂芳", village: "610629101204" },
  { identifier: "13900000002", real_name: "王德明", village: "610629101204" },
  { identifier: "13900000003", real_name: "靳海涛", village: "610629101212" },
  { identifier: "13900000004", real_name: "刘春燕", village: "610629101212" },
  { identifier: "13900000005", real_name: "李玉山", village: "610124101201" },
  { identifier: "13900000006", real_name: "周小娟", village: "610124101201" },
  { identifier: "13900000007", real_name: "赵长林", village: "610124101209" },
  { identifier: "13900000008", real_name: "马丽", village: "230184100200" },
  { identifier: "13900000009", real_name: "高铁柱", village: "230184100200" },
  { identifier: "13900000010", real_name: "何秀英", village: "230184100205" },
]

/** Someone new who has asked to join 桐堤村 and waits for its secretary. */
export const DEMO_NEWCOMER = { identifier: "13900000011", real_name: "杨小满", village: "610629101204" }

export type DemoProduce = {
  title: string
  title_en: string
  /** A handle of PRODUCE_CATEGORIES (plugins/marketplace src/lib/produce-categories.ts). */
  category: ProduceCategoryHandle
  unit: "jin" | "kg" | "box" | "piece"
  net_weight_grams?: number
  variety?: string
  /** Sizes or grades, each with its price in yuan and stock. */
  variants: { title: string; price: string; stock: number }[]
  /** Colours of the generated photo: the produce and the background. */
  colour: string
  background: string
  shape: "round" | "grain" | "box" | "jar" | "oval"
  chilled?: boolean
  certifications?: string[]
  preorder?: boolean
}

export type DemoCooperative = {
  name: string
  handle: string
  village: string
  description: string
  contact_name: string
  contact_phone: string
  manager: { identifier: string; real_name: string }
  farmers: { identifier: string; real_name: string }[]
  produce: DemoProduce[]
}

const g = (title: string, price: string, stock: number) => ({ title, price, stock })

export const DEMO_COOPERATIVES: DemoCooperative[] = [
  {
    name: "洛川桐堤苹果专业合作社",
    handle: "tongdi-apples",
    village: "610629101204",
    description: "桐堤村四十多户果农一起分拣、装箱、发货。苹果在塬上晒足阳光，糖度高、脆甜。",
    contact_name: "王建国",
    contact_phone: "0911-3600000",
    manager: { identifier: "manager.tongdi@demo.tianyuan.local", real_name: "王建国" },
    farmers: [
      { identifier: "13800000001", real_name: "王秀珍" },
      { identifier: "13800000002", real_name: "李长顺" },
      { identifier: "13800000003", real_name: "张满仓" },
    ],
    produce: [
      { title: "洛川红富士苹果", title_en: "Luochuan Fuji apples", category: "fruit", unit: "box", net_weight_grams: 5000, variety: "红富士", variants: [g("80mm 一级果", "68", 120), g("85mm 特级果", "88", 60)], colour: "#c8242b", background: "#f3ead8", shape: "round", certifications: ["地理标志产品"] },
      { title: "洛川嘎啦苹果", title_en: "Luochuan Gala apples", category: "fruit", unit: "jin", variety: "嘎啦", variants: [g("一级果", "6.8", 400)], colour: "#d9442e", background: "#eef2e4", shape: "round" },
      { title: "洛川秦冠苹果", title_en: "Luochuan Qinguan apples", category: "fruit", unit: "jin", variety: "秦冠", variants: [g("一级果", "4.5", 500)], colour: "#b83a2f", background: "#f1ece1", shape: "round" },
      { title: "黄元帅苹果", title_en: "Golden Delicious apples", category: "fruit", unit: "jin", variety: "金冠", variants: [g("一级果", "5.5", 300)], colour: "#d8c13a", background: "#eef0e6", shape: "round" },
      { title: "瑞阳苹果", title_en: "Ruiyang apples", category: "fruit", unit: "box", net_weight_grams: 4500, variety: "瑞阳", variants: [g("礼盒 12 个", "98", 40)], colour: "#b5282f", background: "#f5efe6", shape: "round" },
      { title: "瑞雪苹果", title_en: "Ruixue apples", category: "fruit", unit: "box", net_weight_grams: 4500, variety: "瑞雪", variants: [g("礼盒 12 个", "108", 30)], colour: "#e3cf5a", background: "#f0f3ea", shape: "round" },
      { title: "洛川花牛苹果", title_en: "Luochuan Red Delicious apples", category: "fruit", unit: "jin", variety: "花牛", variants: [g("一级果", "7.5", 200)], colour: "#8f1d23", background: "#f3ece4", shape: "round" },
      { title: "洛川苹果脆片", title_en: "Luochuan apple chips", category: "dried", unit: "piece", net_weight_grams: 100, variants: [g("100 克袋装", "15.9", 300)], colour: "#e8c58a", background: "#f7f1e6", shape: "box" },
      { title: "洛川鲜榨苹果汁", title_en: "Fresh-pressed Luochuan apple juice", category: "other", unit: "box", net_weight_grams: 6000, variants: [g("300ml × 20 瓶", "79", 50)], colour: "#e6b34a", background: "#f4efe2", shape: "jar", chilled: true },
      { title: "洛川苹果醋", title_en: "Luochuan apple cider vinegar", category: "other", unit: "piece", net_weight_grams: 500, variants: [g("500ml 瓶装", "22", 80)], colour: "#b9772f", background: "#f1ebe0", shape: "jar" },
    ],
  },
  {
    name: "周至仰天猕猴桃合作社",
    handle: "yangtian-kiwi",
    village: "610124101201",
    description: "秦岭北麓的仰天村，雨水足、昼夜温差大。合作社按成熟度分批采摘，冷库保鲜后发货。",
    contact_name: "李志强",
    contact_phone: "029-87000000",
    manager: { identifier: "manager.yangtian@demo.tianyuan.local", real_name: "李志强" },
    farmers: [
      { identifier: "13800000004", real_name: "周建华" },
      { identifier: "13800000005", real_name: "李桂兰" },
      { identifier: "13800000006", real_name: "杨振东" },
    ],
    produce: [
      { title: "周至徐香猕猴桃", title_en: "Zhouzhi Xuxiang kiwifruit", category: "fruit", unit: "box", net_weight_grams: 2500, variety: "徐香", variants: [g("30 个装", "59", 150), g("48 个装", "89", 80)], colour: "#7a5a2e", background: "#eef3e6", shape: "oval", chilled: true, certifications: ["地理标志产品"] },
      { title: "周至翠香猕猴桃", title_en: "Zhouzhi Cuixiang kiwifruit", category: "fruit", unit: "box", net_weight_grams: 2500, variety: "翠香", variants: [g("30 个装", "69", 100)], colour: "#6d5a31", background: "#edf2e7", shape: "oval", chilled: true },
      { title: "周至红阳猕猴桃", title_en: "Zhouzhi Hongyang red kiwifruit", category: "fruit", unit: "box", net_weight_grams: 2000, variety: "红阳", variants: [g("24 个装", "99", 60)], colour: "#8a6433", background: "#f3ece6", shape: "oval", chilled: true, preorder: true },
      { title: "海沃德猕猴桃", title_en: "Hayward kiwifruit", category: "fruit", unit: "jin", variety: "海沃德", variants: [g("一级果", "8.8", 400)], colour: "#75603a", background: "#eef1e8", shape: "oval", chilled: true },
      { title: "猕猴桃果干", title_en: "Dried kiwifruit slices", category: "dried", unit: "piece", net_weight_grams: 200, variants: [g("200 克袋装", "26", 200)], colour: "#8fb040", background: "#f4f5ea", shape: "box" },
      { title: "秦岭土蜂蜜", title_en: "Qinling mountain honey", category: "other", unit: "piece", net_weight_grams: 500, variants: [g("500 克玻璃瓶", "68", 90)], colour: "#d99a2b", background: "#f6efe0", shape: "jar" },
      { title: "周至葡萄", title_en: "Zhouzhi grapes", category: "fruit", unit: "jin", variety: "阳光玫瑰", variants: [g("一级果", "16", 150)], colour: "#9dbb4a", background: "#f1f4e8", shape: "round", chilled: true },
      { title: "哑柏甜柿子", title_en: "Yabai sweet persimmons", category: "fruit", unit: "jin", variants: [g("一级果", "5", 260)], colour: "#e0762a", background: "#f5efe4", shape: "round" },
      { title: "秦岭核桃", title_en: "Qinling walnuts", category: "dried", unit: "jin", variants: [g("薄皮核桃", "18", 300)], colour: "#a57a4a", background: "#f2ece2", shape: "round" },
      { title: "周至黑米", title_en: "Zhouzhi black rice", category: "grain-oil", unit: "kg", variants: [g("1 千克袋装", "24", 180)], colour: "#2e2430", background: "#efebe6", shape: "grain" },
    ],
  },
  {
    name: "五常莲花稻米合作社",
    handle: "lianhua-rice",
    village: "230184100200",
    description: "莲花村的稻田用拉林河水灌溉，一年一季。合作社自有烘干和碾米设备，现碾现发。",
    contact_name: "刘国庆",
    contact_phone: "0451-53000000",
    manager: { identifier: "manager.lianhua@demo.tianyuan.local", real_name: "刘国庆" },
    farmers: [
      { identifier: "13800000007", real_name: "刘玉凤" },
      { identifier: "13800000008", real_name: "金成浩" },
      { identifier: "13800000009", real_name: "孙德胜" },
    ],
    produce: [
      { title: "五常稻花香大米", title_en: "Wuchang Daohuaxiang rice", category: "grain-oil", unit: "kg", variety: "稻花香2号", variants: [g("5 千克袋装", "128", 200), g("10 千克袋装", "239", 100)], colour: "#f4f0e4", background: "#e7dcc6", shape: "grain", certifications: ["地理标志产品", "绿色食品"] },
      { title: "五常长粒香大米", title_en: "Wuchang long-grain rice", category: "grain-oil", unit: "kg", variants: [g("5 千克袋装", "89", 200)], colour: "#f2eee2", background: "#e4d9c4", shape: "grain" },
      { title: "五常有机大米", title_en: "Wuchang organic rice", category: "grain-oil", unit: "kg", variants: [g("5 千克袋装", "168", 80)], colour: "#f6f2e8", background: "#dfd4bd", shape: "grain", certifications: ["有机产品"] },
      { title: "五常糙米", title_en: "Wuchang brown rice", category: "grain-oil", unit: "kg", variants: [g("2.5 千克袋装", "45", 150)], colour: "#c9a46a", background: "#efe6d4", shape: "grain" },
      { title: "五常大米礼盒", title_en: "Wuchang rice gift box", category: "grain-oil", unit: "box", net_weight_grams: 5000, variants: [g("1 千克 × 5 罐", "199", 60)], colour: "#b83a2f", background: "#f1e9dc", shape: "box" },
      { title: "东北大豆", title_en: "Northeast soybeans", category: "grain-oil", unit: "jin", variants: [g("一等", "5.5", 500)], colour: "#e0c27a", background: "#f2ecdf", shape: "grain" },
      { title: "东北黑木耳", title_en: "Northeast black fungus", category: "dried", unit: "piece", net_weight_grams: 250, variants: [g("250 克袋装", "39", 200)], colour: "#2b2220", background: "#ece6dc", shape: "box" },
      { title: "东北玉米碴子", title_en: "Northeast corn grits", category: "grain-oil", unit: "kg", variants: [g("2 千克袋装", "19.9", 220)], colour: "#eec24a", background: "#f3ecdc", shape: "grain" },
      { title: "五常鲜食玉米", title_en: "Wuchang sweet corn", category: "vegetables", unit: "box", net_weight_grams: 4000, variants: [g("10 穗装", "49", 90)], colour: "#f0cd4b", background: "#eef1e3", shape: "oval", preorder: true },
      { title: "五常小米", title_en: "Wuchang millet", category: "grain-oil", unit: "kg", variants: [g("2.5 千克袋装", "42", 160)], colour: "#e9c15a", background: "#f2ebdc", shape: "grain" },
    ],
  },
  {
    name: "靳家塬杂粮合作社",
    handle: "jinjiayuan-grains",
    village: "610629101212",
    description: "靳家塬村的旱塬杂粮：小米、豆子、红枣，都是老品种，慢慢长成。",
    contact_name: "靳秀兰",
    contact_phone: "0911-3611111",
    manager: { identifier: "manager.jinjiayuan@demo.tianyuan.local", real_name: "靳秀兰" },
    farmers: [
      { identifier: "13800000010", real_name: "靳长生" },
      { identifier: "13800000011", real_name: "靳小燕" },
      { identifier: "13800000012", real_name: "马福来" },
    ],
    produce: [
      { title: "洛川黄小米", title_en: "Luochuan yellow millet", category: "grain-oil", unit: "kg", variants: [g("2.5 千克袋装", "39", 200)], colour: "#e8b93f", background: "#f2eadb", shape: "grain" },
      { title: "陕北红枣", title_en: "Northern Shaanxi red dates", category: "dried", unit: "jin", variants: [g("特级", "19", 200)], colour: "#8e1f1f", background: "#f3ebe0", shape: "oval" },
      { title: "荞麦面粉", title_en: "Buckwheat flour", category: "grain-oil", unit: "kg", variants: [g("2.5 千克袋装", "35", 120)], colour: "#b39c7d", background: "#efe8dc", shape: "grain" },
      { title: "绿豆", title_en: "Mung beans", category: "grain-oil", unit: "jin", variants: [g("一等", "7.5", 300)], colour: "#4f8f3a", background: "#eef1e6", shape: "grain" },
      { title: "红小豆", title_en: "Adzuki beans", category: "grain-oil", unit: "jin", variants: [g("一等", "8", 300)], colour: "#7e2424", background: "#f1eae0", shape: "grain" },
      { title: "散养土鸡蛋", title_en: "Free-range eggs", category: "eggs-meat", unit: "box", net_weight_grams: 1500, variants: [g("30 枚装", "45", 80)], colour: "#e9d7b8", background: "#f2ede4", shape: "oval", chilled: true },
      { title: "核桃仁", title_en: "Walnut kernels", category: "dried", unit: "jin", variants: [g("一等", "36", 100)], colour: "#b98a55", background: "#f2ebe0", shape: "grain" },
      { title: "洛川土豆", title_en: "Luochuan potatoes", category: "vegetables", unit: "jin", variants: [g("大果", "1.8", 800)], colour: "#c8a26a", background: "#efe9dc", shape: "oval" },
      { title: "大红袍花椒", title_en: "Dahongpao Sichuan pepper", category: "dried", unit: "piece", net_weight_grams: 250, variants: [g("250 克袋装", "32", 150)], colour: "#9c2c22", background: "#f3ebe3", shape: "grain" },
      { title: "手工挂面", title_en: "Hand-made dried noodles", category: "grain-oil", unit: "kg", variants: [g("2 千克盒装", "29", 140)], colour: "#f0e2bd", background: "#ebe2d0", shape: "box" },
    ],
  },
]

/** Demo delivery fees per cooperative (decision 007): its own province ¥8, every other province ¥15. */
export const DEMO_DELIVERY_FEES = { own_province_fen: 800, other_provinces_fen: 1500 }

/** Each demo cooperative's pickup points, by cooperative handle. */
export const DEMO_PICKUP_POINTS: Record<string, { name: string; address: string; hours: string; instructions: string }[]> = {
  "tongdi-apples": [
    {
      name: "桐堤村合作社分拣仓",
      address: "陕西省延安市洛川县旧县镇桐堤村村委会东侧 50 米",
      hours: "每天 9:00–18:00",
      instructions: "报手机号后四位取货；大件可开车到仓库门口。",
    },
    {
      name: "洛川县城自提点（凤栖街道便民超市）",
      address: "陕西省延安市洛川县凤栖街道中心街 18 号",
      hours: "周一至周六 10:00–20:00",
      instructions: "前一天 23:00 前下单，第二天 16:00 后可取。",
    },
  ],
  "yangtian-kiwi": [
    {
      name: "仰天村冷库",
      address: "陕西省西安市周至县哑柏镇仰天村二组冷库",
      hours: "每天 8:00–17:00",
      instructions: "猕猴桃在冷库保存，取货时请带保温袋。",
    },
  ],
  "lianhua-rice": [
    {
      name: "莲花村碾米厂",
      address: "黑龙江省哈尔滨市五常市五常镇莲花村碾米厂门市",
      hours: "每天 8:30–17:30",
      instructions: "现碾现取，请提前一天下单。",
    },
    {
      name: "五常市区自提点",
      address: "黑龙江省哈尔滨市五常市五常镇朝阳街 66 号",
      hours: "周一至周日 9:00–19:00",
      instructions: "凭订单号取货。",
    },
  ],
  "jinjiayuan-grains": [
    {
      name: "靳家塬村杂粮门市",
      address: "陕西省延安市洛川县旧县镇靳家塬村主街",
      hours: "每天 9:00–18:00",
      instructions: "鸡蛋请当天取走。",
    },
  ],
}
