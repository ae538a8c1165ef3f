import { defaultLocale, isLocale, localeCookieName, type Locale } from "./locale.ts";

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

/** The locale remembered in the `lng` cookie; zh-CN when there is none or it is not one we speak. */
export function resolveLocale(cookieHeader: string | null): Locale {
  const remembered = readCookie(cookieHeader, localeCookieName);
  return isLocale(remembered) ? remembered : defaultLocale;
}

export function localeFromRequest(request: Request): Locale {
  return resolveLocale(request.headers.get("Cookie"));
}

export function serializeLocaleCookie(locale: Locale, { secure }: { secure: boolean }): string {
  const attributes = [
    `${localeCookieName}=${locale}`,
    "Path=/",
    `Max-Age=${ONE_YEAR_IN_SECONDS}`,
    "SameSite=Lax",
    "HttpOnly",
  ];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim().replace(/^"(.*)"$/, "$1");
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
