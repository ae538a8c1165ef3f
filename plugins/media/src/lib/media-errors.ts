import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type Locale, requestLocale } from "@tianyuan/village/lib/portal-errors"

/**
 * Why a photo was refused, in the member's language (`x-tianyuan-locale`), with the same answer shape
 * as the portal's own errors. `{photo}` becomes the file's name, or "photo 2" when it had none.
 */
const MESSAGES = {
  not_multipart: {
    "zh-CN": "请用表单上传照片（multipart/form-data，字段名 photos）。",
    en: "Send the photos as a form upload (multipart/form-data, field “photos”).",
  },
  unexpected_field: {
    "zh-CN": "表单里只能有照片（字段名 photos），不能有“{field}”。",
    en: "The form may contain only photos (field “photos”), not “{field}”.",
  },
  no_photos: { "zh-CN": "请至少选择一张照片。", en: "Choose at least one photo." },
  too_many_photos: { "zh-CN": "一次最多上传 {max} 张照片。", en: "Upload at most {max} photos at a time." },
  photo_too_large: {
    "zh-CN": "{photo}太大了（超过 {max} MB），请换一张或压缩后再上传。",
    en: "{photo} is larger than {max} MB. Choose a smaller one or compress it first.",
  },
  request_too_large: {
    "zh-CN": "这次上传的内容太多了，请分几次上传，每次不超过 {count} 张。",
    en: "This upload is too large. Upload in smaller batches of at most {count} photos.",
  },
  upload_incomplete: { "zh-CN": "上传中断了，请重新上传。", en: "The upload was interrupted. Please try again." },
  not_a_photo: {
    "zh-CN": "{photo}不是照片。请选择 JPEG、PNG、WebP 或 HEIC 格式的照片。",
    en: "{photo} is not a photo. Choose a JPEG, PNG, WebP or HEIC photo.",
  },
  photo_truncated: {
    "zh-CN": "{photo}没有传完整，请重新选择这张照片上传。",
    en: "{photo} did not arrive complete. Please choose it and upload it again.",
  },
  photo_damaged: {
    "zh-CN": "{photo}已损坏，无法打开，请换一张照片。",
    en: "{photo} is damaged and cannot be opened. Please choose another photo.",
  },
  photo_too_many_pixels: {
    "zh-CN": "{photo}的像素太多（超过 {megapixels} 百万像素），请缩小后再上传。",
    en: "{photo} has more than {megapixels} megapixels. Please make it smaller and upload it again.",
  },
  heic_not_supported: {
    "zh-CN":
      "{photo}是 HEIC 格式，暂时无法处理。请在手机“设置 → 相机 → 格式”里选择“兼容性最佳”（JPEG）后重新拍摄，或先转成 JPEG 再上传。",
    en: "{photo} is a HEIC photo we cannot read yet. In your phone's Settings → Camera → Formats choose “Most Compatible” (JPEG) and take it again, or convert it to JPEG first.",
  },
  photo_not_found: { "zh-CN": "照片没有找到，请重新上传。", en: "A photo was not found; please upload it again." },
} as const satisfies Record<string, Record<Locale, string>>

export type MediaErrorCode = keyof typeof MESSAGES

const STATUS: Partial<Record<MediaErrorCode, number>> = {
  photo_too_large: 413,
  request_too_large: 413,
  not_multipart: 415,
}

/** Which photo of the request an error is about: its file name, and its place (1-based) as a fallback. */
export type PhotoRef = { name?: string; position: number }

export class MediaError extends Error {
  override readonly name = "MediaError"

  constructor(
    readonly code: MediaErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly photo?: PhotoRef
  ) {
    super(code)
  }

  get status(): number {
    return STATUS[this.code] ?? 400
  }

  messageIn(locale: Locale): string {
    const values: Record<string, string> = { ...stringify(this.params), photo: photoLabel(this.photo, locale) }
    return MESSAGES[this.code][locale].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "")
  }

  /**
   * Workflows hand errors back serialised (a plain object with the same own properties), so a
   * MediaError thrown in a step is recognised here by its name and code.
   */
  static from(error: unknown): MediaError | null {
    if (error instanceof MediaError) return error
    const candidate = error as Partial<MediaError> | null
    if (candidate?.name === "MediaError" && typeof candidate.code === "string" && Object.prototype.hasOwnProperty.call(MESSAGES, candidate.code)) {
      return new MediaError(candidate.code as MediaErrorCode, candidate.params ?? {}, candidate.photo)
    }
    return null
  }
}

function stringify(params: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]))
}

function photoLabel(photo: PhotoRef | undefined, locale: Locale): string {
  if (!photo) return locale === "en" ? "The photo" : "照片"
  if (photo.name) return `“${photo.name}”`
  return locale === "en" ? `Photo ${photo.position}` : `第 ${photo.position} 张照片`
}

export function sendMediaError(req: MedusaRequest, res: MedusaResponse, error: MediaError) {
  // The rest of an oversized request was not read: closing stops the client from sending it.
  if (error.code === "request_too_large") res.setHeader("Connection", "close")
  res.status(error.status).json({
    type: error.status === 404 ? "not_found" : "invalid_data",
    code: error.code,
    message: error.messageIn(requestLocale(req)),
  })
}

/** Wraps a route handler so MediaErrors (thrown directly or out of a workflow) reach the member as a translated 4xx. */
export function answersMediaErrors<Req extends MedusaRequest<any>>(
  handler: (req: Req, res: MedusaResponse) => Promise<unknown>
): (req: Req, res: MedusaResponse) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      const mediaError = MediaError.from(error)
      if (mediaError && !res.headersSent) {
        sendMediaError(req, res, mediaError)
        return
      }
      throw error
    }
  }
}
