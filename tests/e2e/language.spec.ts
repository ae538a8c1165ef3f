import { expect, test } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

test.describe("a first visit", () => {
  test("the storefront speaks Chinese first, switches to English and remembers it", async ({ page }) => {
    await page.goto(E2E_URLS.storefront)
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
    // The home shows what the backend holds: the demo cooperatives' produce.
    await expect(page.getByText("洛川红富士苹果").first()).toBeVisible()

    await page.getByRole("button", { name: "English" }).click()
    await expect(page.locator("html")).toHaveAttribute("lang", "en")
    await expect(page.getByRole("button", { name: "中文" })).toBeVisible()

    await page.reload()
    await expect(page.locator("html")).toHaveAttribute("lang", "en")

    await page.getByRole("button", { name: "中文" }).click()
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  })

  test("the seller portal switches language with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(E2E_URLS.sellerPortal)
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
    await page.getByRole("button", { name: "English" }).click()
    await expect(page.locator("html")).toHaveAttribute("lang", "en")
    await expect(page).toHaveURL(`${E2E_URLS.sellerPortal}/`)
    await context.close()
  })
})
