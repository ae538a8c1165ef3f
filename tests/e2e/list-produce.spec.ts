import { mkdtempSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { expect, test } from "@playwright/test"
import sharp from "sharp"
import { E2E_URLS } from "../support/e2e-stack"

const FARMER = "13800000001" // 王秀珍, 洛川桐堤苹果专业合作社
const PASSWORD = "tianyuan2026"

/** A phone-sized photo of an apple, taken "sideways" as phones do (EXIF orientation 6). */
async function applePhoto(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500">
    <rect width="2000" height="1500" fill="#eee6d6"/><circle cx="1000" cy="750" r="420" fill="#c8242b"/></svg>`
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tianyuan-e2e-photo-")), "apple.jpg")
  writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer())
  return file
}

test("a farmer lists an apple with a photo from a phone, and buyers see its page", async ({ page }) => {
  const title = `桐堤苹果 ${Date.now() % 100000}`

  await page.goto(`${E2E_URLS.sellerPortal}/login`)
  await page.getByLabel("邮箱或手机号").fill(FARMER)
  await page.getByLabel("密码").fill(PASSWORD)
  await page.getByRole("button", { name: "登录", exact: true }).click()

  await page.getByRole("link", { name: /我的农产品/ }).click()
  await page.getByRole("link", { name: "上架新农产品" }).click()

  await page.getByLabel("照片").setInputFiles(await applePhoto())
  await expect(page.getByText("已上传")).toBeVisible({ timeout: 30_000 })
  await page.getByLabel("名称").fill(title)
  await page.getByLabel("单价（元）").fill("6.5")
  await page.getByLabel("库存").fill("120")
  await page.getByRole("button", { name: "上架", exact: true }).click()
  await expect(page.getByText(`「${title}」已上架。`)).toBeVisible()

  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) })
  const storeLink = await row.getByRole("link", { name: "在商店里看" }).getAttribute("href")
  await page.goto(storeLink!)
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible()
  await expect(page.getByText("¥6.50").first()).toBeVisible()
  await expect(page.getByText("有货 120")).toBeVisible()
  const photo = page.locator("main img").first()
  await expect(photo).toBeVisible()
  // Responsive WebP variants, chosen by the browser, from the media pipeline's cached route.
  expect(await photo.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/photos\/.+\.webp$/)
  // The phone held the camera sideways: the stored photo is upright (portrait).
  const size = await photo.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  expect(size.height).toBeGreaterThan(size.width)
  await expect(page.getByRole("link", { name: "桐堤村" }).first()).toBeVisible()
})
