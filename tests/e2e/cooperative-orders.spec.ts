import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

// Issue 6 end to end: a buyer buys from two cooperatives in one checkout (pay on delivery), each
// cooperative's manager sees their part and only theirs, one ships with a tracking number and the
// buyer sees it; a farmer sees the order of their produce read-only; without JavaScript a manager
// marks an order packed. One story in steps that run in order and share the checkout.

test.describe.configure({ mode: "serial" })

// The whole system on a small shared machine: a cart or an order may take a few seconds to answer.
const expect = baseExpect.configure({ timeout: 15_000 })

const PASSWORD = "tianyuan2026"
const APPLES = {
  handle: "tongdi-apples",
  name: "洛川桐堤苹果专业合作社",
  manager: "manager.tongdi@demo.tianyuan.local",
  // Demo produce goes to the cooperative's farmers in turn: 黄元帅 to 王秀珍 (13800000001), 嘎啦 to 李长顺.
  gala: "洛川嘎啦苹果",
  golden: "黄元帅苹果",
  goldenFarmer: "13800000001",
}
const KIWI = {
  handle: "yangtian-kiwi",
  name: "周至仰天猕猴桃合作社",
  manager: "manager.yangtian@demo.tianyuan.local",
  title: "海沃德猕猴桃",
  pickupPoint: "仰天村冷库",
}

type Part = { id: string; number: number }
/** What the steps share: who bought, where the confirmation is, and each cooperative's order. */
const story = {
  buyerName: "",
  confirmationUrl: "",
  apples: { id: "", number: 0 } as Part,
  kiwi: { id: "", number: 0 } as Part,
}

/** A buyer's name no other test uses, so each manager finds this order by it. */
function uniqueBuyerName(): string {
  const characters = "春夏秋冬梅兰竹菊山川河海云雨风雪晨曦星月"
  const pick = () => characters[Math.floor(Math.random() * characters.length)]
  return `欧阳${pick()}${pick()}${pick()}`
}

async function publishableKey(): Promise<string> {
  const answer = await (await fetch(`${E2E_URLS.backend}/public/storefront-config`)).json()
  return answer.publishable_key as string
}

async function produceHandle(cooperative: string, title: string): Promise<string> {
  const answer = await (
    await fetch(`${E2E_URLS.backend}/store/cooperatives/${cooperative}`, { headers: { "x-publishable-api-key": await publishableKey() } })
  ).json()
  const found = (answer.produce as { title: string; handle: string }[]).find((item) => item.title === title)
  if (!found) throw new Error(`${title} is not in the demo data`)
  return found.handle
}

/** The checkout as the store API tells it (the confirmation page's own source). */
async function checkoutOrders(checkoutId: string) {
  const answer = await (
    await fetch(`${E2E_URLS.backend}/store/checkouts/${checkoutId}`, { headers: { "x-publishable-api-key": await publishableKey() } })
  ).json()
  return answer.checkout.orders as {
    id: string
    display_id: number
    status: string
    tracking_number: string | null
    cooperative: { handle: string }
  }[]
}

async function addToCart(page: Page, cooperative: string, title: string, quantity: number) {
  await page.goto(`${E2E_URLS.storefront}/produce/${await produceHandle(cooperative, title)}`)
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible()
  await page.getByLabel("数量", { exact: true }).fill(String(quantity))
  await page.getByRole("button", { name: "加入购物车" }).click()
  await expect(page.getByRole("status").filter({ hasText: "已加入购物车" })).toBeVisible()
}

async function chooseShipping(page: Page, cooperativeName: string, choice: RegExp) {
  const group = page.getByRole("group", { name: `${cooperativeName}：送货还是自提` })
  // Saved before the next choice: the cart takes one change at a time.
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/checkout"),
  )
  await group.getByRole("radio", { name: choice }).check()
  expect((await saved).ok()).toBe(true)
  await page.waitForLoadState("networkidle")
  await expect(group.getByRole("radio", { name: choice })).toBeChecked()
}

