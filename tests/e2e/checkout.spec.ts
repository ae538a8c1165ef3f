import { expect as baseExpect, test, type Page } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

// Registering (password hashing), saving the address and placing the order (one order per
// cooperative, reservations, payment) each take a few backend calls; on a busy two-core machine that
// is seconds, not milliseconds.
const expect = baseExpect.configure({ timeout: 20_000 })
// A whole purchase is some twenty pages and forms.
test.describe.configure({ timeout: 180_000 })

// Issue 6, the buyer's side: one cart across two cooperatives, one checkout, one order per
// cooperative. The steps are functions so the full issue test (managers see their part, one ships,
// the buyer sees it) can reuse them once the portal's order screens exist.

const APPLES = { cooperative: "tongdi-apples", cooperativeName: "洛川桐堤苹果专业合作社", title: "洛川嘎啦苹果" }
const KIWI = { cooperative: "yangtian-kiwi", cooperativeName: "周至仰天猕猴桃合作社", title: "海沃德猕猴桃" }
const APPLES_PICKUP = { name: "桐堤村合作社分拣仓", hours: "每天 9:00–18:00" }

type Produce = typeof APPLES
type Buyer = { email: string; name: string; phone: string }

/** The produce page's address, from the store API the storefront itself reads. */
async function produceHandle(produce: Produce): Promise<string> {
  const { publishable_key: key } = await (await fetch(`${E2E_URLS.backend}/public/storefront-config`)).json()
  const answer = await (
    await fetch(`${E2E_URLS.backend}/store/cooperatives/${produce.cooperative}`, { headers: { "x-publishable-api-key": key } })
  ).json()
  const found = (answer.produce as { title: string; handle: string }[]).find((item) => item.title === produce.title)
  if (!found) throw new Error(`${produce.title} is not in the demo data`)
  return found.handle
}

