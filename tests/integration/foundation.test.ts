import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemoData from "../../backend/src/scripts/seed"
import { DEMO_OPERATOR, DEMO_SEED_MARKER, DEMO_STOCK_LOCATION } from "../../backend/src/lib/demo"

const BACKEND_DIR = path.resolve(__dirname, "../../backend")

medusaIntegrationTestRunner({
  cwd: BACKEND_DIR,
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const seed = () => seedDemoData({ container: getContainer(), args: [] } as never)

    async function counts() {
      const container = getContainer()
      return {
        salesChannels: (await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})).length,
        regions: (await container.resolve(Modules.REGION).listRegions({})).length,
        apiKeys: (await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })).length,
        stockLocations: (await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})).length,
        users: (await container.resolve(Modules.USER).listUsers({})).length,
        products: (await container.resolve(Modules.PRODUCT).listProducts({})).length,
      }
    }

    // Seeded once; the runner restores this state before every test.
    beforeAll(async () => {
      await seed()
    })

    it("boots the backend with all four Tianyuan plugins", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const plugins = (config.plugins ?? []).map((plugin) => (typeof plugin === "string" ? plugin : plugin.resolve))
      expect(plugins).toEqual(
        expect.arrayContaining(["@tianyuan/village", "@tianyuan/media", "@tianyuan/search", "@tianyuan/marketplace"])
      )
    })

    it("seeds China in CNY with pay on delivery, and a second seed adds nothing", async () => {
      const first = await counts()
      await seed()
      expect(await counts()).toEqual(first)

      const { data } = await api.get("/public/storefront-config")
      expect(data.publishable_key).toMatch(/^pk_/)
      const headers = { "x-publishable-api-key": data.publishable_key }

      const regions = await api.get("/store/regions", { headers })
      const china = regions.data.regions.find((region: { name: string }) => region.name === "China")
      expect(china.currency_code).toBe("cny")
      expect(china.countries.map((country: { iso_2: string }) => country.iso_2)).toEqual(["cn"])
      const providers = await api.get(`/store/payment-providers?region_id=${china.id}`, { headers })
      expect(providers.data.payment_providers.map((provider: { id: string }) => provider.id)).toEqual(["pp_system_default"])

      const products = await api.get("/store/products?limit=100", { headers })
      expect(products.status).toBe(200)
      expect(products.data.count).toBe(40)
    })

    it("lets the demo operator log in to the admin", async () => {
      const login = await api.post("/auth/user/emailpass", DEMO_OPERATOR)
      const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${login.data.token}` } })
      expect(me.data.user.email).toBe(DEMO_OPERATOR.email)
    })

    it("completes a seed that was stopped half-way", async () => {
      const container = getContainer()
      const storeModule = container.resolve(Modules.STORE)
      const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
      // Simulate an interrupted first start: the later steps and the marker never happened.
      const [location] = await stockLocationModule.listStockLocations({ name: DEMO_STOCK_LOCATION })
      await stockLocationModule.deleteStockLocations([location.id])
      const [store] = await storeModule.listStores({})
      await storeModule.updateStores(store.id, { metadata: { [DEMO_SEED_MARKER]: "" } })

      await seed()

      expect(await stockLocationModule.listStockLocations({ name: DEMO_STOCK_LOCATION })).toHaveLength(1)
      const [seeded] = await storeModule.listStores({})
      expect(seeded.metadata?.[DEMO_SEED_MARKER]).toBeTruthy()
      expect(seeded.default_location_id).not.toBe(location.id)
    })

    it("refuses an unknown publishable key on store routes", async () => {
      const response = await api
        .get("/store/products", { headers: { "x-publishable-api-key": "pk_unknown" } })
        .catch((error: { response: { status: number } }) => error.response)
      expect(response.status).toBe(400)
    })
  },
})
