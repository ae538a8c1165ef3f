import { expect, test, type Page } from "@playwright/test"
import { E2E_URLS } from "../support/e2e-stack"

const SECRETARY = "secretary.tongdi@demo.tianyuan.local"
const PASSWORD = "tianyuan2026"

async function logIn(page: Page, identifier: string, password: string) {
  await page.goto(`${E2E_URLS.sellerPortal}/login`)
  await page.getByLabel("邮箱或手机号").fill(identifier)
  await page.getByLabel("密码").fill(password)
  await page.getByRole("button", { name: "登录", exact: true }).click()
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible()
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click()
  await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible()
}

test("a newcomer registers, asks to join 桐堤村, the secretary approves, and the village appears", async ({ page }) => {
  const identifier = `villager-${Date.now()}@example.com`

  await page.goto(`${E2E_URLS.sellerPortal}/register`)
  await page.getByLabel("真实姓名").fill("测试村民")
  await page.getByLabel("邮箱或手机号").fill(identifier)
  await page.getByLabel("密码").fill(PASSWORD)
  await page.getByRole("button", { name: "注册", exact: true }).click()
  await expect(page.getByText("注册成功，欢迎你！")).toBeVisible()
  // Not a villager yet: no village menu.
  await expect(page.getByRole("link", { name: /我的村/ })).toHaveCount(0)

  await page.getByRole("link", { name: "加入村子" }).click()
  for (const area of ["陕西省", "延安市", "洛川县", "旧县镇"]) {
    await page.getByRole("link", { name: new RegExp(`^${area}`) }).click()
  }
  const row = page.getByRole("listitem").filter({ hasText: "桐堤村" })
  await row.getByRole("button", { name: "申请加入" }).click()
  await expect(page.getByText("已提交，等待村支书审批。")).toBeVisible()
  await logOut(page)

  await logIn(page, SECRETARY, PASSWORD)
  await page.getByRole("link", { name: /入村申请/ }).click()
  const request = page.getByRole("listitem").filter({ hasText: "测试村民" })
  await request.getByRole("button", { name: "批准" }).click()
  await expect(page.getByText("已批准 测试村民 加入本村。")).toBeVisible()
  await logOut(page)

  await logIn(page, identifier, PASSWORD)
  await expect(page.getByRole("link", { name: /我的村\s*桐堤村/ })).toBeVisible()
})
