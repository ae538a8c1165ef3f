import QRCode from "qrcode"

/**
 * The certificate's QR code as inline SVG (no script, no request), from the well-kept `qrcode`
 * package. Level M survives a smudged or creased label; the title names the link for screen readers.
 */
export async function certificateQrSvg(url: string, title: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 })
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  return svg.replace("<svg ", `<svg role="img" aria-label="${escaped.replace(/"/g, "&quot;")}" `).replace(/(<svg[^>]*>)/, `$1<title>${escaped}</title>`)
}
