import { describe, expect, it } from "vitest";

import { areaTrail, isActiveVillage, parentTrail, type AreaSummary } from "./admin-areas.ts";
import { areaResponseSchema, provincesResponseSchema } from "./admin-areas.server.ts";

const zhejiang = { code: "33", name: "浙江省", level: "province" as const };
const hangzhou = { code: "3301", name: "杭州市", level: "city" as const };
const linan = { code: "330112", name: "临安区", level: "county" as const };
const taiyang = { code: "330112101", name: "太阳镇", level: "town" as const };

function village(fields: Partial<AreaSummary>): AreaSummary {
  return { code: "330112101201", name: "双庙村", level: "village", active_village_count: 0, village: null, ...fields };
}

describe("areaTrail", () => {
  it("goes from the province down to the area itself, which is current", () => {
    expect(areaTrail({ ...taiyang, parents: [zhejiang, hangzhou, linan] })).toEqual([
      { ...zhejiang, current: false },
      { ...hangzhou, current: false },
      { ...linan, current: false },
      { ...taiyang, current: true },
    ]);
  });

  it("puts parents in order even when the answer does not", () => {
    const trail = areaTrail({ ...taiyang, parents: [linan, zhejiang, hangzhou] });
    expect(trail.map((crumb) => crumb.code)).toEqual(["33", "3301", "330112", "330112101"]);
  });

  it("is just the area for a province", () => {
    expect(areaTrail({ ...zhejiang, parents: [] })).toEqual([{ ...zhejiang, current: true }]);
  });

  it("does not repeat the area when it is listed among its own parents", () => {
    expect(areaTrail({ ...hangzhou, parents: [zhejiang, hangzhou] }).map((crumb) => crumb.code)).toEqual([
      "33",
      "3301",
    ]);
  });
});

describe("parentTrail", () => {
  it("lists the parents province first, none of them current", () => {
    expect(parentTrail([taiyang, zhejiang, linan, hangzhou])).toEqual([
      { ...zhejiang, current: false },
      { ...hangzhou, current: false },
      { ...linan, current: false },
      { ...taiyang, current: false },
    ]);
  });
});

describe("isActiveVillage", () => {
  it("is true only for a village-level area with a public village", () => {
    expect(isActiveVillage(village({ village: { handle: "shuangmiao", name: "双庙村" } }))).toBe(true);
    expect(isActiveVillage(village({ village: null }))).toBe(false);
    expect(isActiveVillage({ ...linan, active_village_count: 3, village: null })).toBe(false);
  });
});

describe("response schemas", () => {
  it("read the provinces, counting villages as numbers even when sent as strings", () => {
    const parsed = provincesResponseSchema.parse({
      areas: [{ ...zhejiang, pinyin: "zhejiang", active_village_count: "2", village: null }],
    });
    expect(parsed.areas[0]).toEqual({ ...zhejiang, active_village_count: 2, village: null });
  });

  it("read an area with its parents and children, a missing village meaning none", () => {
    const parsed = areaResponseSchema.parse({
      area: {
        ...taiyang,
        pinyin: "taiyangzhen",
        active_village_count: 1,
        village: null,
        parents: [zhejiang, hangzhou, linan],
      },
      children: [
        {
          code: "330112101201",
          name: "双庙村",
          level: "village",
          pinyin: "shuangmiaocun",
          active_village_count: 1,
          village: { handle: "shuangmiao", name: "双庙村" },
        },
        { code: "330112101202", name: "上田村", level: "village", pinyin: "shangtiancun", active_village_count: 0 },
      ],
    });
    expect(parsed.area.parents).toHaveLength(3);
    expect(parsed.children.map(isActiveVillage)).toEqual([true, false]);
    expect(parsed.children[1]?.village).toBeNull();
  });

  it("refuses an answer with an unknown level", () => {
    expect(() =>
      provincesResponseSchema.parse({ areas: [{ ...zhejiang, level: "planet", active_village_count: 0 }] }),
    ).toThrow();
  });
});
