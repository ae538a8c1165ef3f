import { describe, expect, it } from "vitest";

import { isStrongEnoughPassword, normaliseIdentifier } from "./member-identifier";

describe("normaliseIdentifier", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["0086 13800138000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["  13800138000  ", "13800138000"],
  ])("reads %j as the mobile number %s", (input, value) => {
    expect(normaliseIdentifier(input)).toEqual({ kind: "mobile", value });
  });

  it.each([
    ["li.xiuying@example.com", "li.xiuying@example.com"],
    ["  Li.XiuYing@Example.COM ", "li.xiuying@example.com"],
  ])("reads %j as the email %s", (input, value) => {
    expect(normaliseIdentifier(input)).toEqual({ kind: "email", value });
  });

  it.each([
    "",
    "   ",
    "1380013800",
    "138001380001",
    "23800138000",
    "+1 138 0013 8000",
    "1380013800a",
    "li.xiuying@",
    "@example.com",
    "li xiuying@example.com",
    "li.xiuying@example",
    `${"a".repeat(250)}@example.com`,
  ])("refuses %j", (input) => {
    expect(normaliseIdentifier(input)).toBeNull();
  });
});

describe("isStrongEnoughPassword", () => {
  it.each(["tianyuan1", "12345678a", "村里的密码2025", "A1bcdefg"])("accepts %j", (password) => {
    expect(isStrongEnoughPassword(password)).toBe(true);
  });

  it.each(["short1a", "12345678", "abcdefgh", "", `a1${"x".repeat(127)}`])("refuses %j", (password) => {
    expect(isStrongEnoughPassword(password)).toBe(false);
  });
});
