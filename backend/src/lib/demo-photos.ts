import { createHash } from "node:crypto"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import sharp from "sharp"
import { storedVariants } from "@tianyuan/media/lib/photo-record"
import { processPhotosWorkflow } from "@tianyuan/media/workflows"
import type { DemoProduce } from "./demo"

/**
 * Demo produce photos are drawn at seed time (never downloaded): a still life of the produce on a
 * wooden table, lit from the upper left, with film grain — then sent through the same media pipeline
 * as a farmer's upload, so the demo exercises resizing, placeholders and storage for real.
 */
const WIDTH = 1600
const HEIGHT = 1200

function shade(hex: string, amount: number): string {
  const value = parseInt(hex.slice(1), 16)
  const channel = (shift: number) => Math.max(0, Math.min(255, ((value >> shift) & 255) + amount))
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, "0")).join("")}`
}

/** A deterministic pseudo-random sequence, so the same produce always gets the same picture. */
function random(seed: string) {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function items(item: DemoProduce, next: () => number): string {
  const dark = shade(item.colour, -70)
  const light = shade(item.colour, 60)
  const pieces: string[] = []
  const count = item.shape === "box" || item.shape === "jar" ? 1 : item.shape === "grain" ? 1 : 5
  for (let i = 0; i < count; i++) {
    const cx = count === 1 ? WIDTH / 2 : 420 + i * 190 + next() * 40
    const cy = count === 1 ? 700 : 690 + (i % 2) * 70 + next() * 30
    if (item.shape === "round" || item.shape === "oval") {
      const rx = item.shape === "round" ? 150 + next() * 20 : 120 + next() * 15
      const ry = item.shape === "round" ? rx * 0.95 : rx * 1.35
      pieces.push(`<ellipse cx="${cx + 20}" cy="${cy + ry * 0.9}" rx="${rx * 0.9}" ry="${ry * 0.18}" fill="#000" opacity="0.25" filter="url(#blur)"/>`)
      pieces.push(`<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="url(#body)"/>`)
      pieces.push(`<ellipse cx="${cx - rx * 0.35}" cy="${cy - ry * 0.4}" rx="${rx * 0.25}" ry="${ry * 0.18}" fill="#fff" opacity="0.35" filter="url(#blur)"/>`)
      if (item.shape === "round") pieces.push(`<path d="M${cx} ${cy - ry + 10} q 8 -40 30 -55" stroke="#4a3420" stroke-width="9" fill="none" stroke-linecap="round"/>`)
    } else if (item.shape === "grain") {
      pieces.push(`<ellipse cx="${cx}" cy="${cy + 170}" rx="430" ry="70" fill="#000" opacity="0.25" filter="url(#blur)"/>`)
      pieces.push(`<ellipse cx="${cx}" cy="${cy + 120}" rx="420" ry="90" fill="${shade(item.background, -80)}"/>`)
      pieces.push(`<path d="M${cx - 400} ${cy + 110} Q ${cx} ${cy - 260} ${cx + 400} ${cy + 110} Z" fill="url(#body)"/>`)
      for (let grain = 0; grain < 420; grain++) {
        const angle = next() * Math.PI
        const radius = Math.sqrt(next())
        const gx = cx + Math.cos(angle) * radius * 380
        const gy = cy + 100 - Math.sin(angle) * radius * 200
        pieces.push(`<ellipse cx="${gx.toFixed(1)}" cy="${gy.toFixed(1)}" rx="9" ry="5" transform="rotate(${(next() * 180).toFixed(0)} ${gx.toFixed(1)} ${gy.toFixed(1)})" fill="${next() > 0.5 ? light : dark}" opacity="0.55"/>`)
      }
    } else if (item.shape === "jar") {
      pieces.push(`<ellipse cx="${cx + 30}" cy="${cy + 260}" rx="220" ry="40" fill="#000" opacity="0.25" filter="url(#blur)"/>`)
      pieces.push(`<rect x="${cx - 170}" y="${cy - 230}" width="340" height="480" rx="60" fill="url(#body)"/>`)
      pieces.push(`<rect x="${cx - 120}" y="${cy - 290}" width="240" height="80" rx="16" fill="${shade(item.background, -120)}"/>`)
      pieces.push(`<rect x="${cx - 170}" y="${cy - 40}" width="340" height="170" fill="#f7f1e3" opacity="0.92"/>`)
      pieces.push(`<rect x="${cx - 140}" y="${cy - 200}" width="40" height="380" rx="20" fill="#fff" opacity="0.25"/>`)
    } else {
      pieces.push(`<ellipse cx="${cx + 40}" cy="${cy + 230}" rx="330" ry="50" fill="#000" opacity="0.25" filter="url(#blur)"/>`)
      pieces.push(`<polygon points="${cx - 300},${cy - 120} ${cx + 220},${cy - 120} ${cx + 320},${cy - 200} ${cx - 200},${cy - 200}" fill="${light}"/>`)
      pieces.push(`<polygon points="${cx + 220},${cy - 120} ${cx + 320},${cy - 200} ${cx + 320},${cy + 130} ${cx + 220},${cy + 210}" fill="${dark}"/>`)
      pieces.push(`<rect x="${cx - 300}" y="${cy - 120}" width="520" height="330" fill="url(#body)"/>`)
      pieces.push(`<rect x="${cx - 240}" y="${cy - 40}" width="400" height="150" rx="12" fill="#f7f1e3" opacity="0.9"/>`)
    }
  }
  return pieces.join("\n")
}

export function demoPhotoSvg(item: DemoProduce): string {
  const next = random(item.title)
  // Drawn at 1280 × 960, the largest size the pipeline keeps, so seeding stays quick.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <radialGradient id="light" cx="30%" cy="20%" r="90%">
      <stop offset="0" stop-color="${shade(item.background, 25)}"/><stop offset="1" stop-color="${shade(item.background, -45)}"/>
    </radialGradient>
    <radialGradient id="body" cx="35%" cy="30%" r="75%">
      <stop offset="0" stop-color="${shade(item.colour, 55)}"/><stop offset="0.55" stop-color="${item.colour}"/><stop offset="1" stop-color="${shade(item.colour, -80)}"/>
    </radialGradient>
    <linearGradient id="wood" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#9a6b43"/><stop offset="1" stop-color="#5e3d22"/>
    </linearGradient>
    <filter id="blur"><feGaussianBlur stdDeviation="18"/></filter>
    <filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${Math.floor(next() * 1000)}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="table" tableValues="0 0.08"/></feComponentTransfer></filter>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#light)"/>
  <rect y="${HEIGHT * 0.62}" width="${WIDTH}" height="${HEIGHT * 0.38}" fill="url(#wood)"/>
  ${[...Array(9).keys()].map((line) => `<path d="M0 ${HEIGHT * 0.64 + line * 50 + next() * 20} C ${WIDTH / 3} ${HEIGHT * 0.64 + line * 50 + next() * 40}, ${(2 * WIDTH) / 3} ${HEIGHT * 0.64 + line * 50 - next() * 40}, ${WIDTH} ${HEIGHT * 0.64 + line * 50}" stroke="#3f2814" stroke-opacity="0.25" stroke-width="3" fill="none"/>`).join("\n  ")}
  ${items(item, next)}
  <rect width="${WIDTH}" height="${HEIGHT}" filter="url(#grain)"/>
</svg>`
}

export type DemoPhoto = {
  id: string
  width: number
  height: number
  placeholder: string
  variants: { width: number; format: "webp" | "jpeg"; url: string }[]
}

export async function demoProducePhotos(container: MedusaContainer, item: DemoProduce, farmerId: string): Promise<DemoPhoto[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tianyuan-demo-photo-"))
  try {
    const jpeg = await sharp(Buffer.from(demoPhotoSvg(item))).jpeg({ quality: 88 }).toBuffer()
    const file = path.join(dir, "photo.jpg")
    await writeFile(file, jpeg)
    const { result } = await processPhotosWorkflow(container).run({
      input: {
        member_id: farmerId,
        uploads: [{ path: file, type: "jpeg", ref: { name: `${item.title_en}.jpg`, position: 1 }, source_sha256: createHash("sha256").update(jpeg).digest("hex") }],
      },
    })
    return result.map((photo) => ({
      id: photo.id,
      width: photo.width,
      height: photo.height,
      placeholder: photo.placeholder,
      variants: storedVariants(photo).map(({ width, format, url }) => ({ width, format, url })),
    }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
