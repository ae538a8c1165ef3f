import { mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll } from "vitest"

/**
 * Each test file gets its own folder for Medusa's local file provider (the backend reads
 * FILE_UPLOAD_DIR when its config loads, which happens per file). Files run side by side, and a
 * suite that checks "stores nothing" must not see another suite's seed photos arrive. The folders
 * live in the system's temporary directory, not in the source tree, and go when the file is done.
 */
const uploads = mkdtempSync(path.join(os.tmpdir(), "tianyuan-test-uploads-"))
process.env.FILE_UPLOAD_DIR = uploads
afterAll(() => rmSync(uploads, { recursive: true, force: true }))
