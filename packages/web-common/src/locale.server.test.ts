import { describe, expect, it } from "vitest";

import { localeFromRequest, resolveLocale, serializeLocaleCookie } from "./locale.server.ts";

describe("resolveLocale", () => {
  it("defaults to zh-CN without a cookie", () => {
    expect(resolveLocale(null)).toBe("zh-CN");
    expect(resolveLocale("")).toBe("zh-CN");
  });

  it("uses the remembered lng cookie", () => {
    expect(resolveLocale("lng=en")).toBe("en");
    expect(resolveLocale("lng=zh-CN")).toBe("zh-CN");
  });

  it("finds lng among other cookies", () => {
    expect(resolveLocale("_ga=GA1.2.3; lng=en; theme=dark")).toBe("en");
    expect(resolveLocale("xlng=en; lng=zh-CN")).toBe("zh-CN");
  });

  it("falls back to zh-CN for languages it does not speak", () => {
    expect(resolveLocale("lng=fr")).toBe("zh-CN");
    expect(resolveLocale("lng=EN")).toBe("zh-CN");
    expect(resolveLocale("lng=")).toBe("zh-CN");
    expect(resolveLocale("lng=%E0%A4%A")).toBe("zh-CN");
  });

  it("ignores Accept-Language: the default stays zh-CN unless the cookie says otherwise", () => {
    const request = new Request("http://localhost/", { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    expect(localeFromRequest(request)).toBe("zh-CN");
  });
});

describe("serializeLocaleCookie", () => {
  it("remembers the choice for a year across the whole site", () => {
    const cookie = serializeLocaleCookie("en", { secure: false });
    expect(cookie.split("; ")).toEqual(
      expect.arrayContaining(["lng=en", "Path=/", "Max-Age=31536000", "SameSite=Lax"]),
    );
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure over https", () => {
    expect(serializeLocaleCookie("zh-CN", { secure: true })).toContain("; Secure");
  });
});
