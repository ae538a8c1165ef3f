import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { PORTRAIT, portraitPhoto } from "../support/photo-corpus"

/**
 * The photo pipeline on a 12 MP phone JPEG (EXIF orientation 6): time and peak memory for one photo
 * on one core, and photos per second with two uploads at once. Each figure comes from a fresh child
 * process running the built pipeline (`renderPhoto`, sharp concurrency 1), so memory is the
 * pipeline's own and not the bench's. Needs `npm run build` (or the media plugin built) first.
 * Targets: ≤ 800 ms and ≤ 300 MB per photo on one core.
 */
const PIPELINE = path.resolve(__dirname, "../../plugins/media/.medusa/server/src/lib/photo-pipeline.js")
const ROUNDS = 5
const CONCURRENT_PHOTOS = 12

/** Runs in the child: warm sharp up on a small image, then time the photo `rounds` times, `parallel` at once. */
const CHILD = `
const { renderPhoto } = require(process.env.PIPELINE)
const sharp = require(require.resolve("sharp", { paths: [require("path").dirname(process.env.PIPELINE)] }))
const { mkdtempSync } = require("fs")
const path = require("path")
;(async () => {
  const out = mkdtempSync(path.join(process.env.WORK, "out-"))
  const source = { path: process.env.SOURCE, type: "jpeg", ref: { position: 1 } }
  const warm = path.join(process.env.WORK, "warm.jpg")
  await sharp({ create: { width: 64, height: 48, channels: 3, background: "#888" } }).jpeg().toFile(warm)
  await renderPhoto({ ...source, path: warm }, out)
  const baseline = process.memoryUsage().rss
  const rounds = Number(process.env.ROUNDS), parallel = Number(process.env.PARALLEL)
  const times = []
  const started = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < rounds) {
      next++
      const t = performance.now()
      const photo = await renderPhoto(source, out)
      times.push(performance.now() - t)
      if (photo.width !== ${PORTRAIT.width} || photo.height !== ${PORTRAIT.height}) throw new Error("wrong orientation")
    }
  }))
  const seconds = (performance.now() - started) / 1000
  console.log(JSON.stringify({ times, seconds, baseline, maxRss: process.resourceUsage().maxRSS * 1024, concurrency: sharp.concurrency() }))
})().catch((error) => { console.error(error); process.exit(1) })
`

type ChildResult = { times: number[]; seconds: number; baseline: number; maxRss: number; concurrency: number }

function runChild(env: Record<string, string>, oneCore: boolean): ChildResult {
  const command = oneCore && existsSync("/usr/bin/taskset") ? "/usr/bin/taskset" : process.execPath
  const args = oneCore && command !== process.execPath ? ["-c", "0", process.execPath, "-e", CHILD] : ["-e", CHILD]
  const child = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8" })
  if (child.status !== 0) throw new Error(`photo bench child failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split("\n").pop()!)
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export async function benchPhotos() {
  if (!existsSync(PIPELINE)) {
    throw new Error("The media plugin is not built: run `npm run build` (or `npx turbo run build --filter=@tianyuan/media`) first")
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "tianyuan-bench-photos-"))
  try {
    const photo = await portraitPhoto()
    const source = path.join(work, photo.name)
    writeFileSync(source, photo.bytes)
    const env = { PIPELINE, WORK: work, SOURCE: source }

    const single = runChild({ ...env, ROUNDS: String(ROUNDS), PARALLEL: "1" }, true)
    const pair = runChild({ ...env, ROUNDS: String(CONCURRENT_PHOTOS), PARALLEL: "2" }, false)
    const cpus = execFileSync("nproc", { encoding: "utf8" }).trim()
    const within = (value: number, limit: number) => (value <= limit ? "✓" : "✗ over target")

    const lines = [
      `source: ${PORTRAIT.storedWidth}×${PORTRAIT.storedHeight} JPEG (12 MP, ${(photo.bytes.length / 2 ** 20).toFixed(1)} MB, EXIF orientation 6 + GPS) → WebP 320/640/1280, JPEG 640, ThumbHash; sharp concurrency ${single.concurrency}`,
      `one photo on one core (taskset -c 0, median of ${ROUNDS}): ${median(single.times).toFixed(0)} ms (min ${Math.min(...single.times).toFixed(0)}, max ${Math.max(...single.times).toFixed(0)}) ${within(median(single.times), 800)} target 800 ms`,
      `peak RSS of that process: ${mib(single.maxRss)} (${mib(single.baseline)} before the first 12 MP photo) ${within(single.maxRss, 300 * 2 ** 20)} target 300 MB`,
      `two uploads at once (${CONCURRENT_PHOTOS} photos, ${cpus} cores): ${(CONCURRENT_PHOTOS / pair.seconds).toFixed(2)} photos/s, ${median(pair.times).toFixed(0)} ms each (median), peak RSS ${mib(pair.maxRss)}`,
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
