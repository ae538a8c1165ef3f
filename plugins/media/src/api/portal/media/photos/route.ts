import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalContext } from "@tianyuan/village/api/portal/access"
import { answersMediaErrors } from "../../../../lib/media-errors"
import { presentPhoto } from "../../../../lib/present-photo"
import { receivePhotos } from "../../../../lib/receive-photos"
import { processPhotosWorkflow } from "../../../../workflows/process-photos"

/** Up to eight photos in the multipart field `photos`; answers them stored, or refuses them all. */
export const POST = answersMediaErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const workDir = await mkdtemp(path.join(os.tmpdir(), "tianyuan-photos-"))
  try {
    const uploads = await receivePhotos(req, workDir)
    const { result } = await processPhotosWorkflow(req.scope).run({
      input: {
        member_id: memberId,
        uploads: uploads.map(({ path, type, ref, source_sha256 }) => ({ path, type, ref, source_sha256 })),
      },
    })
    res.status(201).json({ photos: await Promise.all(result.map(presentPhoto)) })
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
})
