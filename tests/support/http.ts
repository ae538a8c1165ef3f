/** Small helpers for HTTP suites: answers instead of thrown axios errors, and bearer headers. */
export type Answer = { status: number; data: any }

export async function call(promise: Promise<{ status: number; data: unknown }>): Promise<Answer> {
  try {
    const response = await promise
    return { status: response.status, data: response.data }
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response
    if (!response) throw error
    return { status: response.status, data: response.data }
  }
}

export const bearer = (token: string, locale: "zh-CN" | "en" = "zh-CN") => ({
  headers: { authorization: `Bearer ${token}`, "x-tianyuan-locale": locale },
})
