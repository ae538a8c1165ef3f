import { expect, test, type Page } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

// Buyers find produce by what it is and where it comes from (issue 5), with the demo data: ten apple
// products of 洛川桐堤苹果专业合作社 in 洛川县 (陕西 延安), rice and grain from 五常 (黑龙江), forty in all.

const q = (words: string) => encodeURIComponent(words)

/** The search box in the site header. */
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "搜索农产品" })

/** The cards of the results list. */
const results = (page: Page) => page.getByRole("list", { name: "搜索结果" }).getByRole("listitem")

/** The header's cart link says how many pieces the cart holds. */
const cartLink = (page: Page, count: number) => page.getByRole("link", { name: `购物车，${count} 件` })

/** A card's own "加入购物车" (its name says which produce). */
const addButton = (page: Page, title: string) => results(page).filter({ hasText: title }).getByRole("button", { name: `把${title}加入购物车` })

test.describe("with JavaScript", () => {
  test("results follow the typing, without Enter and without a page load", async ({ page }) => {
    await page.goto(E2E_URLS.storefront, { waitUntil: "networkidle" })
    // Set on this document: it survives only if the results arrive without loading a new page.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    await searchBox(page).pressSequentially("苹果", { delay: 60 })

    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}`)
    await expect(page.getByRole("heading", { level: 1, name: "“苹果”" })).toBeVisible()
    const fuji = results(page).filter({ hasText: "洛川红富士苹果" })
    await expect(fuji).toBeVisible()
    // Price per unit from fen, where it grew and who sells it.
    await expect(fuji).toContainText("¥68.00/箱")
    await expect(fuji).toContainText("洛川县 · 桐堤村")
    await expect(fuji).toContainText("洛川桐堤苹果专业合作社")
    await expect(results(page).filter({ hasText: "五常稻花香大米" })).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    await expect(searchBox(page)).toBeFocused()
  })

  test("drilling into areas, and Back returns to each committed search rather than every keystroke", async ({ page }) => {
    await page.goto(`/search?q=${q("大米")}`, { waitUntil: "networkidle" })
    await expect(results(page).filter({ hasText: "五常稻花香大米" })).toBeVisible()
    // Once JavaScript runs, filters apply as they change and their button goes away.
    await expect(page.getByRole("button", { name: "筛选" })).toBeHidden()

    // Two pauses while typing: the first adds a history entry, the second replaces it.
    await searchBox(page).fill("苹")
    await expect(page).toHaveURL(/q=%E8%8B%B9$/)
    await searchBox(page).fill("苹果")
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}`)
    await expect(results(page).filter({ hasText: "洛川红富士苹果" })).toBeVisible()

    // Province → city → county, each with how many apples it holds.
    await page.getByRole("link", { name: /^陕西省 \d+$/ }).click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}&area=61`)
    await page.getByRole("link", { name: /^延安市 \d+$/ }).click()
    await expect(page).toHaveURL(/area=6106$/)
    await page.getByRole("link", { name: /^洛川县 \d+$/ }).click()
    await expect(page).toHaveURL(/area=610629$/)
    const trail = page.getByRole("navigation", { name: "所在地区" })
    await expect(trail.getByRole("link")).toHaveText(["全国", "陕西省", "延安市"])
    await expect(trail.locator("[aria-current=page]")).toHaveText("洛川县")
    await expect(results(page).filter({ hasText: "洛川红富士苹果" })).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL(/area=6106$/)
    await page.goBack()
    await page.goBack()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}`)
    await page.goBack()
    // Not q=苹: the half-typed word never became an entry of its own.
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("大米")}`)
    await expect(searchBox(page)).toHaveValue("大米")
    await expect(results(page).filter({ hasText: "五常稻花香大米" })).toBeVisible()
  })

  test("the breadcrumb widens the area, and a filter applies as soon as it is ticked", async ({ page }) => {
    await page.goto(`/search?q=${q("苹果")}&area=6106`, { waitUntil: "networkidle" })
    await expect(page.getByRole("button", { name: "筛选" })).toBeHidden()
    await page.getByRole("checkbox", { name: "有认证" }).check()
    await expect(page).toHaveURL(/area=6106&certified=1$/)
    await expect(results(page)).toHaveCount(1)
    await expect(results(page).first()).toContainText("洛川红富士苹果")

    await page.getByRole("navigation", { name: "所在地区" }).getByRole("link", { name: "全国" }).click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}&certified=1`)
  })

  test("a card adds its produce to the cart in place: a size to choose when there are several, and the header counts it", async ({ page }) => {
    const url = `/search?q=${q("苹果")}&in_stock=1`
    await page.goto(url, { waitUntil: "networkidle" })
    await expect(cartLink(page, 0)).toBeVisible()
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    // 洛川红富士苹果 comes in two sizes: the card offers the choice, then one button.
    const fuji = results(page).filter({ hasText: "洛川红富士苹果" })
    // The size the card's price (¥68.00/箱) is for comes chosen.
    await expect(fuji.locator("option:checked")).toHaveText("80mm 一级果 · ¥68.00")
    await fuji.getByRole("combobox", { name: "规格" }).selectOption({ label: "85mm 特级果 · ¥88.00" })
    await addButton(page, "洛川红富士苹果").click()
    await expect(fuji.getByRole("status")).toContainText("已加入购物车")
    await expect(cartLink(page, 1)).toBeVisible()

    // 洛川嘎啦苹果 has one size: just the button.
    const gala = results(page).filter({ hasText: "洛川嘎啦苹果" })
    await expect(gala.getByRole("combobox")).toHaveCount(0)
    await addButton(page, "洛川嘎啦苹果").click()
    await expect(cartLink(page, 2)).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    await expect(page).toHaveURL(`${E2E_URLS.storefront}${url}`)

    // The photo and title still lead to the produce page; the cart holds the size chosen.
    await cartLink(page, 2).click()
    await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible()
    await expect(page.getByText("85mm 特级果")).toBeVisible()
    await expect(page.getByText("80mm 一级果")).toHaveCount(0)
    await page.goBack()
    await results(page).filter({ hasText: "洛川嘎啦苹果" }).getByRole("link", { name: "洛川嘎啦苹果" }).click()
    await expect(page.getByRole("heading", { level: 1, name: "洛川嘎啦苹果" })).toBeVisible()
  })
})

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false })

  test("the header's form searches, the filter form filters and sorts, links page through", async ({ page }) => {
    await page.goto("/areas")
    await searchBox(page).fill("米")
    await searchBox(page).press("Enter")
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("米")}`)
    await expect(results(page).filter({ hasText: "五常稻花香大米" })).toBeVisible()

    await page.getByRole("checkbox", { name: "有货" }).check()
    await page.getByLabel("排序", { exact: true }).selectOption({ label: "价格从低到高" })
    await page.getByRole("button", { name: "筛选" }).click()
    await expect(page).toHaveURL(/[?&]q=%E7%B1%B3&/)
    await expect(page).toHaveURL(/in_stock=1/)
    await expect(page).toHaveURL(/sort=price_asc/)
    const prices = await results(page).locator(".produce-card__price").allTextContents()
    const yuan = prices.map((price) => Number(price.replace(/[^\d.]/g, "")))
    expect(yuan.length).toBeGreaterThan(1)
    expect(yuan).toEqual([...yuan].sort((a, b) => a - b))

    // Everything on sale: forty or so, twenty a page.
    await page.goto("/search")
    await expect(results(page)).toHaveCount(20)
    await expect(page.getByText("第 1 页，共 ")).toBeVisible()
    await page.getByRole("link", { name: "下一页" }).click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?page=2`)
    await expect(results(page).first()).toBeVisible()
    await expect(page.getByRole("link", { name: "上一页" })).toHaveAttribute("rel", "prev")
    await expect(page.locator('head link[rel="prev"]')).toHaveAttribute("href", "/search")

    // A county's page lists its produce with the same filters.
    await page.goto("/areas/610629")
    await expect(page.getByRole("heading", { name: "洛川县的农产品" })).toBeVisible()
    // The county has twenty demo produce, and the other specs list more there: whatever is on the first
    // page grew in 洛川县, and none of 五常's rice.
    await expect(results(page).first()).toBeVisible()
    const listed = await results(page).count()
    await expect(results(page).filter({ hasText: "洛川县" })).toHaveCount(listed)
    await expect(results(page).filter({ hasText: "五常稻花香大米" })).toHaveCount(0)
    await page.getByRole("checkbox", { name: "有认证" }).check()
    await page.getByRole("button", { name: "筛选" }).click()
    // Without JavaScript the browser sends every field of the form, empty ones too.
    await expect(page).toHaveURL(/\/areas\/610629\?(.*&)?certified=1/)
    await expect(results(page)).toHaveCount(1)
    await expect(results(page).filter({ hasText: "洛川红富士苹果" })).toBeVisible()
  })

  test("a card's button posts to the cart and comes back to the same search with a notice", async ({ page }) => {
    const url = `/search?q=${q("苹果")}&in_stock=1&sort=price_asc`
    await page.goto(url)
    await expect(cartLink(page, 0)).toBeVisible()
    await addButton(page, "洛川嘎啦苹果").click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}${url}`)
    await expect(page.getByText("已把 洛川嘎啦苹果 ×1 加入购物车。")).toBeVisible()
    await expect(cartLink(page, 1)).toBeVisible()

    // Several sizes: the choice is a plain select, sent with the form.
    await results(page).filter({ hasText: "洛川红富士苹果" }).getByRole("combobox", { name: "规格" }).selectOption({ label: "85mm 特级果 · ¥88.00" })
    await addButton(page, "洛川红富士苹果").click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}${url}`)
    await expect(page.getByText("已把 洛川红富士苹果 ×1 加入购物车。")).toBeVisible()
    await expect(cartLink(page, 2)).toBeVisible()

    await cartLink(page, 2).click()
    await expect(page.getByText("85mm 特级果")).toBeVisible()
  })

  test("nothing found: a wider area and each filter to drop are offered", async ({ page }) => {
    await page.goto(`/search?q=${q("苹果")}&area=23&in_stock=1`)
    await expect(page.getByRole("heading", { name: "没有找到符合条件的农产品" })).toBeVisible()
    await expect(page.getByRole("link", { name: "去掉“有货”" })).toBeVisible()
    await page.getByRole("link", { name: "在全国范围内找" }).click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("苹果")}&in_stock=1`)
    await expect(results(page).filter({ hasText: "洛川红富士苹果" })).toBeVisible()

    // In English too, one level up from a county.
    await page.context().addCookies([{ name: "lng", value: "en", url: E2E_URLS.storefront }])
    await page.goto(`/search?q=${q("大米")}&area=610629`)
    await expect(page.getByRole("heading", { name: "No produce matches this search" })).toBeVisible()
    await page.getByRole("link", { name: "Look in all of 延安市" }).click()
    await expect(page).toHaveURL(`${E2E_URLS.storefront}/search?q=${q("大米")}&area=6106`)
    await expect(page.getByRole("link", { name: "Search without the words “大米”" })).toBeVisible()
  })

  test("bad parameters get a friendly word, never an error page", async ({ page }) => {
    const response = await page.goto(`/search?q=${q("果".repeat(201))}&area=xyz&sort=cheapest&page=abc`)
    expect(response?.status()).toBe(200)
    await expect(page.getByText("搜索词太长，只用了前 200 个字。")).toBeVisible()
    await expect(page.getByText("“xyz”不是地区代码，已在全国范围内搜索。")).toBeVisible()

    const unknownArea = await page.goto("/search?area=999999")
    expect(unknownArea?.status()).toBe(200)
    await expect(page.getByText("没有找到这个地区，已在全国范围内搜索。")).toBeVisible()

    const pastTheEnd = await page.goto("/search?page=99")
    expect(pastTheEnd?.status()).toBe(200)
    await page.getByRole("link", { name: "去最后一页" }).click()
    await expect(page).toHaveURL(/\/search\?page=[23]$/)
    await expect(results(page).first()).toBeVisible()
  })
})
