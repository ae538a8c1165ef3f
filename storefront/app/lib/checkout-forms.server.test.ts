import { describe, expect, it } from "vitest";

import { addressFields, addressFormSchema, normaliseMobile } from "./checkout-forms.server";
import { readForm } from "./forms.server";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const filled = {
  email: " Buyer@Example.com ",
  name: "李华",
  phone: "138 0013 8000",
  province: "61",
  city: "6106",
  district: "610629",
  street: "凤栖街道",
  detail: "中心街 18 号 2 单元 301",
};

describe("normaliseMobile", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["0086 199 0000 0000", "19900000000"],
  ])("reads %s as a mainland mobile number", (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each(["1380013800", "138001380001", "12800138000", "010-12345678", "abc", ""])("refuses %s", (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe("the checkout's address form", () => {
  it("accepts a complete address and tidies it", () => {
    const submission = readForm(addressFormSchema, form(filled), "zh-CN", addressFields);
    expect(submission.ok).toBe(true);
    if (!submission.ok) return;
    expect(submission.data).toEqual({ ...filled, email: "buyer@example.com", phone: "13800138000" });
  });

  it("keeps everything typed and names each problem in the buyer's language", () => {
    const typed = { ...filled, email: "not an address", phone: "12345", street: "" };
    const zh = readForm(addressFormSchema, form(typed), "zh-CN", addressFields);
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.failure.values).toEqual(typed);
    expect(zh.failure.fieldErrors).toEqual({
      email: "请填写正确的邮箱地址。",
      phone: "请填写 11 位手机号，例如 13800138000。",
      street: "请填写街道或乡镇。",
    });
    const en = readForm(addressFormSchema, form(typed), "en", addressFields);
    expect(en.ok ? null : en.failure.fieldErrors.phone).toBe("Enter an 11-digit mainland mobile number, such as 13800138000.");
  });

  it("asks for the city and district when only the province is chosen (the no-JavaScript first step)", () => {
    const submission = readForm(addressFormSchema, form({ ...filled, city: "", district: "" }), "zh-CN", addressFields);
    expect(submission.ok ? null : submission.failure.fieldErrors).toEqual({ city: "请选择城市。", district: "请选择区县。" });
  });

  it("refuses a district outside the city, or a city outside the province", () => {
    const district = readForm(addressFormSchema, form({ ...filled, district: "610124" }), "en", addressFields);
    expect(district.ok ? null : district.failure.fieldErrors).toEqual({ district: "Choose a district or county." });
    const city = readForm(addressFormSchema, form({ ...filled, city: "2301", district: "230184" }), "en", addressFields);
    expect(city.ok ? null : city.failure.fieldErrors).toEqual({ city: "Choose a city." });
  });
});
