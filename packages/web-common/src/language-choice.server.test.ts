import { describe, expect, it } from "vitest";

import { rememberLanguageChoice } from "./language-choice.server.ts";

async function postLanguageChoice(fields: Record<string, string>, url = "http://localhost:8000/lang") {
  const request = new Request(url, { method: "POST", body: new URLSearchParams(fields) });
  return rememberLanguageChoice(request);
}

describe("rememberLanguageChoice (POST /lang)", () => {
  it("remembers the language and goes back to the page it came from", async () => {
    const response = await postLanguageChoice({ lng: "en", redirectTo: "/produce/honey?from=home" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/produce/honey?from=home");
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^lng=en; /);
    expect(cookie).toContain("Max-Age=31536000");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });

  it("switches back to Chinese", async () => {
    const response = await postLanguageChoice({ lng: "zh-CN", redirectTo: "/" });
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=zh-CN; /);
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])(
    "never redirects off-site (%s goes to /)",
    async (redirectTo) => {
      const response = await postLanguageChoice({ lng: "en", redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/");
    },
  );

  it("goes home when no redirectTo is given", async () => {
    const response = await postLanguageChoice({ lng: "en" });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("marks the cookie Secure when served over https", async () => {
    const response = await postLanguageChoice({ lng: "en" }, "https://tianyuan.example/lang");
    expect(response.headers.get("Set-Cookie")).toContain("Secure");
  });

  it.each<Record<string, string>>([{ lng: "fr" }, {}, { lng: "en", admin: "1" }])(
    "rejects %j with 400 and sets no cookie",
    async (fields) => {
      const response = await postLanguageChoice(fields);
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie")).toBeNull();
    },
  );
});
