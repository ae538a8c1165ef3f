import { createHash } from "node:crypto"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import * as corpus from "../../../../tests/support/photo-corpus"
import { MediaError } from "./media-errors"
import { MAX_REQUEST_BYTES } from "./photo-limits"
import { type ReceivedPhoto, receivePhotos } from "./receive-photos"

describe("receivePhotos", () => {
  let server: http.Server
  let url: string
  let dir: string
  let outcome: Promise<ReceivedPhoto[] | MediaError>

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "media-receive-test-"))
    server = http.createServer((req, res) => {
      outcome = receivePhotos(req, dir).catch((error: MediaError) => error)
      outcome.then((result) => {
        res.statusCode = result instanceof MediaError ? result.status : 200
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify(result instanceof MediaError ? { code: result.code, message: result.messageIn("en") } : result))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })

  const form = (...files: (corpus.CorpusFile & { field?: string })[]) => {
    const body = new FormData()
    for (const file of files) body.append(file.field ?? "photos", new Blob([file.bytes], { type: "image/jpeg" }), file.name)
    return body
  }
  const send = async (body: FormData | string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: "POST", body, headers })
    return { status: response.status, data: (await response.json()) as any }
  }

  it("streams each photo to disk with its hash, and decides its type from the bytes", async () => {
    const jpeg = await corpus.landscapeJpeg(640)
    const png = await corpus.transparentPng()
    const { status, data } = await send(form({ ...jpeg, name: "苹果园/红富士.jpg" }, { ...png, name: "not-really.jpg" }))
    expect(status).toBe(200)
    expect(data.map((photo: ReceivedPhoto) => [photo.ref, photo.type, photo.bytes])).toEqual([
      [{ position: 1, name: "红富士.jpg" }, "jpeg", jpeg.bytes.length],
      [{ position: 2, name: "not-really.jpg" }, "png", png.bytes.length],
    ])
    for (const [index, file] of [jpeg, png].entries()) {
      expect(await readFile(data[index].path)).toEqual(file.bytes)
      expect(data[index].source_sha256).toBe(createHash("sha256").update(file.bytes).digest("hex"))
    }
  })

  it("refuses what is not a photo upload", async () => {
    const jpeg = await corpus.landscapeJpeg(640)
    expect((await send(form(await corpus.textNamedJpg()))).data.code).toBe("not_a_photo")
    expect((await send(form(await corpus.svgImage()))).data.code).toBe("not_a_photo")
    expect((await send(form({ ...jpeg, field: "avatar" }))).data.code).toBe("unexpected_field")
    const withField = form(jpeg)
    withField.append("alt", "apples")
    expect((await send(withField)).data).toMatchObject({ code: "unexpected_field", message: expect.stringContaining("“alt”") })
    expect(await send(JSON.stringify({ photos: [] }), { "content-type": "application/json" })).toEqual({
      status: 415,
      data: expect.objectContaining({ code: "not_multipart" }),
    })
    expect((await send(new FormData())).data.code).toMatch(/^(no_photos|upload_incomplete)$/)
  })

  it("refuses more than eight photos, and a photo over 15 MB with 413", async () => {
    const jpeg = await corpus.landscapeJpeg(320)
    expect(await send(form(...Array(9).fill(jpeg)))).toEqual({ status: 400, data: expect.objectContaining({ code: "too_many_photos" }) })
    expect((await send(form(...Array(8).fill(jpeg)))).status).toBe(200)
    const oversize = await send(form(jpeg, await corpus.oversizeFile()))
    expect(oversize).toEqual({ status: 413, data: expect.objectContaining({ code: "photo_too_large" }) })
    expect(oversize.data.message).toContain("“huge.jpg”")
  })

  it("answers 413 at once when the declared length is too long, and cuts off an endless chunked upload", async () => {
    const early = await new Promise<number>((resolve, reject) => {
      const request = http.request(url, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_REQUEST_BYTES + 1) },
      })
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0)
        request.destroy()
      })
      request.on("error", reject)
      request.write("--x\r\n")
    })
    expect(early).toBe(413)

    // The client never stops sending: the answer still comes, once the request outgrows any acceptable size.
    const endless = (prelude: string) =>
      new Promise<number>((resolve) => {
        const request = http.request(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" } })
        request.on("response", (response) => {
          resolve(response.statusCode ?? 0)
          request.destroy()
        })
        request.on("error", () => undefined)
        request.write(Buffer.from(prelude, "latin1"))
        const chunk = Buffer.alloc(1024 * 1024, 0xff)
        const pump = () => {
          while (!request.destroyed && request.write(chunk));
          if (!request.destroyed) request.once("drain", pump)
        }
        pump()
      })
    expect(await endless('--x\r\ncontent-disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8\xff')).toBe(413)
    expect(await outcome).toEqual(expect.objectContaining({ code: "photo_too_large" }))
    expect(await endless("junk before any boundary")).toBe(413)
    expect(await outcome).toEqual(expect.objectContaining({ code: "request_too_large" }))
  })

  it("gives up on an upload the client abandons", async () => {
    await new Promise<void>((resolve) => {
      const request = http.request(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "100000" } })
      request.on("error", () => undefined)
      request.write('--x\r\ncontent-disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8\xff', () => {
        setTimeout(() => {
          request.destroy()
          resolve()
        }, 50)
      })
    })
    expect(await outcome).toEqual(expect.objectContaining({ code: "upload_incomplete" }))
  })
})
