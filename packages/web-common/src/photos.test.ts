import { describe, expect, it } from "vitest";

import {
  fallbackVariant,
  PHOTO_BACKGROUND,
  placeholderBackground,
  thumbhashAverageColor,
  toPictureData,
  toThumbnailData,
  webpAtLeast,
  webpSrcSet,
  type StoredPhoto,
} from "./photos.ts";

const url = (name: string) => `http://backend.test/media/photos/${name}`;

const photo: StoredPhoto = {
  id: "photo_1",
  width: 1600,
  height: 1200,
  // ThumbHash of a red picture; thumbhash's own thumbHashToAverageRGBA gives #cb3d27.
  placeholder: "2RoDFYZwd3eHiIiHiHiHh3CH93d3",
  // Listed out of order on purpose: the srcset must still go narrowest first.
  variants: [
    { width: 1280, format: "webp", url: url("a-1280.webp") },
    { width: 320, format: "webp", url: url("a-320.webp") },
    { width: 1280, format: "jpeg", url: url("a-1280.jpg") },
    { width: 640, format: "webp", url: url("a-640.webp") },
  ],
};

describe("webpSrcSet", () => {
  it("lists the webp variants narrowest first, leaving the jpeg out", () => {
    expect(webpSrcSet(photo)).toBe(`${url("a-320.webp")} 320w, ${url("a-640.webp")} 640w, ${url("a-1280.webp")} 1280w`);
  });

  it("is empty for a photo with no webp", () => {
    expect(webpSrcSet({ variants: [{ width: 800, format: "jpeg", url: url("b.jpg") }] })).toBe("");
  });

  it("has only the widths a small photo really has (the pipeline never upscales)", () => {
    const small = { variants: [{ width: 300, format: "webp" as const, url: url("s-300.webp") }] };
    expect(webpSrcSet(small)).toBe(`${url("s-300.webp")} 300w`);
  });
});

describe("choosing a variant", () => {
  it("takes the narrowest webp wide enough, or the widest there is", () => {
    expect(webpAtLeast(photo, 320)?.url).toBe(url("a-320.webp"));
    expect(webpAtLeast(photo, 400)?.url).toBe(url("a-640.webp"));
    expect(webpAtLeast(photo, 2000)?.url).toBe(url("a-1280.webp"));
  });

  it("falls back to the jpeg, else the widest variant", () => {
    expect(fallbackVariant(photo)?.url).toBe(url("a-1280.jpg"));
    expect(fallbackVariant({ variants: photo.variants.filter((v) => v.format === "webp") })?.url).toBe(
      url("a-1280.webp"),
    );
    expect(fallbackVariant({ variants: [] })).toBeUndefined();
  });
});

describe("placeholders", () => {
  it("reads the average colour out of a ThumbHash as thumbhash itself does", () => {
    expect(thumbhashAverageColor("2RoDFYZwd3eHiIiHiHiHh3CH93d3")).toBe("#cb3d27");
    expect(thumbhashAverageColor("mIkAFYZwd3d4h4iHiIeHh3B393iI")).toBe("#14d23e");
    expect(thumbhashAverageColor("ZLwORaBfpmeIh4h3iIh4eF+HB4qH")).toBe("#ef9233");
  });

  it("gives up on a missing or broken hash", () => {
    expect(thumbhashAverageColor(null)).toBeNull();
    expect(thumbhashAverageColor("")).toBeNull();
    expect(thumbhashAverageColor("not base64!")).toBeNull();
    expect(thumbhashAverageColor("AAA=")).toBeNull();
  });

  it("paints the blurred data URL over the colour, and only a genuine small PNG data URL", () => {
    const dataUrl = "data:image/png;base64,iVBORw0KGgo=";
    expect(placeholderBackground({ placeholder: photo.placeholder, placeholder_data_url: dataUrl })).toBe(
      `#cb3d27 url("${dataUrl}") center / cover no-repeat`,
    );
    expect(
      placeholderBackground({ placeholder: null, placeholder_data_url: 'data:image/png;base64,x"); background: red' }),
    ).toBe(PHOTO_BACKGROUND);
  });
});

describe("toPictureData and toThumbnailData", () => {
  it("shape a photo into <picture> attributes", () => {
    expect(toPictureData(photo)).toEqual({
      webpSrcSet: webpSrcSet(photo),
      src: url("a-1280.jpg"),
      width: 1600,
      height: 1200,
      background: "#cb3d27",
    });
    expect(toPictureData({ ...photo, variants: [] })).toBeNull();
  });

  it("picks the 320 webp for a list thumbnail", () => {
    expect(toThumbnailData(photo, 320)).toEqual({
      src: url("a-320.webp"),
      width: 1600,
      height: 1200,
      background: "#cb3d27",
    });
  });
});