function newBuyer(): Buyer {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`
  return { email: `buyer.${stamp}@example.com`, name: "李华", phone: "13800138000" }
}

/** The header's cart link says how many pieces the cart holds. */
async function expectCartCount(page: Page, count: number) {
  await expect(page.getByRole("link", { name: `购物车，${count} 件` })).toBeVisible()
}

/** From the produce page: a quantity, "加入购物车"; with JavaScript in place, without it back with a notice. */
export async function addToCart(page: Page, produce: Produce, quantity: number, { javaScript }: { javaScript: boolean }) {
  await page.goto(`/produce/${await produceHandle(produce)}`)
  await expect(page.getByRole("heading", { level: 1, name: produce.title })).toBeVisible()
  await page.getByLabel("数量", { exact: true }).fill(String(quantity))
  await page.getByRole("button", { name: "加入购物车" }).click()
  if (javaScript) {
    await expect(page.getByRole("status").filter({ hasText: "已加入购物车" })).toBeVisible()
  } else {
    await expect(page.getByText(`已把 ${produce.title} ×${quantity} 加入购物车。`)).toBeVisible()
  }
}

/** Contact and a Chinese address, the area picked level by level (a post per level without JavaScript). */
export async function fillAddress(page: Page, buyer: Buyer, { javaScript }: { javaScript: boolean }) {
  await page.getByLabel("邮箱", { exact: true }).fill(buyer.email)
  await page.getByLabel("收货人姓名", { exact: true }).fill(buyer.name)
  await page.getByLabel("手机号", { exact: true }).fill(buyer.phone)
  await page.getByLabel("省份", { exact: true }).selectOption({ label: "陕西省" })
  if (!javaScript) await page.getByRole("button", { name: "下一步：选城市" }).click()
  await expect(page.getByLabel("城市", { exact: true }).locator("option", { hasText: "延安市" })).toBeAttached()
  await page.getByLabel("城市", { exact: true }).selectOption({ label: "延安市" })
  if (!javaScript) await page.getByRole("button", { name: "下一步：选区县" }).click()
  await expect(page.getByLabel("区县", { exact: true }).locator("option", { hasText: "洛川县" })).toBeAttached()
  await page.getByLabel("区县", { exact: true }).selectOption({ label: "洛川县" })
  // What was typed before the two steps is still there.
  await expect(page.getByLabel("邮箱", { exact: true })).toHaveValue(buyer.email)
  await page.getByLabel("街道或乡镇", { exact: true }).fill("凤栖街道")
  await page.getByLabel("详细地址", { exact: true }).fill("中心街 18 号 2 单元 301")
  if (!javaScript) {
    // A mistyped number is refused beside its field; everything else stays as typed.
    await page.getByLabel("手机号", { exact: true }).fill("1380013")
    await page.getByRole("button", { name: "保存收货信息" }).click()
    await expect(page.getByText("请填写 11 位手机号，例如 13800138000。")).toBeVisible()
    await expect(page.getByLabel("详细地址", { exact: true })).toHaveValue("中心街 18 号 2 单元 301")
    await expect(page.getByLabel("区县", { exact: true })).toHaveValue("610629")
    await page.getByLabel("手机号", { exact: true }).fill(buyer.phone)
  }
  await page.getByRole("button", { name: "保存收货信息" }).click()
  await expect(page.getByText("中心街 18 号 2 单元 301")).toBeVisible()
}

/** One cooperative's delivery or pickup: a tick saves it with JavaScript; without, "确定…" does. */
export async function chooseShipping(
  page: Page,
  cooperativeName: string,
  choice: RegExp,
  { javaScript }: { javaScript: boolean },
) {
  const group = page.getByRole("group", { name: `${cooperativeName}：送货还是自提` })
  const option = group.getByRole("radio", { name: choice })
  await option.check()
  if (javaScript) {
    await expect(group.getByRole("status")).toHaveText("已保存。")
  } else {
    await page.getByRole("button", { name: `确定${cooperativeName}的配送方式` }).click()
  }
  await expect(page.getByRole("group", { name: `${cooperativeName}：送货还是自提` }).getByRole("radio", { name: choice })).toBeChecked()
}

/** Pay on delivery / at pickup (the default), place the order, land on the confirmation. */
export async function placeOrder(page: Page) {
  await expect(page.getByRole("radio", { name: /货到付款/ })).toBeChecked()
  await page.getByRole("button", { name: /^提交订单/ }).click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible()
  await expect(page).toHaveURL(/\/orders\/confirmed\/[^/]+$/)
}

async function buyFromTwoCooperatives(page: Page, { javaScript }: { javaScript: boolean }) {
  const buyer = newBuyer()
  await addToCart(page, APPLES, 2, { javaScript })
  await addToCart(page, KIWI, 1, { javaScript })
  await expectCartCount(page, 3)

  await page.getByRole("link", { name: "购物车，3 件" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
  await expect(page.getByRole("heading", { level: 2, name: APPLES.cooperativeName })).toBeVisible()
  await expect(page.getByRole("heading", { level: 2, name: KIWI.cooperativeName })).toBeVisible()

  // More than is in stock: a clear error beside the line, the number as typed, the cart unchanged.
  const quantity = page.getByLabel(`${APPLES.title}的数量`)
  await quantity.fill("9999")
  await page.getByRole("listitem").filter({ has: quantity }).getByRole("button", { name: "更新" }).click()
  await expect(page.getByRole("alert").filter({ hasText: /库存只剩 \d+，请减少数量。/ })).toBeVisible()
  await expect(page.getByLabel(`${APPLES.title}的数量`)).toHaveValue("9999")
  await expectCartCount(page, 3)
  // A quantity the stock allows is saved.
  await page.getByLabel(`${APPLES.title}的数量`).fill("3")
  await page.getByRole("listitem").filter({ has: page.getByLabel(`${APPLES.title}的数量`) }).getByRole("button", { name: "更新" }).click()
  await expectCartCount(page, 4)

  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await fillAddress(page, buyer, { javaScript })

  // The apples are collected at the village's sorting shed; the kiwis are delivered (a fee for Shaanxi).
  await chooseShipping(page, APPLES.cooperativeName, new RegExp(`自提：${APPLES_PICKUP.name}`), { javaScript })
  await expect(page.getByText(`时间：${APPLES_PICKUP.hours}`).first()).toBeVisible()
  await chooseShipping(page, KIWI.cooperativeName, /^送货上门/, { javaScript })
  await expect(page.locator(".totals__row").filter({ hasText: "运费" })).toContainText("¥8.00")

  await placeOrder(page)
  const apples = page.getByRole("article", { name: `${APPLES.cooperativeName}的订单` })
  const kiwi = page.getByRole("article", { name: `${KIWI.cooperativeName}的订单` })
  await expect(page.getByRole("article")).toHaveCount(2)
  await expect(apples.getByText("已下单")).toBeVisible()
  await expect(apples.getByText(`自提：${APPLES_PICKUP.name}`)).toBeVisible()
  await expect(apples.getByText(new RegExp(`${APPLES.title} · .+ × 3`))).toBeVisible()
  await expect(kiwi.getByText("已下单")).toBeVisible()
  await expect(kiwi.getByText("送货上门 · ¥8.00")).toBeVisible()
  await expectCartCount(page, 0)
  return buyer
}

test.describe("a buyer checks out from two cooperatives", () => {
  test("as a guest, paying on delivery, with JavaScript", async ({ page }) => {
    await buyFromTwoCooperatives(page, { javaScript: true })
  })
})

test.describe("a buyer checks out from two cooperatives without JavaScript", () => {
  test.use({ javaScriptEnabled: false })

  test("as a guest, paying on delivery: every step is a plain form", async ({ page }) => {
    await buyFromTwoCooperatives(page, { javaScript: false })
  })
})

test("a buyer registers, logs in with a guest cart, checks out and follows the order in their history", async ({ page }) => {
  const buyer = newBuyer()
  const password = "tianyuan-buyer-2026"

  await page.goto("/account/register")
  await expect(page.getByRole("heading", { level: 1, name: "注册账号" })).toBeVisible()
  await page.getByLabel("姓名", { exact: true }).fill(buyer.name)
  await page.getByLabel("邮箱", { exact: true }).fill(buyer.email)
  await page.getByLabel("密码", { exact: true }).fill("12345678")
  await page.getByRole("button", { name: "注册" }).click()
  // A weak password is refused in the buyer's language, with what was typed kept.
  await expect(page.getByText("密码至少 8 位，不能全是数字。")).toBeVisible()
  await expect(page.getByLabel("邮箱", { exact: true })).toHaveValue(buyer.email)
  await page.getByLabel("密码", { exact: true }).fill(password)
  await page.getByRole("button", { name: "注册" }).click()
  await expect(page.getByText("注册成功，已登录。")).toBeVisible()
  await expect(page.getByRole("heading", { level: 1, name: "我的订单" })).toBeVisible()
  await expect(page.getByText("还没有订单。")).toBeVisible()
  await page.getByRole("button", { name: "退出登录" }).click()
  await expect(page.getByText("已退出登录。")).toBeVisible()

  // Shopping as a guest, then logging in: the cart comes along.
  await addToCart(page, APPLES, 1, { javaScript: true })
  await page.getByRole("link", { name: "购物车，1 件" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await page.getByRole("link", { name: "登录后结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible()
  await page.getByLabel("邮箱", { exact: true }).fill(buyer.email)
  await page.getByLabel("密码", { exact: true }).fill("wrong-password")
  await page.getByRole("button", { name: "登录", exact: true }).click()
  await expect(page.getByText("邮箱或密码不对。")).toBeVisible()
  await page.getByLabel("密码", { exact: true }).fill(password)
  await page.getByRole("button", { name: "登录", exact: true }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await expectCartCount(page, 1)
  // The account's e-mail address is filled in for them.
  await expect(page.getByLabel("邮箱", { exact: true })).toHaveValue(buyer.email)

  await fillAddress(page, buyer, { javaScript: true })
  await chooseShipping(page, APPLES.cooperativeName, /^送货上门/, { javaScript: true })
  await placeOrder(page)

  await page.getByRole("link", { name: "在“我的订单”里查看进度" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "我的订单" })).toBeVisible()
  const order = page.getByRole("article", { name: `${APPLES.cooperativeName}的订单` })
  await expect(order).toHaveCount(1)
  await expect(order.getByText("已下单")).toBeVisible()
  await expect(order.getByText(new RegExp(`${APPLES.title} · .+ × 1`))).toBeVisible()
})
