import { describe, expect, it } from "vitest";

import { orderListSearch, refundFieldName } from "./cooperative-orders";
import { readForm } from "./forms.server";
import {
  deliveryRateFormSchema,
  pickupPointEcho,
  pickupPointFormSchema,
  readOrderListQuery,
  readPackingListQuery,
  readRefundForm,
  reasonFormSchema,
  sentByFetcher,
  shipFormSchema,
  shippingIntentSchema,
} from "./order-forms.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("readOrderListQuery", () => {
  it("sends the backend only the filters in use and keeps what was typed", () => {
    const query = readOrderListQuery(
      new URLSearchParams("status=shipped&q=%20李华%20&from=2026/5/9&to=2026-05-03&pickup_point=sloc_1&page=2"),
      "zh-CN",
    );
    // Days typed the wrong way round still mean the days in between.
    expect(query.filters).toEqual({
      status: "shipped",
      q: "李华",
      from: "2026-05-03",
      to: "2026-05-09",
      pickup_point: "sloc_1",
      page: 2,
    });
    expect(query.values.from).toBe("2026/5/9");
    expect(query.fieldErrors).toEqual({});
  });

  it("names an unreadable day beside its field and leaves unknown statuses and pages out", () => {
    const query = readOrderListQuery(new URLSearchParams("status=lost&from=2026-02-30&page=-1"), "en");
    expect(query.filters).toEqual({ page: 1 });
    expect(query.fieldErrors.from).toBe("That date is not valid. For example: 2026-09-20.");
    expect(query.values.status).toBe("lost");
  });

  it("builds another page's address with the filters kept", () => {
    const { values } = readOrderListQuery(new URLSearchParams("status=placed&q=苹果"), "zh-CN");
    expect(orderListSearch(values, 3)).toBe("?status=placed&q=%E8%8B%B9%E6%9E%9C&page=3");
    expect(orderListSearch({ status: "", q: "", from: "", to: "", pickup_point: "" }, 1)).toBe("");
  });
});

describe("readPackingListQuery", () => {
  it("takes a day typed by hand, and today (the backend's) for none or a bad one", () => {
    expect(readPackingListQuery(new URLSearchParams("date=2026年5月3日"), "zh-CN")).toMatchObject({
      date: "2026-05-03",
      dateError: null,
    });
    const bad = readPackingListQuery(new URLSearchParams("date=yesterday"), "zh-CN");
    expect(bad.date).toBeUndefined();
    expect(bad.dateError).toBe("日期格式不对，例如 2026-09-20。");
    expect(readPackingListQuery(new URLSearchParams(""), "zh-CN").date).toBeUndefined();
  });
});

describe("shipping an order", () => {
  it("cleans a tracking number copied from a slip or typed on a Chinese keyboard", () => {
    const submission = readForm(shipFormSchema, form({ carrier: " 顺丰速运 ", tracking_number: "ｓｆ 1234 5678 90" }), "zh-CN", [
      "carrier",
      "tracking_number",
    ]);
    expect(submission).toMatchObject({ ok: true, data: { carrier: "顺丰速运", tracking_number: "SF1234567890" } });
  });

  it("names each wrong field in the member's language and keeps what was typed", () => {
    const submission = readForm(shipFormSchema, form({ carrier: "", tracking_number: "SF#1" }), "zh-CN", [
      "carrier",
      "tracking_number",
    ]);
    expect(submission).toEqual({
      ok: false,
      failure: {
        values: { carrier: "", tracking_number: "SF#1" },
        fieldErrors: {
          carrier: "请填写快递公司（1 到 40 个字）。",
          tracking_number: "快递单号要是 6 到 40 位字母、数字或短横线。",
        },
        formError: null,
      },
    });
  });

  it("asks for a reason to cancel", () => {
    const submission = readForm(reasonFormSchema, form({ reason: "   " }), "en", ["reason"]);
    expect(submission.ok).toBe(false);
    if (!submission.ok) expect(submission.failure.fieldErrors.reason).toBe("Give a reason (1 to 200 characters).");
  });
});

