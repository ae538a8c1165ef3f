import { describeProduceContract, settle } from "../contract/produce-contract"
import { apple, produceDefinition } from "../contract/produce-corpus"
import { MeilisearchSearchService } from "./service"

/**
 * The shared produce contract on a real Meilisearch server: runs when MEILISEARCH_HOST is set (and
 * MEILISEARCH_API_KEY when the server has a master key), otherwise says so and skips. No Meilisearch
 * can run on the project's machines; see plugins/search/README.md for running it on a developer's.
 * Every run builds its own indexes (tianyuan_contract_<run>_…) and deletes them at the end.
 */
const HOST = process.env.MEILISEARCH_HOST
const API_KEY = process.env.MEILISEARCH_API_KEY || undefined

if (!HOST) {
  console.log("Meilisearch contract suite skipped: MEILISEARCH_HOST not set")
}

const run = `${Date.now().toString(36)}_${process.pid}`
const provider = () => new MeilisearchSearchService({}, { host: HOST, apiKey: API_KEY, batchSize: 2 })

describe.skipIf(!HOST)(`Meilisearch contract suite (MEILISEARCH_HOST=${HOST ?? "not set"})`, () => {
  describeProduceContract({
    name: "meilisearch",
    physicalName: `tianyuan_contract_${run}`,
    providerId: "meilisearch",
    create: provider,
  })

  describe("meilisearch beyond the contract", () => {
    const physical = `tianyuan_contract_${run}_extra`
    const definition = produceDefinition(physical, undefined, "meilisearch")
    let meili: MeilisearchSearchService

    beforeAll(async () => {
      meili = provider()
      await meili.upsertIndex({ index: definition })
    })

    afterAll(async () => {
      if (meili) await settle(meili, await meili.deleteIndex({ index: physical }))
    })

    it("applies the definition's settings on the server", async () => {
      const { Meilisearch } = await import("meilisearch")
      const settings = await new Meilisearch({ host: HOST!, apiKey: API_KEY }).index(physical).getSettings()
      expect(settings.searchableAttributes?.slice(0, 4)).toEqual(["title", "_cjk_title", "_py_title", "title_en"])
      expect(settings.localizedAttributes).toEqual(
        expect.arrayContaining([expect.objectContaining({ locales: ["cmn"], attributePatterns: expect.arrayContaining(["title", "_cjk_title"]) })])
      )
      expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["price_min", "_ts_harvested_at", "id"]))
      expect(settings.typoTolerance?.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 })
      expect(settings.rankingRules?.[0]).toBe("sort")
    })

    it("writes in batches, one Meilisearch task per batch, and waits for all of them", async () => {
      const docs = ["a1", "a2", "a3", "a4", "a5"].map((id) => ({ ...apple, id }))
      const task = await meili.upsertDocuments({ index: physical, definition, documents: docs })
      expect(task.status).toBe("enqueued")
      expect(task.id?.split(",")).toHaveLength(3)
      expect((await settle(meili, task)).status).toBe("succeeded")
      expect((await meili.listIndexes()).find((i) => i.name === physical)?.document_count).toBe(5)
    })

    it("surfaces a failed write with Meilisearch's own message", async () => {
      const task = await meili.upsertDocuments({ index: physical, definition, documents: [{ ...apple, id: "bad id!" }] })
      const done = await meili.waitForTask(task, { timeout_ms: 30_000 })
      expect(done.status).toBe("failed")
      expect(done.error?.code).toBe("invalid_document_id")
      expect(done.error?.message).toContain("bad id!")
      await expect(settle(meili, task)).rejects.toThrow(/bad id!/)
    })
  })
})