async function logIn(page: Page, identifier: string) {
  await page.goto(`${E2E_URLS.sellerPortal}/login`)
  await page.getByLabel("邮箱或手机号").fill(identifier)
  await page.getByLabel("密码").fill(PASSWORD)
  await page.getByRole("button", { name: "登录", exact: true }).click()
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible()
}

/** From the home screen's "订单" button to the orders of this buyer. */
async function openOrdersOfBuyer(page: Page, cooperativeName: string, buyerName: string) {
  await page.getByRole("link", { name: new RegExp(`^订单\\s*${cooperativeName}`) }).click()
  await expect(page.getByRole("heading", { level: 1, name: "订单" })).toBeVisible()
  await page.getByText("筛选订单").click()
  await page.getByLabel("搜索").fill(buyerName)
  await page.getByRole("button", { name: "筛选", exact: true }).click()
  await expect(page.getByText("共 1 个订单")).toBeVisible()
}

test("a buyer buys from two cooperatives in one checkout, paying on delivery", async ({ page }) => {
  test.setTimeout(180_000)
  story.buyerName = uniqueBuyerName()
  await addToCart(page, APPLES.handle, APPLES.gala, 2)
  await addToCart(page, APPLES.handle, APPLES.golden, 1)
  await addToCart(page, KIWI.handle, KIWI.title, 1)
  await page.getByRole("link", { name: "购物车，4 件" }).click()
  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()

  await page.getByRole("textbox", { name: "邮箱" }).fill(`buyer.${Date.now()}@example.com`)
  await page.getByRole("textbox", { name: "收货人姓名" }).fill(story.buyerName)
  await page.getByRole("textbox", { name: "手机号" }).fill("13700137000")
  await page.getByLabel("省份").selectOption({ label: "陕西省" })
  await expect(page.getByLabel("城市").locator("option", { hasText: "延安市" })).toBeAttached()
  await page.getByLabel("城市").selectOption({ label: "延安市" })
  await expect(page.getByLabel("区县").locator("option", { hasText: "洛川县" })).toBeAttached()
  await page.getByLabel("区县").selectOption({ label: "洛川县" })
  await page.getByLabel("街道或乡镇").fill("凤栖街道")
  await page.getByLabel("详细地址").fill("中心街 20 号")
  await page.getByRole("button", { name: "保存收货信息" }).click()
  await expect(page.getByText("中心街 20 号")).toBeVisible()

  // The apples come by courier; the kiwis are collected at the village's cold store.
  await chooseShipping(page, APPLES.name, /^送货上门/)
  await chooseShipping(page, KIWI.name, new RegExp(`自提：${KIWI.pickupPoint}`))
  await expect(page.getByRole("radio", { name: /货到付款/ })).toBeChecked()
  await page.getByRole("button", { name: /^提交订单/ }).click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible()
  await expect(page.getByRole("article")).toHaveCount(2)

  story.confirmationUrl = page.url()
  const orders = await checkoutOrders(story.confirmationUrl.split("/").pop()!)
  const part = (handle: string): Part => {
    const order = orders.find((candidate) => candidate.cooperative.handle === handle)
    if (!order) throw new Error(`no order of ${handle} in the checkout`)
    return { id: order.id, number: order.display_id }
  }
  story.apples = part(APPLES.handle)
  story.kiwi = part(KIWI.handle)
})

