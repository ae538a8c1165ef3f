import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import sharp from "sharp"
import seedDemoData from "../../backend/src/scripts/seed"
import { DEMO_MEMBER_PASSWORD, DEMO_VILLAGERS } from "../../backend/src/lib/demo"
import { findPhotosToAttach } from "../../plugins/media/src/lib/attach-photos"
import { MediaError } from "../../plugins/media/src/lib/media-errors"
import { MEDIA_MODULE } from "../../plugins/media/src/modules/media"
import type MediaModuleService from "../../plugins/media/src/modules/media/service"
import { VILLAGE_MODULE } from "../../plugins/village/src/modules/village"
import type VillageModuleService from "../../plugins/village/src/modules/village/service"
import { processPhotosWorkflow } from "../../plugins/media/src/workflows/process-photos"
import * as corpus from "../support/photo-corpus"

const ROOT = path.resolve(__dirname, "../..")
/** Medusa's local file provider writes to this file's own folder (support/isolate-uploads.ts). */
const STORED_PHOTOS = path.resolve(process.env.FILE_UPLOAD_DIR ?? path.join(process.cwd(), "static"), "photos")
const IMMUTABLE = "public, max-age=31536000, immutable"

type Variant = { width: number; format: "webp" | "jpeg"; url: string }
type Photo = { id: string; width: number; height: number; placeholder: string; placeholder_data_url: string; variants: Variant[] }
type Answer = { status: number; headers: Headers; data: any }

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const media = () => getContainer().resolve<MediaModuleService>(MEDIA_MODULE)
    const tokens = { villager: "", neighbour: "" }
    const memberIds = { villager: "", neighbour: "" }
    let filesBefore: string[] = []

    const storedFiles = () => (existsSync(STORED_PHOTOS) ? readdirSync(STORED_PHOTOS).sort() : [])
    const photoCount = async () => (await media().listAndCountPhotos({}))[1]
    /** The server's own address: stored URLs carry the file provider's configured host. */
    const onServer = (url: string) => `${api.defaults.baseURL}${new URL(url).pathname}`

    const upload = async (
      files: corpus.CorpusFile[],
      options: { token?: string; locale?: "zh-CN" | "en"; field?: string } = {}
    ): Promise<Answer> => {
      const body = new FormData()
      for (const file of files) {
        // A browser would say image/jpeg for anything named .jpg; the route must not believe it.
        body.append(options.field ?? "photos", new Blob([file.bytes], { type: "image/jpeg" }), file.name)
      }
      const headers: Record<string, string> = { "x-tianyuan-locale": options.locale ?? "zh-CN" }
      const token = options.token ?? tokens.villager
      if (token) headers.authorization = `Bearer ${token}`
      const response = await fetch(`${api.defaults.baseURL}/portal/media/photos`, { method: "POST", body, headers })
      return { status: response.status, headers: response.headers, data: await response.json() }
    }

    const fetchVariant = async (variant: Variant, headers: Record<string, string> = {}) => {
      const response = await fetch(onServer(variant.url), { headers })
      return { response, bytes: Buffer.from(await response.arrayBuffer()) }
    }

    beforeAll(async () => {
      filesBefore = storedFiles()
      await seedDemoData({ container: getContainer(), args: [] } as never)
      const login = async (identifier: string) =>
        (await api.post("/auth/member/emailpass", { email: identifier, password: DEMO_MEMBER_PASSWORD })).data.token as string
      tokens.villager = await login(DEMO_VILLAGERS[0].identifier)
      tokens.neighbour = await login(DEMO_VILLAGERS[1].identifier)
      const village = getContainer().resolve<VillageModuleService>(VILLAGE_MODULE)
      for (const [key, villager] of [["villager", DEMO_VILLAGERS[0]], ["neighbour", DEMO_VILLAGERS[1]]] as const) {
        const [member] = await village.listMembers({ login_identifier: villager.identifier })
        memberIds[key] = member.id
      }
    })

    afterAll(() => {
      // The suite's photos are not the developer's: remove what it wrote to the provider's folder.
      for (const name of storedFiles()) if (!filesBefore.includes(name)) rmSync(path.join(STORED_PHOTOS, name))
      if (existsSync(STORED_PHOTOS) && readdirSync(STORED_PHOTOS).length === 0) {
        rmdirSync(STORED_PHOTOS)
        const staticDir = path.dirname(STORED_PHOTOS)
        if (readdirSync(staticDir).length === 0) rmdirSync(staticDir)
      }
    })

    it("stores a phone photo upright, without EXIF or GPS, in every size, served with a year-long cache", async () => {
      const source = await corpus.portraitPhoto()
      expect(corpus.exifTags((await sharp(source.bytes).metadata()).exif).gps.length).toBeGreaterThan(0)
      const answer = await upload([source])
      expect(answer.status).toBe(201)
      expect(answer.data).toEqual({
        photos: [
          {
            id: expect.stringMatching(/^pho_/),
            width: corpus.PORTRAIT.width,
            height: corpus.PORTRAIT.height,
            placeholder: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
            placeholder_data_url: expect.stringMatching(/^data:image\/png;base64,/),
            variants: [
              { width: 320, format: "webp", url: expect.stringMatching(/\/media\/photos\/\d+-[0-9a-f]{20}-320\.webp$/) },
              { width: 640, format: "webp", url: expect.stringMatching(/\/media\/photos\/\d+-[0-9a-f]{20}-640\.webp$/) },
              { width: 1280, format: "webp", url: expect.stringMatching(/\/media\/photos\/\d+-[0-9a-f]{20}-1280\.webp$/) },
              { width: 640, format: "jpeg", url: expect.stringMatching(/\/media\/photos\/\d+-[0-9a-f]{20}-640\.jpg$/) },
            ],
          },
        ],
      })
      const [photo] = answer.data.photos as Photo[]

      for (const variant of photo.variants) {
        const { response, bytes } = await fetchVariant(variant)
        expect(response.status, variant.url).toBe(200)
        expect(response.headers.get("cache-control")).toBe(IMMUTABLE)
        expect(response.headers.get("content-type")).toBe(variant.format === "jpeg" ? "image/jpeg" : "image/webp")
        expect(response.headers.get("x-content-type-options")).toBe("nosniff")
        // The name is the bytes' own hash.
        const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 20)
        expect(variant.url).toContain(`-${hash}-`)
        expect(response.headers.get("etag")).toBe(`"${hash}"`)

        const metadata = await sharp(bytes).metadata()
        expect(metadata.format).toBe(variant.format)
        expect(metadata.width).toBe(variant.width)
        expect(metadata.height!).toBeGreaterThan(metadata.width!)
        expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation]).toEqual([undefined, undefined, undefined, undefined])
        expect(corpus.metadataBlocks(bytes)).toEqual([])
        expect(bytes.toString("latin1")).not.toContain("Exif")

        const again = await fetchVariant(variant, { "if-none-match": `"${hash}"` })
        expect(again.response.status).toBe(304)
      }

      const [row] = await media().listPhotos({ id: photo.id })
      expect(row).toMatchObject({
        uploaded_by: memberIds.villager,
        width: corpus.PORTRAIT.width,
        height: corpus.PORTRAIT.height,
        placeholder: photo.placeholder,
        source_sha256: createHash("sha256").update(source.bytes).digest("hex"),
        alt: null,
      })
      const variants = row.variants as unknown as { file_id: string; bytes: number; url: string }[]
      for (const variant of variants) {
        expect(existsSync(path.join(STORED_PHOTOS, path.basename(variant.file_id))), variant.file_id).toBe(true)
        expect(variant.bytes).toBeGreaterThan(0)
      }
    })

    it("takes PNG, WebP and AVIF side by side and never blows a small photo up", async () => {
      const answer = await upload([await corpus.transparentPng(), await corpus.webpPhoto(), await corpus.avifPhoto(), await corpus.landscapeJpeg(500)])
      expect(answer.status).toBe(201)
      const sizes = (answer.data.photos as Photo[]).map((photo) => [photo.width, photo.height, photo.variants.map((v) => `${v.format}:${v.width}`)])
      expect(sizes).toEqual([
        [800, 600, ["webp:320", "webp:640", "webp:800", "jpeg:640"]],
        [1600, 1200, ["webp:320", "webp:640", "webp:1280", "jpeg:640"]],
        [900, 600, ["webp:320", "webp:640", "webp:900", "jpeg:640"]],
        [500, 375, ["webp:320", "webp:500", "jpeg:500"]],
      ])
      for (const photo of answer.data.photos as Photo[]) {
        for (const variant of photo.variants) {
          const { response, bytes } = await fetchVariant(variant)
          expect(response.status).toBe(200)
          expect((await sharp(bytes).metadata()).width).toBe(variant.width)
        }
      }
    })

    it("stores a photo sent twice in one request once, shared by both photos", async () => {
      const same = await corpus.landscapeJpeg(700)
      const before = storedFiles()
      const answer = await upload([same, same])
      expect(answer.status).toBe(201)
      const [first, second] = answer.data.photos as Photo[]
      expect(first.id).not.toBe(second.id)
      expect(second.variants).toEqual(first.variants)
      expect(storedFiles().length - before.length).toBe(first.variants.length)
    })

    it("re-encodes a polyglot JPEG so the HTML and ZIP appended to it are stored nowhere", async () => {
      const answer = await upload([await corpus.polyglotJpeg()])
      expect(answer.status).toBe(201)
      for (const variant of (answer.data.photos as Photo[])[0].variants) {
        const text = (await fetchVariant(variant)).bytes.toString("latin1")
        for (const marker of corpus.POLYGLOT_MARKERS) expect(text).not.toContain(marker)
      }
    })

    const refusals: [string, () => Promise<corpus.CorpusFile[]>, number, string][] = [
      ["a text file called .jpg", async () => [await corpus.textNamedJpg()], 400, "not_a_photo"],
      ["an SVG", async () => [await corpus.svgImage()], 400, "not_a_photo"],
      ["a truncated JPEG", async () => [await corpus.truncatedJpeg()], 400, "photo_truncated"],
      ["a pixel-flood PNG declaring 30000×30000", async () => [await corpus.pixelFloodPng()], 400, "photo_too_many_pixels"],
      ["a 64 MP PNG of 200 KB", async () => [await corpus.hugeSolidPng()], 400, "photo_too_many_pixels"],
      ["a HEIC sharp cannot decode", async () => [await corpus.heicPhoto()], 400, "heic_not_supported"],
      ["a 16 MB file", async () => [await corpus.oversizeFile()], 413, "photo_too_large"],
      ["nine photos", async () => Array(9).fill(await corpus.landscapeJpeg(400)), 400, "too_many_photos"],
      ["good photos followed by a truncated one", async () => [await corpus.landscapeJpeg(800), await corpus.webpPhoto(), await corpus.truncatedJpeg()], 400, "photo_truncated"],
      ["a photo in another field", async () => [await corpus.landscapeJpeg(400)], 400, "unexpected_field"],
    ]
    for (const [what, files, status, code] of refusals) {
      it(`refuses ${what} with ${status} ${code} and stores nothing`, async () => {
        const before = { rows: await photoCount(), files: storedFiles() }
        const answer = await upload(await files(), code === "unexpected_field" ? { field: "picture" } : {})
        expect(answer.status).toBe(status)
        expect(answer.data).toEqual({ type: "invalid_data", code, message: expect.any(String) })
        expect(await photoCount()).toBe(before.rows)
        expect(storedFiles()).toEqual(before.files)
      })
    }

    it("explains refusals in the member's language, naming the photo", async () => {
      const heic = await corpus.heicPhoto()
      const zh = await upload([heic])
      expect(zh.data.message).toContain("“IMG_0001.HEIC”")
      expect(zh.data.message).toContain("兼容性最佳")
      const en = await upload([heic], { locale: "en" })
      expect(en.data.message).toContain("Most Compatible")
      expect((await upload([await corpus.oversizeFile()], { locale: "en" })).data.message).toBe(
        "“huge.jpg” is larger than 15 MB. Choose a smaller one or compress it first."
      )
    })

    it("answers 401 to an anonymous upload and stores nothing", async () => {
      const before = { rows: await photoCount(), files: storedFiles() }
      const answer = await upload([await corpus.landscapeJpeg(400)], { token: "" })
      expect(answer.status).toBe(401)
      expect(await photoCount()).toBe(before.rows)
      expect(storedFiles()).toEqual(before.files)
    })

    it("removes the stored files when the photo rows cannot be written", async () => {
      const dir = path.join(os.tmpdir(), `media-compensation-${process.pid}`)
      mkdirSync(dir, { recursive: true })
      try {
        const file = await corpus.landscapeJpeg(900)
        const source = path.join(dir, "upload-1")
        writeFileSync(source, file.bytes)
        const before = { rows: await photoCount(), files: storedFiles() }
        const { errors } = await processPhotosWorkflow(getContainer()).run({
          // No uploader: the database refuses the row after the files were stored.
          input: { member_id: null as never, uploads: [{ path: source, type: "jpeg", ref: { position: 1 }, source_sha256: "0".repeat(64) }] },
          throwOnError: false,
        })
        expect(errors.length).toBeGreaterThan(0)
        expect(await photoCount()).toBe(before.rows)
        expect(storedFiles()).toEqual(before.files)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it("lets other plugins attach only the member's own photos, in the order asked", async () => {
      const mine = (await upload([await corpus.landscapeJpeg(700), await corpus.landscapeJpeg(600)])).data.photos as Photo[]
      const theirs = (await upload([await corpus.landscapeJpeg(650)], { token: tokens.neighbour })).data.photos as Photo[]
      const asked = [mine[1].id, mine[0].id]
      const attached = await findPhotosToAttach(getContainer(), { photo_ids: asked, uploaded_by: memberIds.villager })
      expect(attached.map((photo) => photo.id)).toEqual(asked)
      expect(attached[0]).toEqual({ id: mine[1].id, width: 600, height: 450, placeholder: mine[1].placeholder, variants: mine[1].variants })
      const refused = await findPhotosToAttach(getContainer(), { photo_ids: [mine[0].id, theirs[0].id], uploaded_by: memberIds.villager }).catch(
        (error) => error
      )
      expect(refused).toBeInstanceOf(MediaError)
      expect(refused.code).toBe("photo_not_found")
    })

    it("serves only stored photo names", async () => {
      for (const name of ["1-0123456789abcdef0123-640.webp", "..%2F..%2Fmedusa-config.ts", "photo.svg"]) {
        expect((await fetch(`${api.defaults.baseURL}/media/photos/${name}`)).status, name).toBe(404)
      }
    })
  },
})
