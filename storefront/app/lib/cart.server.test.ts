import { describe, expect, it } from "vitest";

import { cartViewSchema, createCartApi } from "./cart.server";
import { StoreError, type CallStore } from "./store-api.server";
import { checkoutSchema } from "./checkout.server";

// The answers of docs/api/orders.md, as the backend sends them, shaped for the pages.

describe("the cart grouped by cooperative", () => {
  it("reads the contract's answer into fen amounts per cooperative", () => {
    const view = cartViewSchema.parse({
      groups: [
        {
          cooperative: { id: "coop_1", handle: "tongdi-apples", name: "洛川桐堤苹果专业合作社", village_name: "桐堤村" },
          items: [
            {
              id: "item_1",
              variant_id: "variant_1",
              product_handle: "luochuan-fuji",
              title: "洛川红富士苹果",
              variant_title: "80mm 一级果",
              thumbnail: null,
              quantity: 2,
              unit: "box",
              unit_price_fen: 6800,
              total_fen: 13600,
              available: 118,
            },
          ],
          subtotal_fen: 13600,
          options: [
            {
              id: "so_pickup",
              kind: "pickup",
              name: "桐堤村合作社分拣仓",
              amount_fen: 0,
              pickup_point: { id: "sloc_1", name: "桐堤村合作社分拣仓", address: "桐堤村村委会东侧", hours: "每天 9:00–18:00", instructions: null },
            },
            { id: "so_delivery", kind: "delivery", name: "送货上门", amount_fen: 800, pickup_point: null },
          ],
          selected_option_id: "so_pickup",
        },
      ],
      items_total_fen: 13600,
      shipping_total_fen: 0,
      total_fen: 13600,
      ready: false,
      missing: ["email", "address", "payment"],
    });
    expect(view.groups[0]?.items[0]).toMatchObject({ unitPriceFen: 6800, totalFen: 13600, unit: "box", available: 118 });
    expect(view.groups[0]?.options[0]?.pickupPoint).toEqual({
      id: "sloc_1",
      name: "桐堤村合作社分拣仓",
      address: "桐堤村村委会东侧",
      hours: "每天 9:00–18:00",
      instructions: "",
    });
    expect(view.groups[0]?.selectedOptionId).toBe("so_pickup");
    expect(view.missing).toEqual(["email", "address", "payment"]);
  });

  it("treats stock the backend does not track as unknown, and an unknown unit as none", () => {
    const view = cartViewSchema.parse({
      groups: [
        {
          cooperative: { id: "coop_1", handle: null, name: "合作社", village_name: null },
          items: [
            { id: "i", variant_id: "v", product_handle: null, title: "t", variant_title: null, thumbnail: null, quantity: 1, unit: "crate", unit_price_fen: 1, total_fen: 1, available: null },
          ],
          subtotal_fen: 1,
          options: [],
          selected_option_id: null,
        },
      ],
      items_total_fen: 1,
      shipping_total_fen: 0,
      total_fen: 1,
      ready: false,
      missing: [],
    });
    expect(view.groups[0]?.items[0]).toMatchObject({ available: null, unit: null });
  });
});

describe("a checkout", () => {
  it("reads each cooperative's order with its status, tracking number and pickup point", () => {
    const checkout = checkoutSchema.parse({
      id: "chk_1",
      cart_id: "cart_1",
      email: "buyer@example.com",
      created_at: "2026-11-29T08:00:00.000Z",
      total_fen: 21500,
      payment_provider: "pp_system_default",
      orders: [
        {
          id: "order_1",
          display_id: 7,
          cooperative: { id: "coop_1", handle: "tongdi-apples", name: "洛川桐堤苹果专业合作社" },
          status: "shipped",
          total_fen: 14400,
          shipping: { kind: "delivery", name: "送货上门", amount_fen: 800, pickup_point: null },
          tracking_number: "SF1234567890",
          items: [{ title: "洛川红富士苹果", variant_title: "80mm 一级果", quantity: 2, unit: "box", unit_price_fen: 6800, total_fen: 13600 }],
        },
        {
          id: "order_2",
          display_id: null,
          cooperative: { id: "coop_2", handle: null, name: null },
          status: "on_hold",
          total_fen: 7100,
          shipping: null,
          tracking_number: null,
          items: [],
        },
      ],
    });
    expect(checkout.payment).toBe("manual");
    expect(checkout.orders[0]).toMatchObject({ displayId: "7", status: "shipped", trackingNumber: "SF1234567890", carrier: null });
    // A status this storefront does not know yet is shown by its name rather than hidden.
    expect(checkout.orders[1]).toMatchObject({ displayId: "", status: null, rawStatus: "on_hold", cooperative: { name: "" } });
  });
});

describe("choosing delivery or a pickup point", () => {
  const access = { locale: "zh-CN" as const };

  it("tries again when the cart is still locked by the previous choice, and the choice is made", async () => {
    const sent: unknown[] = [];
    const call: CallStore = async (path, request) => {
      sent.push({ path, body: request.body });
      if (sent.length < 3) throw new StoreError(500, "unknown_error", "An unknown error occurred.");
      return { cart: { id: "cart_1" } };
    };
    await createCartApi(call).chooseShipping("cart_1", "so_pickup", access);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual({ path: "/store/carts/cart_1/shipping-methods?fields=id", body: { option_id: "so_pickup" } });
  });

  it("gives up after a few tries, and never repeats a refusal", async () => {
    let calls = 0;
    const failing: CallStore = async () => {
      calls++;
      throw new StoreError(500, "unknown_error", "An unknown error occurred.");
    };
    await expect(createCartApi(failing).chooseShipping("cart_1", "so_pickup", access)).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(4);

    calls = 0;
    const refusing: CallStore = async () => {
      calls++;
      throw new StoreError(400, "invalid_data", "这个配送方式不属于这个购物车。");
    };
    await expect(createCartApi(refusing).chooseShipping("cart_1", "so_other", access)).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
  });
});
