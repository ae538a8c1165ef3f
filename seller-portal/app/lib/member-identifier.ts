/**
 * A member logs in with an email address or a mainland mobile number, normalised as the backend does
 * (plugins/village/src/lib/login-identifier.ts) so the login key matches the registered one:
 * "+86 138 0013 8000" and "13800138000" are one account, emails are compared in lower case.
 */
export type MemberIdentifier = { kind: "email"; value: string } | { kind: "mobile"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
// The contract's rule: 11 digits starting with 1.
const MAINLAND_MOBILE = /^1\d{10}$/;

export function normaliseIdentifier(input: string): MemberIdentifier | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) && email.length <= MAX_EMAIL_LENGTH ? { kind: "email", value: email } : null;
  }
  const digits = trimmed.replace(/[\s-]/g, "").replace(/^(\+86|0086)/, "");
  return MAINLAND_MOBILE.test(digits) ? { kind: "mobile", value: digits } : null;
}

/** At least 8 characters with a letter and a digit (the contract's rule, checked again by the backend). */
export function isStrongEnoughPassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /\p{L}/u.test(password) && /\d/.test(password);
}
