import { describe, expect, it } from "vitest";

import { safeRedirectPath } from "./safe-redirect.ts";

describe("safeRedirectPath", () => {
  it.each(["/", "/produce/honey", "/search?q=%E8%8B%B9%E6%9E%9C&area=3301", "/a/b#reviews"])(
    "keeps the relative path %s",
    (path) => {
      expect(safeRedirectPath(path)).toBe(path);
    },
  );

  it.each([
    "https://evil.example/",
    "http://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j and falls back to /", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("falls back for anything that is not a string", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(["/a"])).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirectPath("//evil.example", "/produce")).toBe("/produce");
  });
});
