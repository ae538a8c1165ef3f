import { describe, expect, it } from "vitest";

import { isoDateSchema, produceSchema } from "./produce.server.ts";

const minimal = {
  id: "prod_1",
  handle: "millet",
  title: "小米",
  status: "published",
  archived: false,
  unit: "jin",
  photos: [],
  farmer: { id: "mem_1" },
  cooperative: { id: "coop_1", name: "桐堤合作社" },
  certificates: [{ id: "cert_1", issued_on: "2026-09-01" }],
  variants: [{ id: "var_1", title: "标准", price: null, price_fen: null, stock: 3 }],
  created_at: "2026-07-30T08:00:00Z",
};

describe("produceSchema", () => {
  it("fills what the backend may leave out, so pages never meet undefined", () => {
    const produce = produceSchema.parse(minimal);
    expect(produce).toMatchObject({
      title_en: null,
      description: "",
      net_weight_grams: null,
      harvest_date: null,
      storage: "ambient",
      certifications: [],
      story: "",
      farmer: { id: "mem_1", real_name: "" },
      cooperative: { id: "coop_1", name: "桐堤合作社", handle: null, village_code: null },
    });
    expect(produce.certificates[0]?.issued_on).toBe("2026-09-01T00:00:00.000Z");
    expect(produce.created_at).toBe("2026-07-30T08:00:00.000Z");
  });

  it("refuses what the contract does not have", () => {
    expect(produceSchema.safeParse({ ...minimal, unit: "ton" }).success).toBe(false);
    expect(produceSchema.safeParse({ ...minimal, storage: "frozen" }).success).toBe(false);
  });
});

describe("isoDateSchema", () => {
  it("takes strings and dates, and refuses what is not a date", () => {
    expect(isoDateSchema.parse(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(isoDateSchema.safeParse("soon").success).toBe(false);
  });
});
