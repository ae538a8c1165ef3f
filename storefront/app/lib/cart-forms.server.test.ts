import { describe, expect, it } from "vitest";

import { addToCartSchema, updateLineSchema } from "./cart-forms.server";
import { readForm } from "./forms.server";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the cart's quantities", () => {
  it("accepts whole numbers from 1 when adding", () => {
    const submission = readForm(addToCartSchema, form({ variant_id: "variant_1", quantity: " 3 " }), "zh-CN", ["quantity"]);
    expect(submission.ok && submission.data.quantity).toBe(3);
  });

  it.each(["0", "-1", "1.5", "abc", "", "10000"])("refuses %j when adding, in the buyer's language", (quantity) => {
    const zh = readForm(addToCartSchema, form({ variant_id: "variant_1", quantity }), "zh-CN", ["quantity"]);
    expect(zh.ok ? null : zh.failure).toEqual({
      values: { quantity },
      fieldErrors: { quantity: "数量要是 1 到 9999 之间的整数。" },
      formError: null,
    });
    const en = readForm(addToCartSchema, form({ variant_id: "variant_1", quantity }), "en", ["quantity"]);
    expect(en.ok ? null : en.failure.fieldErrors.quantity).toBe("Enter a whole number from 1 to 9999.");
  });

  it("lets the cart set a line to 0, which removes it", () => {
    const submission = readForm(updateLineSchema, form({ line_id: "line_1", quantity: "0", available: "12" }), "zh-CN", []);
    expect(submission.ok && submission.data).toEqual({ line_id: "line_1", quantity: 0, available: 12 });
  });

  it("reads what the page said is left only when it is a number", () => {
    const submission = readForm(updateLineSchema, form({ line_id: "line_1", quantity: "2", available: "lots" }), "zh-CN", []);
    expect(submission.ok && submission.data.available).toBeNull();
  });
});
