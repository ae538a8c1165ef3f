import { describe, expect, it, vi } from "vitest";

import type { BackendRequest } from "./backend.server";
import { createCooperativeApi, originText } from "./cooperative-api.server";

const access = { token: "jwt-1", locale: "zh-CN" as const };

const photo = {
  id: "photo_1",
  width: 1600,
  height: 1200,
  placeholder: "2RoDFYZwd3eHiIiHiHiHh3CH93d3",
  placeholder_data_url: "data:image/png;base64,iVBORw0KGgo=",
  variants: [
    { width: 320, format: "webp", url: "http://backend.test/media/photos/a-320.webp" },
    { width: 1280, format: "jpeg", url: "http://backend.test/media/photos/a-1280.jpg" },
  ],
};

/** A produce as the portal routes answer it (docs/api/produce.md). */
const portalProduce = {
  id: "prod_1",
  handle: "luochuan-apples",
  title: "洛川苹果",
  title_en: null,
  description: "",
  description_en: null,
  status: "published",
  archived: false,
  thumbnail: null,
  unit: "jin",
  net_weight_grams: null,
  grade: null,
  variety: null,
  harvest_date: null,
  preorder_opens_at: null,
  preorder_closes_at: null,
  ships_from: null,
  origin_area_code: "610629102201",
  storage: "ambient",
  certifications: [],
  story: "",
  photos: [{ ...photo, placeholder_data_url: undefined }],
  farmer: { id: "mem_1", real_name: "李秀英" },
  cooperative: { id: "coop_1", name: "桐堤苹果合作社", handle: "tongdi-apples", village_code: "610629102201" },
  certificates: [{ id: "cert_1", issued_on: "2026-09-01T02:00:00.000Z" }],
  variants: [{ id: "var_1", title: "标准", price: 6.5, price_fen: 650, stock: 120 }],
  created_at: "2026-07-30T08:00:00.000Z",
};

function backendAnswering(answer: unknown) {
  const calls: [string, BackendRequest][] = [];
  const store: [string, string][] = [];
  const api = createCooperativeApi({
    callBackend: vi.fn(async (path: string, request: BackendRequest) => {
      calls.push([path, request]);
      return answer;
    }),
    callStore: vi.fn(async (path: string, locale: string) => {
      store.push([path, locale]);
      return answer;
    }),
  });
  return { api, calls, store };
}

