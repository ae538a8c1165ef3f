import { describe, expect, it } from "vitest";

import { describeCoordinates } from "./village-page";
import {
  introductionParagraphs,
  publicVillageResponseSchema,
  toVillagePage,
  villageLocation,
} from "./village-page.server";

const answer = {
  village: {
    id: "vlg_01",
    handle: "shuangmiao",
    name: "双庙村",
    area_code: "330112101201",
    introduction: "双庙村在天目山脚下。\n\n全村种山核桃和竹笋。\r\n欢迎来玩。",
    photos: [
      { url: "http://localhost:9000/static/a.webp", alt: "村口的大樟树" },
      { url: "http://localhost:9000/static/b.webp", alt: "" },
    ],
    latitude: 30.2741,
    longitude: 119.7246,
    parents: [
      { code: "330112101", name: "太阳镇", level: "town" },
      { code: "33", name: "浙江省", level: "province" },
      { code: "330112", name: "临安区", level: "county" },
      { code: "3301", name: "杭州市", level: "city" },
    ],
  },
};

describe("toVillagePage", () => {
  it("keeps what the page shows: breadcrumb province first, paragraphs, photos and a map link", () => {
    const page = toVillagePage(publicVillageResponseSchema.parse(answer).village);
    expect(page.name).toBe("双庙村");
    expect(page.trail.map((crumb) => crumb.name)).toEqual(["浙江省", "杭州市", "临安区", "太阳镇"]);
    expect(page.trail.every((crumb) => !crumb.current)).toBe(true);
    expect(page.paragraphs).toEqual(["双庙村在天目山脚下。", "全村种山核桃和竹笋。", "欢迎来玩。"]);
    expect(page.photos).toEqual([
      { url: "http://localhost:9000/static/a.webp", alt: "村口的大樟树" },
      { url: "http://localhost:9000/static/b.webp", alt: null },
    ]);
    expect(page.location).toEqual({
      latitude: 30.2741,
      longitude: 119.7246,
      mapUrl: "https://www.openstreetmap.org/?mlat=30.2741&mlon=119.7246#map=14/30.2741/119.7246",
    });
  });

  it("copes with a village that has written nothing and has no photos or position", () => {
    const village = publicVillageResponseSchema.parse({
      village: { ...answer.village, introduction: null, photos: null, latitude: null, longitude: undefined },
    }).village;
    expect(toVillagePage(village)).toMatchObject({ paragraphs: [], photos: [], location: null });
  });

  it("reads coordinates sent as strings", () => {
    const village = publicVillageResponseSchema.parse({
      village: { ...answer.village, latitude: "30.5", longitude: "120.25" },
    }).village;
    expect(toVillagePage(village).location).toMatchObject({ latitude: 30.5, longitude: 120.25 });
  });
});

describe("introductionParagraphs", () => {
  it("makes each non-empty line a paragraph", () => {
    expect(introductionParagraphs("  第一段  \n\n\n第二段\n")).toEqual(["第一段", "第二段"]);
    expect(introductionParagraphs("")).toEqual([]);
  });
});

describe("villageLocation", () => {
  it("has no location unless both coordinates are known and on the globe", () => {
    expect(villageLocation(30, null)).toBeNull();
    expect(villageLocation(null, 120)).toBeNull();
    expect(villageLocation(91, 120)).toBeNull();
    expect(villageLocation(30, 181)).toBeNull();
  });

  it("accepts the equator and the prime meridian", () => {
    expect(villageLocation(0, 0)?.mapUrl).toBe("https://www.openstreetmap.org/?mlat=0&mlon=0#map=14/0/0");
  });
});

describe("describeCoordinates", () => {
  it("names the hemispheres and rounds to five decimals", () => {
    expect(describeCoordinates({ latitude: 30.274108, longitude: 119.7246 })).toEqual({
      latitude: { key: "north", value: "30.27411" },
      longitude: { key: "east", value: "119.72460" },
    });
    expect(describeCoordinates({ latitude: -33.9, longitude: -70.6 })).toEqual({
      latitude: { key: "south", value: "33.90000" },
      longitude: { key: "west", value: "70.60000" },
    });
  });
});
