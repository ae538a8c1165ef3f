import { describe, expect, it, vi } from "vitest";

import type { BackendRequest } from "./backend.server";
import { refundAmountFen } from "./cooperative-orders";
import { actionPath, createOrdersApi } from "./orders-api.server";

const access = { token: "jwt-1", locale: "zh-CN" as const };

function backendAnswering(answer: unknown) {
  const calls: [string, BackendRequest][] = [];
  const api = createOrdersApi(
    vi.fn(async (path: string, request: BackendRequest) => {
      calls.push([path, request]);
      return answer;
    }),
  );
  return { api, calls };
}

/** An order as `GET /portal/cooperatives/:id/orders/:orderId` answers a manager (docs/api/orders.md). */
const managerOrder = {
  id: "order_1",
  display_id: 12,
  created_at: "2026-05-03T06:20:00.000Z",
  status: "placed",
  stage: "placed",
  history: [{ status: "placed", at: "2026-05-03T06:20:00.000Z" }],
  cancel_reason: null,
  cooperative: { id: "coop_1", name: "洛川桐堤苹果专业合作社", handle: "tongdi-apples" },
  shipping: { kind: "delivery", name: "送货上门", amount_fen: 800, pickup_point: null },
  tracking: null,
  buyer: {
    name: "李华",
    phone: "13800138000",
    email: "li@example.com",
    address: { province: "陕西省", city: "延安市", address: "凤栖街道 中心街 18 号", postal_code: "", codes: { province_code: "61" } },
  },
  items: [
    {
      id: "item_1",
      title: "洛川嘎啦苹果",
      variant_title: "一级果",
      thumbnail: null,
      quantity: 3,
      unit: "jin",
      unit_price_fen: 680,
      total_fen: 2040,
      refunded_quantity: 0,
      refunded_fen: 0,
    },
  ],
  totals: { items_fen: 2040, shipping_fen: 800, total_fen: 2840, paid_fen: 0, refunded_fen: 0 },
  payment: { method: "pay_on_delivery", status: "awaiting_payment", paid_fen: 0, refunded_fen: 0, refundable_fen: 0 },
  refunds: [],
  actions: ["pack", "ship", "cancel"],
};

