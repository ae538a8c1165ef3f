import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { servedPhotoFile } from "../../../../lib/photo-files"

const IMMUTABLE = "public, max-age=31536000, immutable"

const notFound = (res: MedusaResponse) => res.status(404).json({ type: "not_found", message: "Not found." })

/**
 * Photo variants kept by the local file provider, with the year-long cache Medusa's `/static` cannot
 * give (see `publicVariantUrl`). Names carry their content hash, so a name always means the same
 * bytes. Public: a variant's URL is on every produce page anyway.
 */
export const GET = async (req: MedusaRequest<unknown, { name: string }>, res: MedusaResponse) => {
  const file = servedPhotoFile(req.params.name)
  if (!file) return notFound(res)
  const cacheHeaders = { "Cache-Control": IMMUTABLE, ETag: file.etag }
  const known = String(req.headers["if-none-match"] ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""))
  if (known.includes(file.etag)) {
    res.status(304).set(cacheHeaders).end()
    return
  }
  const stream = await req.scope
    .resolve(Modules.FILE)
    .getDownloadStream(file.fileId)
    .catch(() => null)
  if (!stream) return notFound(res)
  stream.once("error", () => {
    // A missing file fails before the first byte; anything later can only cut the answer short.
    if (res.headersSent) return res.destroy()
    res.removeHeader("Cache-Control")
    res.removeHeader("ETag")
    notFound(res)
  })
  res.set({
    ...cacheHeaders,
    "Content-Type": file.mimeType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
  })
  stream.pipe(res)
}
