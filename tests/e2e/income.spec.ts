import { expect as baseExpect, test, type Page } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

// Issue 7 in the browser: the county official of 洛川县 reads the county's produce income — headline,
// the table that works without JavaScript, the CSV a spreadsheet opens — after a buyer's order of
// 洛川红富士苹果 today; and cannot open a county outside their roles.

const expect = baseExpect.configure({ timeout: 15_000 })
const PASSWORD = "tianyuan2026"
const OFFICIAL = "official.luochuan@demo.tianyuan.local"
const ADDRESS = {
  first_name: "周晓梅",
  phone: "13912345670",
  province: "陕西省",
  city: "延安市",
  address_1: "凤栖街道中心街 8 号",
  country_code: "cn",
  metadata: { province_code: "61", city_code: "6106", district_code: "610629" },
}

async function store<T>(path: string, body?: unknown): Promise<T> {
  const config = await (await fetch(`${E2E_URLS.backend}/public/storefront-config`)).json()
  const answer = await fetch(`${E2E_URLS.backend}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": config.publishable_key },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await answer.json()
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(data)}`)
  return data as T
}

/** A buyer orders two boxes of 洛川红富士苹果 through the store API, delivered, paying on delivery. */
async function buyApples(): Promise<void> {
  const { produce } = await store<{ produce: { title: string; handle: string }[] }>("/store/cooperatives/tongdi-apples")
  const handle = produce.find((item) => item.title === "洛川红富士苹果")!.handle
  const page = await store<{ produce: { variants: { id: string }[] } }>(`/store/produce/${handle}`)
  const { cart } = await store<{ cart: { id: string } }>("/store/carts", {
    email: `income.${Date.now()}@example.com`,
    shipping_address: ADDRESS,
    items: [{ variant_id: page.produce.variants[0].id, quantity: 2 }],
  })
  const view = await store<{ groups: { options: { id: string; kind: string }[] }[] }>(`/store/carts/${cart.id}/cooperatives`)
  await store(`/store/carts/${cart.id}/shipping-methods`, { option_id: view.groups[0].options.find((o) => o.kind === "delivery")!.id })
  const { payment_collection } = await store<{ payment_collection: { id: string } }>("/store/payment-collections", { cart_id: cart.id })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  await store("/store/checkouts", { cart_id: cart.id })
}

async function logIn(page: Page) {
  await page.goto(`${E2E_URLS.sellerPortal}/login`)
  await page.getByLabel("邮箱或手机号").fill(OFFICIAL)
  await page.getByLabel("密码").fill(PASSWORD)
  await page.getByRole("button", { name: "登录", exact: true }).click()
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible()
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false })

  test("the county official reads 洛川县's income by village and downloads it as CSV; another county is not theirs", async ({ page }) => {
    await buyApples()
    await logIn(page)
    // The breakdown by village is a plain table: 桐堤村, where the apples grew, has income today (the
    // rollups follow the order event, so the page is opened again until they have).
    const breakdown = page.getByRole("region", { name: /收入构成/ })
    const tongdi = breakdown.getByRole("row").filter({ hasText: "桐堤村" })
    await expect(async () => {
      await page.goto(`${E2E_URLS.sellerPortal}/income`)
      await expect(page.getByRole("heading", { level: 1, name: "洛川县的农产品收入" })).toBeVisible({ timeout: 2_000 })
      await expect(tongdi).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(tongdi).toContainText("¥")
    await expect(page.getByRole("heading", { name: "卖得最好的农产品" })).toBeVisible()
    await expect(page.getByRole("region", { name: "卖得最好的农产品" })).toContainText("洛川红富士苹果")

    // The CSV: UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right.
    const href = await page.getByRole("link", { name: "下载表格（CSV）" }).getAttribute("href")
    const csv = await page.request.get(new URL(href!, E2E_URLS.sellerPortal).toString())
    expect(csv.status()).toBe(200)
    expect(csv.headers()["content-type"]).toContain("text/csv")
    const bytes = await csv.body()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString("utf8")
    expect(text).toContain("桐堤村")
    expect(text).toContain("净收入")

    // 五常市 (Heilongjiang) lies outside the official's roles: not found, like an unknown page.
    const outside = await page.goto(`${E2E_URLS.sellerPortal}/income?area=230184`)
    expect(outside?.status()).toBe(404)
  })
})