describe("createOrdersApi", () => {
  it("lists the orders with only the filters in use, and reads the page", async () => {
    const { api, calls } = backendAnswering({
      orders: [
        {
          id: "order_1",
          display_id: 12,
          created_at: "2026-05-03T06:20:00.000Z",
          status: "shipped",
          stage: "shipped",
          shipping: { kind: "delivery", name: "送货上门", pickup_point: null },
          tracking: { carrier: "顺丰速运", tracking_number: "SF1234567890", tracking_url: null },
          buyer: { name: "李华" },
          items: [{ title: "洛川嘎啦苹果", variant_title: "一级果", quantity: 3, unit: "jin" }],
          total_fen: 2840,
          actions: ["delivered", "refund", "something_new"],
        },
      ],
      count: 41,
      page: 3,
      page_size: 20,
    });
    const page = await api.listOrders(access, "coop 1", { status: "shipped", q: "李华", page: 3 });
    expect(calls[0]?.[0]).toBe("/portal/cooperatives/coop%201/orders?status=shipped&q=%E6%9D%8E%E5%8D%8E&page=3");
    expect(calls[0]?.[1]).toEqual({ token: "jwt-1", locale: "zh-CN" });
    expect(page).toMatchObject({ count: 41, page: 3, pageSize: 20 });
    // An action this portal does not know is not offered.
    expect(page.orders[0]?.actions).toEqual(["delivered", "refund"]);
    expect(page.orders[0]?.tracking?.tracking_number).toBe("SF1234567890");
  });

  it("reads an order as a manager sees it", async () => {
    const { api, calls } = backendAnswering({ order: managerOrder });
    const order = await api.getOrder(access, "coop_1", "order_1");
    expect(calls[0]?.[0]).toBe("/portal/cooperatives/coop_1/orders/order_1");
    expect(order.buyer).toEqual({
      name: "李华",
      phone: "13800138000",
      email: "li@example.com",
      address: {
        province: "陕西省",
        city: "延安市",
        address: "凤栖街道 中心街 18 号",
        postal_code: "",
        codes: { province_code: "61" },
      },
    });
    expect(order.payment?.method).toBe("pay_on_delivery");
    expect(order.actions).toEqual(["pack", "ship", "cancel"]);
  });

  it("reads a farmer's view: no contact, payment or refunds", async () => {
    const { api } = backendAnswering({
      order: {
        ...managerOrder,
        buyer: { name: "李华", phone: null, email: null, address: null },
        totals: { items_fen: 2040, shipping_fen: null, total_fen: 2040, paid_fen: null, refunded_fen: null },
        payment: null,
        refunds: [],
        actions: [],
      },
    });
    const order = await api.getOrder(access, "coop_1", "order_1");
    expect(order.buyer.phone).toBeNull();
    expect(order.payment).toBeNull();
    expect(order.actions).toEqual([]);
  });

  it("posts each action to its route with only its fields", async () => {
    const { api, calls } = backendAnswering({ order: managerOrder });
    await api.actOnOrder(access, "coop_1", "order_1", { action: "ready_for_pickup" });
    await api.actOnOrder(access, "coop_1", "order_1", { action: "ship", carrier: "顺丰速运", tracking_number: "SF123456" });
    await api.actOnOrder(access, "coop_1", "order_1", {
      action: "refund",
      reason: "坏了",
      lines: [{ item_id: "item_1", quantity: 1 }],
    });
    expect(calls.map(([path, request]) => [path, request.method, request.body])).toEqual([
      ["/portal/cooperatives/coop_1/orders/order_1/ready-for-pickup", "POST", {}],
      ["/portal/cooperatives/coop_1/orders/order_1/ship", "POST", { carrier: "顺丰速运", tracking_number: "SF123456" }],
      [
        "/portal/cooperatives/coop_1/orders/order_1/refund",
        "POST",
        { reason: "坏了", lines: [{ item_id: "item_1", quantity: 1 }] },
      ],
    ]);
    expect(actionPath("picked_up")).toBe("picked-up");
  });

  it("replaces the delivery fee table with the rows given", async () => {
    const { api, calls } = backendAnswering({ rates: [{ province_code: "61", province_name: "陕西省", amount_fen: 800 }] });
    const rates = await api.setDeliveryRates(access, "coop_1", [{ province_code: "61", amount_fen: 800 }]);
    expect(calls[0]?.[1].body).toEqual({ rates: [{ province_code: "61", amount_fen: 800 }] });
    expect(rates).toEqual([{ province_code: "61", province_name: "陕西省", amount_fen: 800 }]);
  });

  it("edits a pickup point with the whole form and removes one with DELETE", async () => {
    const point = { id: "sloc_1", option_id: "so_1", name: "东关集市", address: "北大街 1 号", hours: "", instructions: "" };
    const { api, calls } = backendAnswering({ pickup_point: point });
    const body = { name: "东关集市", address: "北大街 1 号", hours: "", instructions: "" };
    expect(await api.editPickupPoint(access, "coop_1", "sloc_1", body)).toEqual({
      id: "sloc_1",
      name: "东关集市",
      address: "北大街 1 号",
      hours: "",
      instructions: "",
    });
    await api.removePickupPoint(access, "coop_1", "sloc/1");
    expect(calls.map(([path, request]) => [path, request.method, request.body, request.token])).toEqual([
      ["/portal/cooperatives/coop_1/pickup-points/sloc_1", "POST", body, "jwt-1"],
      ["/portal/cooperatives/coop_1/pickup-points/sloc%2F1", "DELETE", undefined, "jwt-1"],
    ]);
  });

  it("reads the payouts statement", async () => {
    const { api, calls } = backendAnswering({
      balance_fen: 1938,
      unpaid_fen: 1938,
      entries: [
        {
          id: "ple_1",
          kind: "earned",
          amount_fen: 2040,
          order_id: "order_1",
          line_item_id: "item_1",
          commission_rate_bps: null,
          description: "",
          payout_run_id: null,
          created_at: "2026-05-04T02:00:00.000Z",
        },
        {
          id: "ple_2",
          kind: "commission",
          amount_fen: -102,
          order_id: "order_1",
          line_item_id: "item_1",
          commission_rate_bps: 500,
          description: "",
          payout_run_id: null,
          created_at: "2026-05-04T02:00:00.000Z",
        },
      ],
      count: 2,
      page: 2,
      page_size: 50,
      payout_runs: [],
      account: { method: "manual", bank_name: "", bank_account_last4: "" },
    });
    const statement = await api.getPayouts(access, "coop_1", 2);
    expect(calls[0]?.[0]).toBe("/portal/cooperatives/coop_1/payouts?page=2");
    expect(statement.entries.reduce((sum, entry) => sum + entry.amount_fen, 0)).toBe(statement.balance_fen);
    expect(statement.pageSize).toBe(50);
  });
});

describe("refundAmountFen", () => {
  const paid = {
    ...managerOrder,
    items: [
      { ...managerOrder.items[0]!, quantity: 3, unit_price_fen: 333, total_fen: 1000, refunded_quantity: 1, refunded_fen: 333 },
    ],
    totals: { items_fen: 1000, shipping_fen: 800, total_fen: 1800, paid_fen: 1800, refunded_fen: 333 },
    payment: { method: "stripe" as const, status: "partially_refunded" as const, paid_fen: 1800, refunded_fen: 333, refundable_fen: 1467 },
    refunds: [],
  };

  it("refunds what is left of the lines and the delivery fee for the whole order", () => {
    expect(refundAmountFen(paid, null)).toBe(667 + 800);
  });

  it("gives the last units of a line exactly what is left of it", () => {
    expect(refundAmountFen(paid, [{ item_id: "item_1", quantity: 1 }])).toBe(333);
    expect(refundAmountFen(paid, [{ item_id: "item_1", quantity: 2 }])).toBe(667);
  });

  it("never offers more than can still be refunded", () => {
    expect(refundAmountFen({ ...paid, payment: { ...paid.payment, refundable_fen: 500 } }, null)).toBe(500);
  });
});
