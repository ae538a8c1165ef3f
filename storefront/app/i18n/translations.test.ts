import { keyPaths, placeholders, textAt } from "@tianyuan/web-common/translation-keys.ts";
import { describe, expect, it } from "vitest";

import { en } from "./en";
import { zhCN } from "./zh-CN";

describe("translations", () => {
  it("have the same keys in en and zh-CN", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it.each(keyPaths(zhCN))("%s is a non-empty text with the same placeholders in both", (path) => {
    const chinese = textAt(zhCN, path);
    const english = textAt(en, path);
    expect(typeof chinese === "string" && chinese.trim()).toBeTruthy();
    expect(typeof english === "string" && english.trim()).toBeTruthy();
    expect(placeholders(english)).toEqual(placeholders(chinese));
  });

  it("keep the price placeholder the produce card fills in", () => {
    expect(placeholders(zhCN.home.priceFrom)).toEqual(["price"]);
  });

  it("name the other language on the switch exactly as the e2e tests click it", () => {
    expect(zhCN.languageSwitch.target).toBe("English");
    expect(en.languageSwitch.target).toBe("中文");
  });

  it("name the region browser in the header as the e2e tests click it", () => {
    expect(zhCN.nav.areas).toBe("按地区浏览");
    expect(en.nav.areas).toBe("Browse by region");
  });
});