describe("createCooperativeApi", () => {
  it("reads the member's standing in the cooperative", async () => {
    const { api, calls } = backendAnswering({
      cooperative: { id: "coop_1", name: "桐堤苹果合作社", handle: "tongdi-apples", status: "active", contact_phone: "1" },
      acting_as: "coop_manager",
      farmers: [{ id: "mem_1", real_name: "李秀英" }],
    });
    expect(await api.getStanding(access, "coop_1")).toEqual({
      cooperative: { id: "coop_1", name: "桐堤苹果合作社", handle: "tongdi-apples", status: "active" },
      acting_as: "coop_manager",
      farmers: [{ id: "mem_1", real_name: "李秀英" }],
    });
    expect(calls[0]).toEqual(["/portal/cooperatives/coop_1", { token: "jwt-1", locale: "zh-CN" }]);
  });

  it("lists produce, reading dates and photos as the contract gives them", async () => {
    const { api, calls } = backendAnswering({ produce: [portalProduce] });
    const [produce] = await api.listProduce(access, "coop_1");
    expect(calls[0]?.[0]).toBe("/portal/cooperatives/coop_1/produce");
    expect(produce?.variants).toEqual([{ id: "var_1", title: "标准", price: 6.5, stock: 120 }]);
    expect(produce?.photos[0]?.placeholder_data_url).toBeNull();
    expect(produce?.certificates).toEqual([{ id: "cert_1", issued_on: "2026-09-01T02:00:00.000Z" }]);
  });

  it("refuses produce in a unit it does not know, rather than guessing", async () => {
    const { api } = backendAnswering({ produce: [{ ...portalProduce, unit: "ton" }] });
    await expect(api.listProduce(access, "coop_1")).rejects.toThrow();
  });

  it("changes every variant's price and stock in one PATCH", async () => {
    const { api, calls } = backendAnswering({ produce: portalProduce });
    await api.changeVariants(access, "coop_1", "prod_1", [{ id: "var_1", price: "7.20", stock: 80 }]);
    expect(calls[0]).toEqual([
      "/portal/cooperatives/coop_1/produce/prod_1",
      { method: "PATCH", body: { variants: [{ id: "var_1", price: "7.20", stock: 80 }] }, token: "jwt-1", locale: "zh-CN" },
    ]);
  });

  it("archives, lists and issues certificates at the contract's paths", async () => {
    const { api, calls } = backendAnswering({ produce: portalProduce, certificate: { id: "cert_9", quantity: "5" } });
    await api.archiveProduce(access, "coop_1", "prod_1");
    await api.createProduce(access, "coop_1", {
      title: "洛川苹果",
      unit: "jin",
      storage: "ambient",
      photo_ids: ["photo_1"],
      variants: [{ title: "标准", price: "6.50", stock: 120 }],
    });
    expect(await api.issueCertificate(access, "coop_1", "prod_1", "500 斤")).toEqual({ id: "cert_9" });
    expect(calls.map(([path, request]) => [request.method, path])).toEqual([
      ["POST", "/portal/cooperatives/coop_1/produce/prod_1/archive"],
      ["POST", "/portal/cooperatives/coop_1/produce"],
      ["POST", "/portal/cooperatives/coop_1/produce/prod_1/certificates"],
    ]);
    expect(calls[2]?.[1].body).toEqual({ quantity: "500 斤" });
  });

  it("sends photos to the media route as they are, with the member's token", async () => {
    const { api, calls } = backendAnswering({ photos: [photo] });
    const body = new ReadableStream<Uint8Array>();
    const photos = await api.uploadPhotos(access, { body, contentType: "multipart/form-data; boundary=x" });
    expect(photos.map((stored) => stored.id)).toEqual(["photo_1"]);
    expect(calls[0]).toEqual([
      "/portal/media/photos",
      { method: "POST", upload: { body, contentType: "multipart/form-data; boundary=x" }, token: "jwt-1", locale: "zh-CN" },
    ]);
  });

  it("lists the store's product categories in their order, with the English name when there is one", async () => {
    const { api, store } = backendAnswering({
      product_categories: [
        { handle: "grain-oil", name: "粮油", rank: 2, metadata: { name_en: "Grain and oil" } },
        { handle: "fruit", name: "水果", rank: 0, metadata: { name_en: "Fruit" } },
        { handle: "local", name: "本地特产", rank: 9, metadata: null },
      ],
    });
    expect(await api.listProduceCategories("en")).toEqual([
      { handle: "fruit", name: "水果", name_en: "Fruit" },
      { handle: "grain-oil", name: "粮油", name_en: "Grain and oil" },
      { handle: "local", name: "本地特产", name_en: null },
    ]);
    expect(store).toEqual([["/store/product-categories?limit=100", "en"]]);
  });

  it("reads the public certificate with the publishable key, its origin as an address", async () => {
    const { api, store } = backendAnswering({
      certificate: {
        id: "cert_1",
        product_name: "洛川苹果",
        quantity: "500 斤",
        producer_name: "桐堤苹果合作社（李秀英）",
        origin: {
          area_code: "610629102201",
          areas: [
            { code: "610629102201", name: "桐堤村", level: "village" },
            { code: "61", name: "陕西省", level: "province" },
            { code: "610629", name: "洛川县", level: "county" },
          ],
          village: { handle: "tongdi", name: "桐堤村" },
        },
        contact: "王建国 13900000001",
        issued_on: "2026-09-01T02:00:00.000Z",
        commitment: "我承诺……",
        produce: { handle: "luochuan-apples", title: "洛川苹果" },
      },
    });
    const certificate = await api.findCertificate("cert_1", "zh-CN");
    expect(store).toEqual([["/store/certificates/cert_1", "zh-CN"]]);
    expect(certificate.origin).toBe("陕西省洛川县桐堤村");
    expect(originText({ names: ["陕西省", "洛川县"], code: "610629" }, "en")).toBe("陕西省 洛川县");
    expect(originText({ names: [], code: "610629" }, "zh-CN")).toBe("610629");
  });
});
