import { describe, expect, it } from "vitest";

import { sharedEn, sharedZhCN } from "./shared-translations.ts";
import { keyPaths, placeholders, textAt } from "./translation-keys.ts";

describe("shared translations", () => {
  it("have the same keys in en and zh-CN", () => {
    expect(keyPaths(sharedEn).sort()).toEqual(keyPaths(sharedZhCN).sort());
  });

  it.each(keyPaths(sharedZhCN))("%s is a non-empty text with the same placeholders in both", (path) => {
    const chinese = textAt(sharedZhCN, path);
    const english = textAt(sharedEn, path);
    expect(typeof chinese === "string" && chinese.trim()).toBeTruthy();
    expect(typeof english === "string" && english.trim()).toBeTruthy();
    expect(placeholders(english)).toEqual(placeholders(chinese));
  });

  it("name the other language on the switch exactly as the e2e tests click it", () => {
    expect(sharedZhCN.languageSwitch.target).toBe("English");
    expect(sharedEn.languageSwitch.target).toBe("中文");
  });
});

describe("keyPaths, textAt and placeholders", () => {
  it("walk nested bundles", () => {
    const bundle = { a: { b: "x {{count}} {{name}}", c: "y" }, d: "z" };
    expect(keyPaths(bundle)).toEqual(["a.b", "a.c", "d"]);
    expect(textAt(bundle, "a.b")).toBe("x {{count}} {{name}}");
    expect(textAt(bundle, "a.missing")).toBeUndefined();
    expect(placeholders(textAt(bundle, "a.b"))).toEqual(["count", "name"]);
  });
});
