import { describe, expect, it } from "vitest";

import { readForm } from "./forms.server";
import {
  certificateFormSchema,
  newProduceEcho,
  newProduceFormSchema,
  normaliseNumberText,
  optionalDateField,
  priceField,
  readKeptPhotos,
  readVariantEdits,
  stockField,
  toNewProduce,
} from "./produce-forms.server";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

const listing = { title: " 洛川苹果 ", unit: "jin", price: "6.5", stock: "120" };

describe("number fields", () => {
  it("read what a Chinese phone keyboard types", () => {
    expect(normaliseNumberText("１２．５元")).toBe("12.5");
    expect(normaliseNumberText(" ￥ 6.50 ")).toBe("6.50");
    expect(normaliseNumberText("1,200")).toBe("1200");
  });

  it("take prices above ¥0 up to ¥100,000 with at most two decimals", () => {
    expect(priceField.safeParse("6.5").data).toBe("6.5");
    expect(priceField.safeParse("１００000").data).toBe("100000");
    for (const wrong of ["0", "0.00", "6.555", "-1", "100000.01", "abc", ""]) {
      expect(priceField.safeParse(wrong).success, wrong).toBe(false);
    }
  });

  it("take stock as a whole number from 0 to 1,000,000", () => {
    expect(stockField.safeParse("0").data).toBe(0);
    expect(stockField.safeParse("1000000").data).toBe(1_000_000);
    for (const wrong of ["1.5", "-3", "1000001", "", "十"]) expect(stockField.safeParse(wrong).success, wrong).toBe(false);
  });

  it("take a date from the picker or typed by hand, and refuse impossible ones", () => {
    expect(optionalDateField.safeParse("2026-09-20").data).toBe("2026-09-20");
    expect(optionalDateField.safeParse("2026/9/5").data).toBe("2026-09-05");
    expect(optionalDateField.safeParse("2026年9月5日").data).toBe("2026-09-05");
    expect(optionalDateField.safeParse("").data).toBeUndefined();
    expect(optionalDateField.safeParse("2026-02-30").success).toBe(false);
    expect(optionalDateField.safeParse("next week").success).toBe(false);
  });
});

describe("the listing form", () => {
  it("turns a farmer's few fields into the contract's body, with one variant", () => {
    const submission = readForm(
      newProduceFormSchema({ farmerRequired: false }),
      form({ ...listing, harvest_date: "2026-09-20", net_weight: "", variety: " 红富士 " }),
      "zh-CN",
      newProduceEcho,
    );
    if (!submission.ok) throw new Error(JSON.stringify(submission.failure));
    expect(toNewProduce(submission.data, ["photo_1", "photo_2"])).toEqual({
      title: "洛川苹果",
      unit: "jin",
      harvest_date: "2026-09-20",
      variety: "红富士",
      storage: "ambient",
      photo_ids: ["photo_1", "photo_2"],
      variants: [{ title: "标准", price: "6.5", stock: 120 }],
    });
  });

  it("passes the chosen category on, and leaves it out when none was chosen", () => {
    const read = (category: string) =>
      readForm(newProduceFormSchema({ farmerRequired: false }), form({ ...listing, category }), "zh-CN", newProduceEcho);
    const chosen = read(" fruit ");
    const none = read("");
    expect(chosen.ok && toNewProduce(chosen.data, []).category).toBe("fruit");
    expect(none.ok && "category" in toNewProduce(none.data, [])).toBe(false);
  });

  it("turns a box's net weight in kilograms into grams", () => {
    const submission = readForm(
      newProduceFormSchema({ farmerRequired: false }),
      form({ ...listing, unit: "box", net_weight: "2.5" }),
      "zh-CN",
      [],
    );
    expect(submission.ok && toNewProduce(submission.data, []).net_weight_grams).toBe(2500);
  });

  it("names each wrong field in the member's language and echoes what was typed", () => {
    const submission = readForm(
      newProduceFormSchema({ farmerRequired: true }),
      form({ title: "", unit: "ton", price: "0", stock: "1.5", harvest_date: "2026-13-01" }),
      "zh-CN",
      newProduceEcho,
    );
    expect(submission.ok).toBe(false);
    if (submission.ok) return;
    expect(submission.failure.fieldErrors).toEqual({
      title: "请填写名称（1 到 80 个字）。",
      unit: "请选择按什么卖：斤、公斤、箱或件。",
      price: "价格要大于 0 元、不超过 10 万元，最多两位小数。",
      stock: "库存要是 0 到 100 万之间的整数。",
      harvest_date: "日期格式不对，例如 2026-09-20。",
      farmer_member_id: "请选择是哪位农户的。",
    });
    expect(submission.failure.values).toMatchObject({ price: "0", stock: "1.5", unit: "ton" });
  });

  it("asks a manager of several farmers whose produce it is, in English too", () => {
    const submission = readForm(newProduceFormSchema({ farmerRequired: true }), form(listing), "en", []);
    expect(submission.ok ? null : submission.failure.fieldErrors).toEqual({
      farmer_member_id: "Choose whose produce this is.",
    });
  });
});

describe("readKeptPhotos", () => {
  it("pairs each stored photo id with its preview, dropping what is not an id or a web address", () => {
    const kept = readKeptPhotos(
      form({
        photo_ids: ["photo_1", "photo_1", "<script>", "photo_2"],
        photo_previews: ["http://backend.test/a-320.webp", "", "x", "javascript:alert(1)"],
      }),
    );
    expect(kept).toEqual([
      { id: "photo_1", previewUrl: "http://backend.test/a-320.webp" },
      { id: "photo_2", previewUrl: null },
    ]);
  });

  it("keeps at most eight", () => {
    const ids = Array.from({ length: 10 }, (_, index) => `photo_${index}`);
    expect(readKeptPhotos(form({ photo_ids: ids }))).toHaveLength(8);
  });
});

describe("readVariantEdits", () => {
  it("reads every variant's price and stock", () => {
    const edits = readVariantEdits(
      form({ "price.var_1": "7.2", "stock.var_1": "80", "price.var_2": "69", "stock.var_2": "0" }),
      ["var_1", "var_2"],
      "zh-CN",
    );
    expect(edits.ok && edits.changes).toEqual([
      { id: "var_1", price: "7.2", stock: 80 },
      { id: "var_2", price: "69", stock: 0 },
    ]);
  });

  it("names the wrong fields and keeps what was typed", () => {
    const edits = readVariantEdits(form({ "price.var_1": "abc", "stock.var_1": "-1" }), ["var_1"], "en");
    expect(edits.ok ? null : edits.failure).toEqual({
      values: { "price.var_1": "abc", "stock.var_1": "-1" },
      fieldErrors: {
        "price.var_1": "Enter a price above ¥0 and at most ¥100,000, with at most two decimals.",
        "stock.var_1": "Stock must be a whole number from 0 to 1,000,000.",
      },
      formError: null,
    });
  });

  it("treats a missing variant as a form it did not render", () => {
    const edits = readVariantEdits(form({ "price.var_1": "7" }), ["var_1"], "zh-CN");
    expect(edits.ok ? null : edits.failure.formError).toBe("填写的内容有误，请检查后再提交。");
  });
});

describe("the certificate form", () => {
  it("takes a quantity of 1 to 40 characters", () => {
    expect(certificateFormSchema.safeParse({ quantity: " 500 斤 " }).data).toEqual({ quantity: "500 斤" });
    expect(certificateFormSchema.safeParse({ quantity: "  " }).success).toBe(false);
    expect(certificateFormSchema.safeParse({ quantity: "斤".repeat(41) }).success).toBe(false);
  });
});
