import { describe, expect, it } from "vitest";

import { en } from "./en";
import { zhCN } from "./zh-CN";

describe("the cooperative order screens' texts", () => {
  // tests/e2e/cooperative-orders.spec.ts finds the buttons, fields and messages by these.
  it("keep the names the e2e tests use", () => {
    expect(zhCN.menus.orders).toBe("订单");
    expect(zhCN.menus.payouts).toBe("结算");
    expect([zhCN.orders.filtersTitle, zhCN.orders.search, zhCN.orders.apply, zhCN.orders.count]).toEqual([
      "筛选订单",
      "搜索",
      "筛选",
      "共 {{count}} 个订单",
    ]);
    expect([zhCN.orders.number, zhCN.orders.pickupAt, zhCN.orders.delivery]).toEqual([
      "订单 #{{number}}",
      "自提：{{name}}",
      "送货上门",
    ]);
    expect([zhCN.orderDetail.carrier, zhCN.orderDetail.trackingNumber, zhCN.orderActions.ship, zhCN.orderActions.pack]).toEqual([
      "快递公司",
      "快递单号",
      "发货",
      "标记已打包",
    ]);
    expect(zhCN.orderNotices.ship).toBe("订单 #{{number}} 已发货，买家会收到快递单号。");
    expect(zhCN.orderNotices.pack).toBe("订单 #{{number}} 已标记为已打包。");
    expect(zhCN.orderDetail.trackingTitle).toBe("快递");
    expect([zhCN.orderDetail.cancelTitle, zhCN.orderActions.cancel]).toEqual(["取消这个订单", "取消订单"]);
    expect(zhCN.orders.readOnly).toContain("只能查看");
    expect(zhCN.orderDetail.readOnly).toMatch(/^你只能查看这个订单/);
  });

  it("name the statuses as the storefront does for buyers", () => {
    expect(zhCN.orderStatus).toMatchObject({ placed: "已下单", packed: "已打包", shipped: "已发货" });
  });

  it("never make one button's name part of another's on the same page", () => {
    for (const bundle of [zhCN, en]) {
      const buttons = [
        ...Object.values(bundle.orderActions),
        bundle.orderDetail.cancelTitle,
        bundle.orderDetail.refundTitle,
        bundle.orderDetail.confirmCancel,
        bundle.orderDetail.confirmRefund,
        bundle.orderDetail.editAgain,
      ];
      for (const one of buttons) {
        for (const other of buttons) {
          if (one !== other) expect(other.toLowerCase()).not.toContain(one.toLowerCase());
        }
      }
    }
  });
});