test("the apple cooperative's manager sees only their part and ships it with a tracking number", async ({ page }) => {
  test.setTimeout(120_000)
  await logIn(page, APPLES.manager)
  await openOrdersOfBuyer(page, APPLES.name, story.buyerName)
  const row = page.getByRole("article", { name: `订单 #${story.apples.number}`, exact: true })
  await expect(row.getByText("已下单")).toBeVisible()
  await expect(row.getByText(`${APPLES.gala} · 一级果 × 2 斤`)).toBeVisible()
  await expect(row).not.toContainText(KIWI.title)
  await expect(row.getByText("送货上门")).toBeVisible()

  // The kiwi cooperative's order of the same checkout is not theirs: 404, like an unknown order.
  const foreign = await page.goto(`${E2E_URLS.sellerPortal}/cooperatives/${encodeURIComponent(await cooperativeIdOf(page))}/orders/${story.kiwi.id}`)
  expect(foreign?.status()).toBe(404)
  await page.goBack()

  await row.getByRole("link", { name: `订单 #${story.apples.number}`, exact: true }).click()
  await expect(page.getByRole("heading", { level: 1, name: `订单 #${story.apples.number}` })).toBeVisible()
  await expect(page.getByText("13700137000")).toBeVisible()
  await expect(page.getByText(/中心街 20 号/)).toBeVisible()
  await expect(page.getByText(`${APPLES.golden} · 一级果 × 1 斤`)).toBeVisible()

  // A tracking number that cannot be one: said beside the field, the carrier as typed.
  await page.getByLabel("快递公司").fill("顺丰速运")
  await page.getByLabel("快递单号").fill("SF#1")
  await page.getByRole("button", { name: "发货", exact: true }).click()
  await expect(page.getByText("快递单号要是 6 到 40 位字母、数字或短横线。")).toBeVisible()
  await expect(page.getByLabel("快递公司")).toHaveValue("顺丰速运")

  await page.getByLabel("快递单号").fill("sf 1234 5678 90")
  await page.getByRole("button", { name: "发货", exact: true }).click()
  await expect(page.getByText(`订单 #${story.apples.number} 已发货，买家会收到快递单号。`)).toBeVisible()
  await expect(page.locator(".page-intro").getByText("已发货")).toBeVisible()
  await expect(page.getByText("快递：顺丰速运 SF1234567890")).toBeVisible()
  // Shipped: no more packing or cancelling.
  await expect(page.getByRole("button", { name: "标记已打包" })).toHaveCount(0)
  await expect(page.getByText("取消这个订单")).toHaveCount(0)
})

/** The cooperative id of the page's address (/cooperatives/:id/…). */
async function cooperativeIdOf(page: Page): Promise<string> {
  const match = /\/cooperatives\/([^/?]+)/.exec(new URL(page.url()).pathname)
  if (!match) throw new Error(`not a cooperative page: ${page.url()}`)
  return decodeURIComponent(match[1]!)
}

test("the kiwi cooperative's manager sees their part, collected at the cold store, and not the apples", async ({ page }) => {
  await logIn(page, KIWI.manager)
  await openOrdersOfBuyer(page, KIWI.name, story.buyerName)
  const row = page.getByRole("article", { name: `订单 #${story.kiwi.number}`, exact: true })
  await expect(row.getByText(`${KIWI.title} · 一级果 × 1 斤`)).toBeVisible()
  await expect(row.getByText(`自提：${KIWI.pickupPoint}`)).toBeVisible()
  await expect(row).not.toContainText("苹果")
  const foreign = await page.goto(`${E2E_URLS.sellerPortal}/cooperatives/${encodeURIComponent(await cooperativeIdOf(page))}/orders/${story.apples.id}`)
  expect(foreign?.status()).toBe(404)
})

test("the buyer sees the apples shipped with the tracking number, the kiwis still placed", async ({ page }) => {
  await page.goto(story.confirmationUrl)
  const apples = page.getByRole("article", { name: `${APPLES.name}的订单` })
  const kiwi = page.getByRole("article", { name: `${KIWI.name}的订单` })
  await expect(apples.getByText("已发货")).toBeVisible()
  await expect(apples.getByText(/快递：.*SF1234567890/)).toBeVisible()
  await expect(kiwi.getByText("已下单")).toBeVisible()
  // The store API says the same.
  const orders = await checkoutOrders(story.confirmationUrl.split("/").pop()!)
  expect(orders.find((order) => order.id === story.apples.id)).toMatchObject({ status: "shipped", tracking_number: "SF1234567890" })
})

