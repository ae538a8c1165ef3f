import { rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { brotliCompressSync } from "node:zlib"
import { chromium, type Page } from "@playwright/test"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD } from "../../backend/src/lib/demo"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { startStack } from "../../scripts/lib/stack"

/**
 * Page budgets of issue 4 on the built system with demo data, in Debian's Chromium on a 390×844
 * phone viewport, network throttled to 1.6 Mbps down / 750 kbps up / 150 ms RTT, cold cache:
 * storefront produce page (JS brotli, total bytes with images, LCP), the storefront search page with
 * results (issue 5: the same three figures for `/search?q=苹果`), the cart and checkout pages with
 * produce of two cooperatives in the cart (issue 6: JS brotli, bytes, LCP) and the portal's add-produce page
 * (bytes transferred). Ports 9400/9401/9402 and PostgreSQL 54379 (BENCH_PAGES_*_PORT to move them).
 */
const PORTS = {
  backend: Number(process.env.BENCH_PAGES_BACKEND_PORT ?? 9400),
  storefront: Number(process.env.BENCH_PAGES_STOREFRONT_PORT ?? 9401),
  sellerPortal: Number(process.env.BENCH_PAGES_SELLER_PORTAL_PORT ?? 9402),
  postgres: Number(process.env.BENCH_PAGES_POSTGRES_PORT ?? 54379),
}
const THROTTLE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

type Load = { bytes: number; jsBrotli: number; jsRequests: number; lcpMs: number | null }

async function measure(page: Page, url: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send("Network.enable")
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
  await cdp.send("Network.emulateNetworkConditions", THROTTLE)
  let bytes = 0
  const scripts = new Map<string, string>()
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength
  })
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, event.response.url)
  })
  await page.addInitScript(() => {
    ;(window as unknown as { __lcp: number | null }).__lcp = null
    new PerformanceObserver((list) => {
      const entries = list.getEntries()
      ;(window as unknown as { __lcp: number }).__lcp = entries[entries.length - 1].startTime
    }).observe({ type: "largest-contentful-paint", buffered: true })
  })
  await page.goto(url, { waitUntil: "networkidle" })
  await page.waitForTimeout(500)
  const lcpMs = await page.evaluate(() => (window as unknown as { __lcp: number | null }).__lcp)
  let jsBrotli = 0
  for (const requestId of scripts.keys()) {
    const { body, base64Encoded } = await cdp.send("Network.getResponseBody", { requestId })
    jsBrotli += brotliCompressSync(Buffer.from(body, base64Encoded ? "base64" : "utf8")).length
  }
  await cdp.detach()
  return { bytes, jsBrotli, jsRequests: scripts.size, lcpMs }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export async function benchPages() {
  const dataDir = benchDataDir(os.tmpdir(), "tianyuan-bench-pages-")
  const env = benchLauncherEnv(dataDir, PORTS)
  const stack = await startStack({ env, mode: "production", serviceLog: path.join(dataDir, "servers.log"), log: () => undefined })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
  try {
    const key = (await (await fetch(`${stack.urls.backend}/public/storefront-config`)).json()).publishable_key
    const cooperative = await (
      await fetch(`${stack.urls.backend}/store/cooperatives/${DEMO_COOPERATIVES[0].handle}`, { headers: { "x-publishable-api-key": key } })
    ).json()
    const fuji = cooperative.produce.find((p: { title: string }) => p.title === "洛川红富士苹果")
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }

    const produceContext = await browser.newContext(phone)
    const produce = await measure(await produceContext.newPage(), `${stack.urls.storefront}/produce/${fuji.handle}`)
    await produceContext.close()

    const searchContext = await browser.newContext(phone)
    const searchPage = await searchContext.newPage()
    const search = await measure(searchPage, `${stack.urls.storefront}/search?q=${encodeURIComponent("苹果")}`)
    const searchResults = await searchPage.locator(".produce-card").count()
    await searchContext.close()

    // Issue 6: the cart and checkout pages with produce of two cooperatives in the cart, put there
    // through the storefront's own add-to-cart form (the context's cookie holds the cart).
    const cartContext = await browser.newContext(phone)
    const kiwiCooperative = await (
      await fetch(`${stack.urls.backend}/store/cooperatives/${DEMO_COOPERATIVES[1].handle}`, { headers: { "x-publishable-api-key": key } })
    ).json()
    for (const item of [fuji, kiwiCooperative.produce[0]] as { variants: { id: string }[] }[]) {
      const added = await cartContext.request.post(`${stack.urls.storefront}/cart/add`, {
        form: { variant_id: item.variants[0].id, quantity: "1", redirect_to: "/cart" },
        maxRedirects: 0,
      })
      if (added.status() !== 302) throw new Error(`Adding to the cart answered ${added.status()}`)
    }
    const cartPage = await cartContext.newPage()
    const cart = await measure(cartPage, `${stack.urls.storefront}/cart`)
    const cartGroups = await cartPage.locator(".cart-group").count()
    const checkout = await measure(await cartContext.newPage(), `${stack.urls.storefront}/checkout`)
    await cartContext.close()

    const portalContext = await browser.newContext(phone)
    const portal = await portalContext.newPage()
    await portal.goto(`${stack.urls.sellerPortal}/login`)
    await portal.getByLabel("邮箱或手机号").fill(DEMO_COOPERATIVES[0].farmers[0].identifier)
    await portal.getByLabel("密码").fill(DEMO_MEMBER_PASSWORD)
    await portal.getByRole("button", { name: "登录", exact: true }).click()
    await portal.waitForURL(`${stack.urls.sellerPortal}/`)
    const addProduce = await measure(portal, `${stack.urls.sellerPortal}/cooperatives/${cooperative.cooperative.id}/produce/new`)
    await portalContext.close()

    const lines = [
      `storefront /produce/:handle (洛川红富士苹果), cold, throttled: JS ${kb(produce.jsBrotli)} brotli in ${produce.jsRequests} files (budget 100 KB); total ${kb(produce.bytes)} transferred with images (budget 350 KB); LCP ${produce.lcpMs === null ? "n/a" : `${(produce.lcpMs / 1000).toFixed(2)} s`} (budget 2.5 s)`,
      `storefront /search?q=苹果 (${searchResults} results on the page), cold, throttled: JS ${kb(search.jsBrotli)} brotli in ${search.jsRequests} files (budget 100 KB); total ${kb(search.bytes)} transferred with images; LCP ${search.lcpMs === null ? "n/a" : `${(search.lcpMs / 1000).toFixed(2)} s`} (budget 2.5 s)`,
      `storefront /cart (${cartGroups} cooperatives), cold, throttled: JS ${kb(cart.jsBrotli)} brotli in ${cart.jsRequests} files (budget 100 KB); total ${kb(cart.bytes)} transferred; LCP ${cart.lcpMs === null ? "n/a" : `${(cart.lcpMs / 1000).toFixed(2)} s`}`,
      `storefront /checkout, cold, throttled: JS ${kb(checkout.jsBrotli)} brotli in ${checkout.jsRequests} files (budget 100 KB); total ${kb(checkout.bytes)} transferred; LCP ${checkout.lcpMs === null ? "n/a" : `${(checkout.lcpMs / 1000).toFixed(2)} s`}`,
      `portal /cooperatives/:id/produce/new, cold, throttled: ${kb(addProduce.bytes)} transferred (budget 150 KB; JS ${kb(addProduce.jsBrotli)} brotli)`,
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    await browser.close()
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
