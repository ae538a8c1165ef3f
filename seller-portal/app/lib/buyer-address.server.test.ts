import type { AreaWithChildren } from "@tianyuan/web-common/admin-areas.ts";
import { describe, expect, it, vi } from "vitest";

import { describeAddresses } from "./buyer-address.server";
import type { BuyerAddress } from "./cooperative-orders";

const luochuan: AreaWithChildren = {
  area: {
    code: "610629",
    name: "洛川县",
    level: "county",
    active_village_count: 2,
    village: null,
    parents: [
      { code: "6106", name: "延安市", level: "city" },
      { code: "61", name: "陕西省", level: "province" },
    ],
  },
  children: [],
};

// As the storefront's checkout keeps it: the province as its code, the district only as a code.
const kept: BuyerAddress = {
  province: "61",
  city: "延安市",
  address: "凤栖街道 中心街 20 号",
  postal_code: "",
  codes: { province_code: "61", city_code: "6106", district_code: "610629" },
};

describe("describeAddresses", () => {
  it("names the areas from province down, then the street", async () => {
    const findArea = vi.fn(async (code: string) => (code === "610629" ? luochuan : null));
    const [buyer, other, pickup] = await describeAddresses(
      [{ name: "李华", address: kept }, { name: "王芳", address: kept }, { name: "张三", address: null }],
      findArea,
      "zh-CN",
    );
    expect(buyer?.address?.text).toBe("陕西省延安市洛川县 凤栖街道 中心街 20 号");
    expect(other?.address?.text).toBe(buyer?.address?.text);
    expect(pickup?.address).toBeNull();
    // One lookup per area, however many orders go there.
    expect(findArea).toHaveBeenCalledTimes(1);
  });

  it("writes English addresses street first", async () => {
    const [buyer] = await describeAddresses([{ address: kept }], async () => luochuan, "en");
    expect(buyer?.address?.text).toBe("凤栖街道 中心街 20 号, 洛川县, 延安市, 陕西省");
  });

  it("falls back to what the order kept, leaving out a bare code, when the area is unknown", async () => {
    const [buyer] = await describeAddresses([{ address: kept }], async () => null, "zh-CN");
    expect(buyer?.address?.text).toBe("延安市 凤栖街道 中心街 20 号");
  });
});
