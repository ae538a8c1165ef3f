/** Names and logins of the demo data, shared by the seed, the launcher's banner and the tests. */
export const DEMO_SEED_VERSION = "2"
export const DEMO_SEED_MARKER = "tianyuan_demo_seed"

export const DEMO_SALES_CHANNEL = "田园 Tianyuan"
export const DEMO_PUBLISHABLE_KEY_TITLE = "Tianyuan storefront and seller portal"
export const DEMO_REGION = "China"
export const DEMO_STOCK_LOCATION = "田园示范仓 Tianyuan demo warehouse"

export const DEMO_OPERATOR = { email: "operator@tianyuan.local", password: "tianyuan-operator" }