test("the apple manager hands the parcel over and refunds a bruised jin after confirming; the statement shows it", async ({ page }) => {
  test.setTimeout(120_000)
  await logIn(page, APPLES.manager)
  await openOrdersOfBuyer(page, APPLES.name, story.buyerName)
  await page.getByRole("link", { name: `订单 #${story.apples.number}`, exact: true }).click()
  // Paid on delivery: the money is taken when the courier hands it over.
  await page.getByRole("button", { name: "已送达" }).click()
  await expect(page.getByText(`订单 #${story.apples.number} 已送达，订单完成。`)).toBeVisible()
  await expect(page.locator(".page-intro").getByText("已完成")).toBeVisible()

  await page.getByText("给买家退款").click()
  await page.getByRole("radio", { name: "按农产品退" }).check()
  await page.getByLabel(new RegExp(`^${APPLES.gala}退几斤`)).fill("1")
  await page.getByLabel("原因").fill("路上压坏了一斤")
  await page.getByRole("button", { name: "核对退款" }).click()
  // Nothing is refunded before the manager confirms the amount.
  await expect(page.getByRole("heading", { name: `确定给订单 #${story.apples.number} 退款 ¥6.80？` })).toBeVisible()
  await page.getByRole("button", { name: "确认退款" }).click()
  await expect(page.getByText(`订单 #${story.apples.number} 已退款 ¥6.80。`)).toBeVisible()
  await expect(page.getByText("已退 1（¥6.80）")).toBeVisible()

  await page.getByRole("link", { name: "结算", exact: true }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await expect(page.getByRole("listitem").filter({ hasText: "退款" }).filter({ hasText: `#${story.apples.number}` }).first()).toContainText("−¥6.80")
})

test("a farmer sees the order of their own produce, only their line, read-only", async ({ page }) => {
  await logIn(page, APPLES.goldenFarmer)
  // Farmers have orders, not payouts.
  await expect(page.getByRole("link", { name: /^结算/ })).toHaveCount(0)
  await openOrdersOfBuyer(page, APPLES.name, story.buyerName)
  await expect(page.getByText("只能查看")).toBeVisible()
  const row = page.getByRole("article", { name: `订单 #${story.apples.number}`, exact: true })
  await expect(row.getByText(`${APPLES.golden} · 一级果 × 1 斤`)).toBeVisible()
  await expect(row).not.toContainText(APPLES.gala)
  await expect(row.getByRole("button")).toHaveCount(0)

  await row.getByRole("link", { name: `订单 #${story.apples.number}`, exact: true }).click()
  await expect(page.getByRole("heading", { level: 1, name: `订单 #${story.apples.number}` })).toBeVisible()
  await expect(page.getByText("你只能查看这个订单")).toBeVisible()
  await expect(page.getByRole("heading", { name: "处理订单" })).toHaveCount(0)
  await expect(page.getByRole("button", { name: /发货|标记已打包|取消订单|退款/ })).toHaveCount(0)
  // The buyer's phone number is the manager's to see.
  await expect(page.getByText("13700137000")).toHaveCount(0)
})

test.describe("without JavaScript", () => {
  test("the kiwi manager marks the order packed, and a cancellation without a reason is refused beside the field", async ({
    browser,
  }: {
    browser: Browser
  }) => {
    test.setTimeout(120_000)
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    try {
      await logIn(page, KIWI.manager)
      await openOrdersOfBuyer(page, KIWI.name, story.buyerName)
      const row = page.getByRole("article", { name: `订单 #${story.kiwi.number}`, exact: true })
      await row.getByRole("button", { name: "标记已打包" }).click()
      await expect(page.getByText(`订单 #${story.kiwi.number} 已标记为已打包。`)).toBeVisible()
      // Back on the same filtered list, the order now packed.
      await expect(page.getByText("共 1 个订单")).toBeVisible()
      await expect(row.getByText("已打包")).toBeVisible()
      await expect(row.getByRole("button", { name: "标记已打包" })).toHaveCount(0)

      await row.getByRole("link", { name: `订单 #${story.kiwi.number}`, exact: true }).click()
      await page.getByText("取消这个订单").click()
      await page.getByRole("button", { name: "取消订单" }).click()
      await expect(page.getByText("请填写原因（1 到 200 个字）。")).toBeVisible()
      await expect(page.locator(".page-intro").getByText("已打包")).toBeVisible()
    } finally {
      await context.close()
    }
  })
})
