/** Names and logins of the demo data, shared by the seed, the launcher's banner and the tests. */
export const DEMO_SEED_VERSION = "3"
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
