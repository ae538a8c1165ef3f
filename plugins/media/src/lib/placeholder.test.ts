import sharp from "sharp"
import { placeholderDataUrl, placeholderOf } from "./placeholder"

describe("placeholders", () => {
  it("round-trips a photo's colours and shape through a tiny PNG data URL", async () => {
    const orange = sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 240, g: 130, b: 20 } } })
    const hash = await placeholderOf(orange)
    const url = await placeholderDataUrl(hash)
    expect(url).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(url.split(",")[1], "base64")
    expect(png.length).toBeLessThan(1500)
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
    expect(info.width / info.height).toBeCloseTo(2, 0)
    const middle = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels
    expect(data[middle]).toBeGreaterThan(200)
    expect(data[middle + 2]).toBeLessThan(70)
  })
})
