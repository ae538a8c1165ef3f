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

  it("name the other language on the switch exactly as the e2e tests click it", () => {
    expect(zhCN.languageSwitch.target).toBe("English");
    expect(en.languageSwitch.target).toBe("中文");
  });

  // The end-to-end tests find the portal's buttons and fields by these names.
  it("keep the names the e2e tests use", () => {
    expect(zhCN.menus).toEqual({
      profile: "我的资料",
      joinVillage: "加入村子",
      myVillage: "我的村",
      joinRequests: "入村申请",
      villageMembers: "村民名单",
      areaOverview: "片区概况",
      myProduce: "我的农产品",
      orders: "订单",
      payouts: "结算",
      areaIncome: "收入统计",
      cooperativeIncome: "合作社收入",
      myIncome: "我的收入",
    });
    expect(en.menus).toEqual({
      profile: "My profile",
      joinVillage: "Join a village",
      myVillage: "My village",
      joinRequests: "Requests to join",
      villageMembers: "Village members",
      areaOverview: "Area overview",
      myProduce: "My produce",
      orders: "Orders",
      payouts: "Payouts",
      areaIncome: "Income",
      cooperativeIncome: "Cooperative income",
      myIncome: "My income",
    });
    expect([zhCN.fields.realName, zhCN.fields.identifier, zhCN.fields.password]).toEqual([
      "真实姓名",
      "邮箱或手机号",
      "密码",
    ]);
    expect([zhCN.register.submit, zhCN.login.submit, zhCN.joinVillage.submit]).toEqual(["注册", "登录", "申请加入"]);
    expect([zhCN.joinRequests.approve, zhCN.joinRequests.decline]).toEqual(["批准", "拒绝"]);
    expect(zhCN.notices.joinRequested).toBe("已提交，等待村支书审批。");
    expect(zhCN.login.wrongCredentials).toMatch(/^账号或密码不对/);
  });

  // The end-to-end tests list produce and edit it by these names.
  it("keep the produce screens' names the e2e tests use", () => {
    const form = (bundle: typeof zhCN) => [
      bundle.newProduce.photos,
      bundle.newProduce.name,
      bundle.newProduce.unit,
      bundle.newProduce.price,
      bundle.newProduce.stock,
      bundle.newProduce.harvestDate,
      bundle.newProduce.farmer,
      bundle.newProduce.submit,
    ];
    expect(form(zhCN)).toEqual(["照片", "名称", "按什么卖", "单价（元）", "库存", "采收日期（选填）", "农户", "上架"]);
    expect(form(en)).toEqual([
      "Photos",
      "Name",
      "Sold by",
      "Price per unit (¥)",
      "Stock",
      "Harvest date (optional)",
      "Farmer",
      "List it",
    ]);
    const row = (bundle: typeof zhCN) => [
      bundle.produceList.title,
      bundle.produceList.addProduce,
      bundle.produceList.price,
      bundle.produceList.stock,
      bundle.produceList.save,
      bundle.produceList.archive,
      bundle.produceList.confirm,
      bundle.produceList.certificate,
    ];
    expect(row(zhCN)).toEqual([
      "我的农产品",
      "上架新农产品",
      "价格（元/{{unit}}）",
      "库存（{{unit}}）",
      "保存",
      "下架",
      "确认",
      "开合格证",
    ]);
    expect(row(en)).toEqual([
      "My produce",
      "List new produce",
      "Price (¥ per {{unit}})",
      "Stock ({{unit}})",
      "Save",
      "Archive",
      "Confirm",
      "Certificate",
    ]);
    expect([zhCN.certificates.quantity, zhCN.certificates.submit, zhCN.certificate.heading]).toEqual([
      "数量（重量）",
      "开具合格证",
      "承诺达标合格证",
    ]);
  });

  it("never make one button's name part of another's on the same page", () => {
    const pairs: [string, string][] = [
      [zhCN.produceList.save, zhCN.produceList.archive],
      [zhCN.produceList.archive, zhCN.produceList.confirm],
      [en.produceList.archive, en.produceList.confirm],
      [en.produceList.save, en.produceList.archive],
      [zhCN.produceList.certificate, zhCN.produceList.archive],
      [zhCN.newProduce.submit, zhCN.newProduce.removePhoto],
      [en.newProduce.submit, en.newProduce.removePhoto],
      [zhCN.joinRequests.approve, zhCN.joinRequests.decline],
      [en.joinRequests.approve, en.joinRequests.decline],
      [zhCN.villageMembers.markVerified, zhCN.villageMembers.markRejected],
      [en.villageMembers.markVerified, en.villageMembers.markRejected],
      [zhCN.menus.joinRequests, zhCN.menus.joinVillage],
    ];
    for (const [one, other] of pairs) {
      expect(other.toLowerCase()).not.toContain(one.toLowerCase());
      expect(one.toLowerCase()).not.toContain(other.toLowerCase());
    }
  });
});