describe("readRefundForm", () => {
  const order = {
    items: [
      { id: "item_1", title: "苹果", variant_title: null, quantity: 3, unit: "jin", unit_price_fen: 680, total_fen: 2040, refunded_quantity: 1, refunded_fen: 680 },
      { id: "item_2", title: "苹果醋", variant_title: null, quantity: 1, unit: "piece", unit_price_fen: 2200, total_fen: 2200, refunded_quantity: 0, refunded_fen: 0 },
    ],
  };

  it("refunds the whole order when asked, whatever the line fields hold", () => {
    const submission = readRefundForm(form({ scope: "order", reason: "冰雹", [refundFieldName("item_1")]: "9" }), order, "zh-CN");
    expect(submission).toMatchObject({ ok: true, reason: "冰雹", lines: null });
  });

  it("refunds the lines given, leaving out the empty and zero ones", () => {
    const submission = readRefundForm(
      form({ scope: "lines", reason: "坏了两斤", [refundFieldName("item_1")]: "２", [refundFieldName("item_2")]: "0" }),
      order,
      "zh-CN",
    );
    expect(submission).toMatchObject({ ok: true, lines: [{ item_id: "item_1", quantity: 2 }] });
  });

  it("names a quantity above what is left of its line, and a missing reason", () => {
    const submission = readRefundForm(form({ scope: "lines", reason: "", [refundFieldName("item_1")]: "3" }), order, "zh-CN");
    expect(submission.ok).toBe(false);
    if (submission.ok) return;
    expect(submission.failure.fieldErrors).toEqual({
      reason: "请填写原因（1 到 200 个字）。",
      [refundFieldName("item_1")]: "要是 0 到 2 之间的整数。",
    });
    // What was typed comes back.
    expect(submission.failure.values).toMatchObject({ scope: "lines", [refundFieldName("item_1")]: "3" });
  });

  it("asks for at least one line when refunding by line", () => {
    const submission = readRefundForm(form({ scope: "lines", reason: "坏了" }), order, "en");
    expect(submission.ok).toBe(false);
    if (!submission.ok) {
      expect(submission.failure.fieldErrors.scope).toBe("Enter at least one produce to refund, or choose the whole order.");
    }
  });
});

describe("delivery fees", () => {
  it("takes yuan as typed and sends fen", () => {
    const read = (fee: string) => deliveryRateFormSchema.safeParse({ province_code: "61", fee });
    expect(read("8").data?.fee).toBe(800);
    expect(read("１２．５元").data?.fee).toBe(1250);
    expect(read("0").data?.fee).toBe(0);
    expect(read("1000.01").success).toBe(false);
    expect(read("-1").success).toBe(false);
    expect(read("8.001").success).toBe(false);
    expect(deliveryRateFormSchema.safeParse({ province_code: "", fee: "8" }).success).toBe(false);
  });
});

describe("pickup points", () => {
  it("reads an edit with the point it is about, and a removal that asks first", () => {
    const read = (fields: Record<string, string>) => shippingIntentSchema.safeParse(Object.fromEntries(form(fields)));
    expect(read({ intent: "edit_pickup_point", point_id: "sloc_1", name: "东关集市" }).data).toEqual({
      intent: "edit_pickup_point",
      point_id: "sloc_1",
    });
    expect(read({ intent: "remove_pickup_point", point_id: "sloc_1" }).data).toEqual({ intent: "remove_pickup_point", point_id: "sloc_1" });
    expect(read({ intent: "remove_pickup_point", point_id: "sloc_1", confirm: "1" }).data?.intent).toBe("remove_pickup_point");
    expect(read({ intent: "remove_pickup_point", point_id: "sloc_1", confirm: "back" }).success).toBe(true);
    // No point, an unknown answer to the question, an unknown intent: the form was not ours.
    expect(read({ intent: "edit_pickup_point" }).success).toBe(false);
    expect(read({ intent: "remove_pickup_point", point_id: "  " }).success).toBe(false);
    expect(read({ intent: "remove_pickup_point", point_id: "sloc_1", confirm: "yes" }).success).toBe(false);
    expect(read({ intent: "rename_pickup_point", point_id: "sloc_1" }).success).toBe(false);
  });

  it("checks an edited point like a new one, naming the field in the member's language and keeping what was typed", () => {
    const submission = readForm(
      pickupPointFormSchema,
      form({ intent: "edit_pickup_point", point_id: "sloc_1", name: " ", address: "北大街 1 号", hours: "", instructions: "" }),
      "en",
      pickupPointEcho,
    );
    expect(submission.ok).toBe(false);
    if (!submission.ok) {
      expect(Object.keys(submission.failure.fieldErrors)).toEqual(["name"]);
      expect(submission.failure.values).toEqual({ name: " ", address: "北大街 1 号", hours: "", instructions: "" });
    }
    const saved = readForm(
      pickupPointFormSchema,
      form({ name: " 东关集市 ", address: "北大街 1 号", hours: "逢三六九", instructions: "" }),
      "zh-CN",
      pickupPointEcho,
    );
    expect(saved.ok && saved.data).toEqual({ name: "东关集市", address: "北大街 1 号", hours: "逢三六九", instructions: "" });
    const tooLong = readForm(pickupPointFormSchema, form({ name: "a", address: "b", hours: "时".repeat(121), instructions: "" }), "zh-CN", pickupPointEcho);
    expect(!tooLong.ok && Object.keys(tooLong.failure.fieldErrors)).toEqual(["hours"]);
  });
});

describe("sentByFetcher", () => {
  it("tells a fetcher's post from a plain form's", () => {
    expect(sentByFetcher(form({ _fetcher: "1" }))).toBe(true);
    expect(sentByFetcher(form({}))).toBe(false);
  });
});
