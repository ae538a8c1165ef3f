import { describe, expect, it } from "vitest";

import { jpegName, MAX_EDGE, scaledSize } from "./photo-upload";

describe("scaledSize", () => {
  it("fits the longer side to 1600 px, keeping the proportions", () => {
    expect(scaledSize(4000, 3000, MAX_EDGE)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3024, 4032, MAX_EDGE)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(8000, 1000, MAX_EDGE)).toEqual({ width: 1600, height: 200 });
  });

  it("never makes a photo larger, nor a side zero", () => {
    expect(scaledSize(1200, 900, MAX_EDGE)).toEqual({ width: 1200, height: 900 });
    expect(scaledSize(10_000, 2, MAX_EDGE)).toEqual({ width: 1600, height: 1 });
  });
});

describe("jpegName", () => {
  it("keeps the photo's name with a .jpg ending", () => {
    expect(jpegName("IMG_2041.HEIC")).toBe("IMG_2041.jpg");
    expect(jpegName("苹果.png")).toBe("苹果.jpg");
    expect(jpegName("photo")).toBe("photo.jpg");
    expect(jpegName(".jpg")).toBe("photo.jpg");
  });
});
