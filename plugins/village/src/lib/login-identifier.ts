/**
 * A member logs in with an email address or a mainland mobile number. Both are normalised before they
 * become the auth identity's key, so "+86 138 0013 8000" and "13800138000" are one account.
 */
export type LoginIdentifier = { kind: "email"; value: string } | { kind: "phone"; value: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

export function parseLoginIdentifier(input: string): LoginIdentifier | null {
  const trimmed = input.trim()
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase()
    return EMAIL.test(email) && email.length <= 254 ? { kind: "email", value: email } : null
  }
  const digits = trimmed.replace(/[\s-]/g, "").replace(/^(\+86|0086)/, "")
  return MAINLAND_MOBILE.test(digits) ? { kind: "phone", value: digits } : null
}

/** At least 8 characters with a letter and a digit: strong enough for a shared phone, short enough to type. */
export function isStrongEnoughPassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /\p{L}/u.test(password) && /\d/.test(password)
}
