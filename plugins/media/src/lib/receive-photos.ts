import { createHash } from "node:crypto"
import { createWriteStream } from "node:fs"
import type { IncomingMessage } from "node:http"
import path from "node:path"
import { type Readable, Transform } from "node:stream"
import { pipeline } from "node:stream/promises"
import busboy from "busboy"
import { type ImageType, SNIFF_BYTES, sniffImageType } from "./image-type"
import { MediaError, type PhotoRef } from "./media-errors"
import { MAX_REQUEST_BYTES, PHOTO_LIMITS } from "./photo-limits"

/** One photo of a multipart upload, written to a temporary file and hashed on the way. */
export type ReceivedPhoto = {
  path: string
  /** Its place in the request (1-based) and the name the device gave it, for messages only. */
  ref: PhotoRef
  bytes: number
  source_sha256: string
  /** Decided from the first bytes; the file's name and Content-Type are ignored. */
  type: ImageType
}

const FIELD = "photos"
const MAX_MB = PHOTO_LIMITS.bytesPerPhoto / (1024 * 1024)

/**
 * Streams the `photos` parts of a multipart request into `workDir` — never holding a whole file in
 * memory — and refuses the request at the first part that breaks a rule. A refused request is read
 * to its end (or cut off when it outgrows any acceptable size) before the promise settles, so the
 * caller can answer and then remove `workDir` with everything in it.
 */
export function receivePhotos(req: IncomingMessage, workDir: string): Promise<ReceivedPhoto[]> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
    return Promise.reject(new MediaError("request_too_large", { count: PHOTO_LIMITS.photosPerRequest }))
  }
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: "utf8",
      limits: {
        fileSize: PHOTO_LIMITS.bytesPerPhoto,
        files: PHOTO_LIMITS.photosPerRequest,
        // A few text fields are read only to name them in the refusal.
        fields: 4,
        parts: PHOTO_LIMITS.photosPerRequest + 4,
        headerPairs: 20,
      },
    })
  } catch {
    return Promise.reject(new MediaError("not_multipart"))
  }

  return new Promise((resolve, reject) => {
    const photos: ReceivedPhoto[] = []
    const saving: Promise<void>[] = []
    let failure: MediaError | null = null
    let settled = false
    let parts = 0
    let received = 0

    const fail = (error: MediaError) => {
      failure ??= error
    }
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
    }
    const stopReading = (error: MediaError) => {
      fail(error)
      req.unpipe(parser)
      parser.destroy(error)
      settle(() => reject(failure))
    }

    parser.on("file", (field, stream, info) => {
      parts += 1
      if (failure) {
        stream.resume()
        return
      }
      if (field !== FIELD) {
        fail(new MediaError("unexpected_field", { field: displayName(field) ?? "" }))
        stream.resume()
        return
      }
      const ref: PhotoRef = { position: parts, name: displayName(info.filename) }
      const photo: ReceivedPhoto = { path: path.join(workDir, `upload-${parts}`), ref, bytes: 0, source_sha256: "", type: "jpeg" }
      photos.push(photo)
      stream.on("limit", () => fail(new MediaError("photo_too_large", { max: MAX_MB }, ref)))
      const saved = savePhoto(stream, photo, () => failure, fail)
      // Awaited on 'close'; a cut-off request settles before, so nothing may go unhandled.
      saved.catch(() => undefined)
      saving.push(saved)
    })
    parser.on("field", (field) => fail(new MediaError("unexpected_field", { field: displayName(field) ?? "" })))
    parser.on("fieldsLimit", () => fail(new MediaError("unexpected_field", { field: "" })))
    parser.on("filesLimit", () => fail(new MediaError("too_many_photos", { max: PHOTO_LIMITS.photosPerRequest })))
    parser.on("partsLimit", () => fail(new MediaError("too_many_photos", { max: PHOTO_LIMITS.photosPerRequest })))
    parser.on("error", () => settle(() => reject(failure ?? new MediaError("upload_incomplete"))))
    parser.on("close", () => {
      Promise.all(saving).then(
        () => settle(() => (failure ? reject(failure) : photos.length === 0 ? reject(new MediaError("no_photos")) : resolve(photos))),
        () => settle(() => reject(failure ?? new MediaError("upload_incomplete")))
      )
    })

    // A chunked request has no Content-Length to check up front.
    req.on("data", (chunk: Buffer) => {
      received += chunk.length
      if (received > MAX_REQUEST_BYTES && !settled) {
        stopReading(new MediaError("request_too_large", { count: PHOTO_LIMITS.photosPerRequest }))
      }
    })
    req.on("close", () => {
      if (!req.complete && !settled) stopReading(new MediaError("upload_incomplete"))
    })
    req.pipe(parser)
  })
}

/**
 * Writes one part to disk, hashing it and sniffing its type from the first bytes. Once anything in
 * the request has failed, the rest of the part is read and dropped instead of written.
 */
async function savePhoto(
  stream: Readable,
  photo: ReceivedPhoto,
  currentFailure: () => MediaError | null,
  fail: (error: MediaError) => void
): Promise<void> {
  const hash = createHash("sha256")
  let head = Buffer.alloc(0)
  let sniffed = false
  const sniff = () => {
    sniffed = true
    const type = sniffImageType(head)
    if (type) photo.type = type
    else fail(new MediaError("not_a_photo", {}, photo.ref))
  }
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (currentFailure()) return done()
      photo.bytes += chunk.length
      hash.update(chunk)
      if (!sniffed) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)])
        if (head.length >= SNIFF_BYTES) sniff()
      }
      done(null, chunk)
    },
    flush(done) {
      if (!sniffed) sniff()
      photo.source_sha256 = hash.digest("hex")
      done()
    },
  })
  await pipeline(stream, inspect, createWriteStream(photo.path))
}

/** The device's file name without folders or control characters, short enough for a message. */
function displayName(filename: string | undefined): string | undefined {
  const base = filename?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, "").trim()
  if (!base) return undefined
  return [...base].length > 60 ? `${[...base].slice(0, 57).join("")}…` : base
}
