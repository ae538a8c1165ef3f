import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Errors a member can act on, answered in their language. Medusa's own error handler replaces the
 * message of a 409, so these are written to the response here instead.
 */
export type Locale = "zh-CN" | "en"

const VILLAGE_MESSAGES = {
  invalid_identifier: { "zh-CN": "请填写正确的邮箱或手机号。", en: "Enter a valid email address or mobile number." },
  weak_password: {
    "zh-CN": "密码至少 8 位，并且要同时有字母和数字。",
    en: "Use a password of at least 8 characters with letters and digits.",
  },
  invalid_real_name: { "zh-CN": "请填写真实姓名（1 到 40 个字）。", en: "Enter your real name (1 to 40 characters)." },
  identifier_taken: {
    "zh-CN": "这个邮箱或手机号已经注册过了，请直接登录。",
    en: "This email address or mobile number is already registered. Please log in.",
  },
  invalid_reset_token: {
    "zh-CN": "重置链接已失效，请重新申请。",
    en: "This reset link has expired or was already used. Please ask for a new one.",
  },
  invalid_area_code: { "zh-CN": "地区代码不正确。", en: "That is not a valid area code." },
  area_not_found: { "zh-CN": "没有找到这个地区。", en: "No such area." },
  village_not_found: { "zh-CN": "没有找到这个村。", en: "No such village on Tianyuan." },
  member_not_found: { "zh-CN": "没有找到这个成员。", en: "No such member." },
  join_request_not_found: { "zh-CN": "没有找到这条入村申请。", en: "No such request to join." },
  membership_not_found: { "zh-CN": "没有找到这个身份。", en: "No such membership." },
  already_member: { "zh-CN": "你已经是这个村的村民了。", en: "You are already a member of this village." },
  already_requested: {
    "zh-CN": "你已经申请过加入这个村，请等待村里审批。",
    en: "You have already asked to join this village. Please wait for the village to decide.",
  },
  request_decided: { "zh-CN": "这条申请已经处理过了。", en: "This request has already been decided." },
  village_exists: { "zh-CN": "这个村已经在田园上了。", en: "This village is already on Tianyuan." },
  not_a_village_area: { "zh-CN": "只能为村级地区开通村页面。", en: "Only a village-level area can open a village page." },
  role_not_revocable: {
    "zh-CN": "村支书只能撤销村民和村委成员的身份。",
    en: "A secretary can revoke only villager and committee memberships.",
  },
  invalid_data: { "zh-CN": "填写的内容有误：{detail}", en: "Some of the input is not valid: {detail}" },
  not_found: { "zh-CN": "没有找到。", en: "Not found." },
  unauthorized: { "zh-CN": "请先登录。", en: "Please log in." },
} as const satisfies Record<string, Record<Locale, string>>

export type PortalErrorCode = keyof typeof VILLAGE_MESSAGES

const VILLAGE_STATUS: Partial<Record<PortalErrorCode, number>> = {
  identifier_taken: 409,
  already_member: 409,
  already_requested: 409,
  request_decided: 409,
  village_exists: 409,
  invalid_reset_token: 401,
  unauthorized: 401,
  area_not_found: 404,
  village_not_found: 404,
  member_not_found: 404,
  join_request_not_found: 404,
  membership_not_found: 404,
  not_found: 404,
}

type Message = Record<Locale, string> & { status?: number }
const messages = new Map<string, Message>(
  Object.entries(VILLAGE_MESSAGES).map(([code, text]) => [code, { ...text, status: VILLAGE_STATUS[code as PortalErrorCode] }])
)

/** Other plugins add their own codes (marketplace: prices, produce…) with both languages and a status. */
export function registerPortalMessages(more: Record<string, Message>) {
  for (const [code, message] of Object.entries(more)) {
    if (!messages.has(code)) messages.set(code, message)
  }
}

export class PortalError extends Error {
  constructor(
    readonly code: PortalErrorCode | (string & {}),
    readonly params: Record<string, string> = {}
  ) {
    super(code)
  }

  get status(): number {
    return messages.get(this.code)?.status ?? 400
  }

  messageIn(locale: Locale): string {
    const message = messages.get(this.code) ?? messages.get("invalid_data")!
    return message[locale].replace(/\{(\w+)\}/g, (_, key: string) => this.params[key] ?? this.code)
  }
}

export function requestLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  const header = req.headers["x-tianyuan-locale"]
  return (Array.isArray(header) ? header[0] : header)?.toLowerCase().startsWith("en") ? "en" : "zh-CN"
}

export function sendPortalError(req: MedusaRequest, res: MedusaResponse, error: PortalError) {
  res.status(error.status).json({
    type: error.status === 404 ? "not_found" : error.status === 401 ? "unauthorized" : "invalid_data",
    code: error.code,
    message: error.messageIn(requestLocale(req)),
  })
}

/** Wraps a route handler so PortalErrors reach the member as a translated 4xx and nothing else changes. */
export function translated<Req extends MedusaRequest<any>>(
  handler: (req: Req, res: MedusaResponse) => Promise<unknown>
): (req: Req, res: MedusaResponse) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof PortalError) {
        sendPortalError(req, res, error)
        return
      }
      throw error
    }
  }
}
