import QRCode from "qrcode"
import { describe, expect, it } from "vitest"
import { certificateQrSvg } from "./qr-code.server"

describe("certificateQrSvg", () => {
  const url = "https://shop.example.cn/certificates/cert_01JZ8Y2K6Q4W3E5R7T9Y1U3I5O"

  it("draws the same symbol the qrcode library encodes for the certificate link", async () => {
    const svg = await certificateQrSvg(url, "扫码查看合格证")
    const modules = QRCode.create(url, { errorCorrectionLevel: "M" }).modules
    expect(modules.size).toBeGreaterThanOrEqual(25)
    expect(svg).toMatch(/^<svg role="img" aria-label="扫码查看合格证" /)
    expect(svg).toContain("<title>扫码查看合格证</title>")
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 4} ${modules.size + 4}"`)
  })

  it("escapes the title so it cannot break out of the SVG", async () => {
    const svg = await certificateQrSvg(url, `"><script>alert(1)</script>`)
    expect(svg).not.toContain("<script>")
    expect(svg).toContain("&lt;script&gt;")
  })
})
