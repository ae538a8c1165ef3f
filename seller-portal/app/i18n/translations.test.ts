import { describe, expect, it } from "vitest";

import { en } from "./en";
import { zhCN } from "./zh-CN";

function keyPaths(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    return typeof value === "object" && value !== null ? keyPaths(value, `${path}.`) : [path];
  });
}

function textAt(tree: object, path: string): unknown {
  return path.split(".").reduce<unknown>(
    (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    tree,
  );
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort();
}

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

  it("name the other language on the switch exactly as the e2e tests click it", () => {
    expect(zhCN.languageSwitch.target).toBe("English");
    expect(en.languageSwitch.target).toBe("中文");
  });
});
